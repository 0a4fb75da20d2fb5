using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports;
using Shirube.Formats.Tests.Oscal;

namespace Shirube.Formats.Tests.Exports;

/// <summary>
/// Baselines to export, built from the real bundled catalog the way the web app resolves them: every requirement of
/// ETSI EN 303 645 and JC-STAR ★1 at its default level, one ETSI provision left out with a reason, one reworded, two
/// requirements of our own (one tagged with no part), and an assessment that uses all four statuses.
/// </summary>
internal static class BaselineTestData
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(9));

    public const string ExcludedKey = "etsi-en-303-645/5.13-1";
    public const string ExclusionReason = "入力を受け付けるインターフェースがない / The product takes no user input";
    public const string RewordedKey = "etsi-en-303-645/5.1-1";
    public static readonly LocalizedText Rewording = new("Every camera ships with its own password", "カメラごとに固有のパスワードで出荷する");
    public const string OwnTaggedKey = "own/OWN-1";
    public const string OwnUntaggedKey = "own/OWN-2";

    /// <summary>The last JC-STAR requirement, set to BETTER so that every level has lines.</summary>
    public static string BetterKey => $"jc-star-star1/{JcStar.Requirements[^1].Id}";

    public static Guideline Etsi => OscalTestData.BundledGuideline("etsi-en-303-645");

    public static Guideline JcStar => OscalTestData.BundledGuideline("jc-star-star1");

    /// <summary>ETSI EN 303 645 and JC-STAR ★1 with an assessment of every included line.</summary>
    public static BaselineDocument WithAssessment() => Build([Etsi, JcStar], assessed: true);

    /// <summary>The same baseline without an assessment.</summary>
    public static BaselineDocument WithoutAssessment() => Build([Etsi, JcStar], assessed: false);

    /// <summary>About 330 lines (ETSI EN 303 645, OWASP ISVS, IEC 62443-4-2), assessed: the size of a real product baseline.</summary>
    public static BaselineDocument Large() =>
        Build([Etsi, OscalTestData.BundledGuideline("owasp-isvs-1.0"), OscalTestData.BundledGuideline("iec-62443-4-2")], assessed: true);

    private static readonly ImplementationStatus[] Statuses =
        [ImplementationStatus.Implemented, ImplementationStatus.Partial, ImplementationStatus.NotImplemented, ImplementationStatus.NotApplicable];

    private static BaselineDocument Build(IReadOnlyList<Guideline> guidelines, bool assessed)
    {
        const int riskClass = 2;
        var lines = new List<BaselineLine>();
        var n = 0;
        foreach (var g in guidelines)
        {
            foreach (var r in g.Requirements)
            {
                var key = $"{g.Id}/{r.Id}";
                var excluded = key == ExcludedKey;
                lines.Add(new BaselineLine(
                    Key: key,
                    GuidelineId: g.Id,
                    RequirementId: r.Id,
                    Title: key == RewordedKey ? Rewording : r.Title,
                    Summary: r.Summary,
                    Parts: r.Parts,
                    Level: key == BetterKey ? RequirementLevel.Better : LevelDefaults.For(g, r, riskClass),
                    Excluded: excluded,
                    ExclusionReason: excluded ? ExclusionReason : null,
                    Result: assessed && !excluded ? Result(n++) : null));
            }
        }
        lines.Add(new BaselineLine(
            OwnTaggedKey, null, "OWN-1",
            new LocalizedText("Tamper-evident \"seal\" on the <case> & screws", "筐体とネジに開封検知シール（\"seal\"）を貼る <case>"),
            new LocalizedText("Opening the case leaves a visible trace.", "筐体を開けると痕跡が残る。"),
            [IotPart.Device], RequirementLevel.Should, false, null, assessed ? Result(n++) : null));
        lines.Add(new BaselineLine(
            OwnUntaggedKey, null, "OWN-2",
            new LocalizedText("Name a product security officer", "製品セキュリティ責任者を任命する"),
            null, [], RequirementLevel.Must, false, null, assessed ? Result(n++) : null));

        var included = lines.Where(l => !l.Excluded).ToList();
        AssessmentInfo? assessment = null;
        if (assessed)
        {
            var shares = new Dictionary<RequirementLevel, double>();
            foreach (var level in new[] { RequirementLevel.Must, RequirementLevel.Should, RequirementLevel.Better })
            {
                var applying = included.Where(l => l.Level == level && l.Result!.Status != ImplementationStatus.NotApplicable).ToList();
                shares[level] = applying.Count == 0 ? 1 : (double)applying.Count(l => l.Result!.Status == ImplementationStatus.Implemented) / applying.Count;
            }
            assessment = new AssessmentInfo(
                new Guid("5f0c3c1e-8a4b-4d2c-9e71-1a2b3c4d5e6f"), "2.4.1",
                new DateTime(2025, 5, 12, 0, 30, 0, DateTimeKind.Utc), new DateTime(2025, 5, 30, 8, 0, 0, DateTimeKind.Utc),
                null, shares,
                PartShares: new Dictionary<IotPartGroup, double> { [IotPartGroup.Device] = 0.8, [IotPartGroup.Network] = 0.5, [IotPartGroup.Management] = 0.25 },
                History:
                [
                    new HistoryEntry("2.3.0", new DateTime(2024, 11, 2, 0, 0, 0, DateTimeKind.Utc),
                        new Dictionary<RequirementLevel, double> { [RequirementLevel.Must] = 0.5, [RequirementLevel.Should] = 0.25, [RequirementLevel.Better] = 0 }),
                    new HistoryEntry("2.4.1", new DateTime(2025, 5, 30, 8, 0, 0, DateTimeKind.Utc), shares),
                ]);
        }

        return new BaselineDocument(
            Id: new Guid("0b7e2d4a-1c3f-4e5a-8b6c-7d8e9f0a1b2c"),
            Name: "ネットワークカメラ NC-200 ベースライン",
            Version: 3,
            PublishedAt: new DateTime(2025, 4, 21, 6, 0, 0, DateTimeKind.Utc),
            Organisation: "映像機器事業部 (Imaging Devices Division)",
            Product: new ProductInfo(new Guid("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"), "ネットワークカメラ NC-200", "consumer", ["JP", "EU"], riskClass, RequirementLevel.Should),
            Field: "B: 映像・カメラ",
            Parts: [IotPart.Device, IotPart.NetworkLocal, IotPart.NetworkWide, IotPart.PlatformCloud, IotPart.Management],
            Guidelines: [.. guidelines.Select(g => new SourceGuideline(g.Id, g.ShortName, g.Name, g.Version ?? g.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            Lines: lines,
            Assessment: assessment);
    }

    private static LineResult Result(int n)
    {
        var status = Statuses[n % Statuses.Length];
        return new LineResult(
            status,
            status switch
            {
                ImplementationStatus.NotApplicable => "Bluetooth を搭載しない / no Bluetooth radio",
                ImplementationStatus.Partial => "Only the web UI is covered so far",
                _ => null,
            },
            status == ImplementationStatus.NotApplicable ? null : $"試験報告書 TR-{n:000} §3 / test report TR-{n:000}",
            status == ImplementationStatus.Implemented ? [$"https://wiki.example.com/nc-200/evidence/{n}", "see ticket SEC-12 (no link)"] : [],
            status == ImplementationStatus.Implemented ? [$"TR-{n:000}.pdf"] : [],
            n % 2 == 0 ? "佐藤 花子" : "Taro Suzuki",
            new DateOnly(2025, 5, 12).AddDays(n % 18));
    }
}
