namespace Shirube.Domain.Portfolio;

/// <summary>
/// One class of the configurable risk-level definitions: how bad a compromise of a product would be for
/// confidentiality, integrity, availability and safety. The baseline levels a product needs follow its class.
/// </summary>
public sealed class RiskClass
{
    private RiskClass()
    {
        NameEn = NameJa = DescriptionEn = DescriptionJa = string.Empty;
    }

    /// <summary>The lowest class there may be.</summary>
    public const int Lowest = 0;

    /// <summary>The highest class there may be.</summary>
    public const int Highest = 9;

    /// <summary>The class, 0 (lowest) upwards.</summary>
    public int Level { get; private set; }
    /// <summary>English name.</summary>
    public string NameEn { get; private set; }
    /// <summary>Japanese name.</summary>
    public string NameJa { get; private set; }
    /// <summary>What puts a product in this class (English).</summary>
    public string DescriptionEn { get; private set; }
    /// <summary>What puts a product in this class (Japanese).</summary>
    public string DescriptionJa { get; private set; }

    /// <summary>Creates a class definition (<c>Common.OutOfRange</c> for a level outside 0 to 9).</summary>
    public static RiskClass Create(int level, string nameEn, string nameJa, string descriptionEn, string descriptionJa)
    {
        Guard.That(level is >= Lowest and <= Highest, () => CommonErrors.OutOfRange("level", Lowest, Highest));
        var c = new RiskClass { Level = level };
        c.Update(nameEn, nameJa, descriptionEn, descriptionJa);
        return c;
    }

    /// <summary>Changes names (1 to 100 characters) and descriptions (1 to 1000).</summary>
    public void Update(string nameEn, string nameJa, string descriptionEn, string descriptionJa)
    {
        NameEn = Require(nameEn, nameof(nameEn), 100);
        NameJa = Require(nameJa, nameof(nameJa), 100);
        DescriptionEn = Require(descriptionEn, nameof(descriptionEn), 1000);
        DescriptionJa = Require(descriptionJa, nameof(descriptionJa), 1000);
    }

    /// <summary>The default definitions: classes 0–4 by the impact of a compromise.</summary>
    public static IReadOnlyList<RiskClass> Defaults() =>
    [
        Create(0, "Negligible", "軽微", "A compromise affects no personal data, no other systems and no safety.", "侵害されても個人データ・他システム・安全に影響しない。"),
        Create(1, "Low", "低", "A compromise exposes little data or disturbs only the product's own function.", "侵害されても漏えいする情報は少なく、影響は製品自身の機能にとどまる。"),
        Create(2, "Moderate", "中", "A compromise exposes personal data or can be used to attack other systems.", "侵害されると個人データが漏えいするか、他システムへの攻撃の踏み台になる。"),
        Create(3, "High", "高", "A compromise disrupts services people depend on or causes significant financial or privacy harm.", "侵害されると人々が頼るサービスが止まるか、重大な金銭的・プライバシー上の被害が生じる。"),
        Create(4, "Critical", "重大", "A compromise can harm people's health or safety or critical infrastructure.", "侵害されると人の健康・安全や重要インフラに危害が及びうる。"),
    ];

    private static string Require(string text, string field, int max) => Guard.Text(text, field, max);
}
