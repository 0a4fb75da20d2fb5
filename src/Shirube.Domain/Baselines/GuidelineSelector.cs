using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Baselines;

/// <summary>Why a guideline is in the recommended set.</summary>
public enum PickRole
{
    /// <summary>Covers every part group the product has: the one all-round guideline.</summary>
    AllRound,
    /// <summary>The most detailed guideline for one of the product's part groups.</summary>
    MostDetailed,
    /// <summary>Law in a target market: must be met.</summary>
    Mandatory,
    /// <summary>Expected by the market or the sector (harmonised standards, sector guides).</summary>
    Expected,
    /// <summary>Worth taking when the maker chooses to (a voluntary label).</summary>
    Optional,
}

/// <summary>What the selection knows about a product.</summary>
/// <param name="Parts">The IoT parts it has.</param>
/// <param name="Sector">Its sector (automotive, smart-meter, power-control, medical, consumer, industrial), if any.</param>
/// <param name="Markets">Where it is sold: JP, EU, US, UK...</param>
public sealed record ProductProfile(IReadOnlyCollection<IotPart> Parts, string? Sector, IReadOnlyCollection<string> Markets)
{
    /// <summary>The part groups of <see cref="Parts"/>.</summary>
    public IReadOnlySet<IotPartGroup> Groups => Parts.Select(IotParts.GroupOf).ToHashSet();
}

/// <summary>One recommended guideline and why, in both languages.</summary>
/// <param name="Guideline">The guideline.</param>
/// <param name="Role">Why it is picked.</param>
/// <param name="Reason">The reason, for people.</param>
/// <param name="Groups">For <see cref="PickRole.MostDetailed"/> and <see cref="PickRole.AllRound"/>: the groups it is picked for.</param>
public sealed record GuidelinePick(Guideline Guideline, PickRole Role, LocalizedText Reason, IReadOnlyList<IotPartGroup> Groups);

/// <summary>How well a general guideline fits the product's parts.</summary>
/// <param name="Guideline">The guideline.</param>
/// <param name="Covered">How many of the product's part groups it covers.</param>
/// <param name="Depth">Sum of its depth over the product's groups (0 to the number of groups).</param>
/// <param name="Requirements">How many of its requirements concern the product's parts.</param>
public sealed record GuidelineFit(Guideline Guideline, int Covered, double Depth, int Requirements);

/// <summary>The selection for one product: the ranking and the minimal recommended set.</summary>
/// <param name="Profile">The product.</param>
/// <param name="Ranking">General guidelines and standards by fit, best first.</param>
/// <param name="Picks">The recommended set, in order of role.</param>
public sealed record GuidelineSelection(ProductProfile Profile, IReadOnlyList<GuidelineFit> Ranking, IReadOnlyList<GuidelinePick> Picks);

/// <summary>A market or sector that makes a guideline mandatory, expected or worth choosing.</summary>
/// <param name="Market">The market that triggers it, or null.</param>
/// <param name="Sector">The sector that triggers it, or null.</param>
/// <param name="GuidelineId">The guideline.</param>
/// <param name="Role">Mandatory, expected or optional.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record SelectionRule(string? Market, string? Sector, string GuidelineId, PickRole Role, LocalizedText Reason);

/// <summary>
/// Bottom-up step 1: from the coverage of the product's parts, one all-round guideline plus the most detailed one
/// per part group, and what the product's markets and sector make mandatory or expected. Every pick says why.
/// </summary>
public static class GuidelineSelector
{
    /// <summary>The market and sector rules Shirube applies; guidelines missing from the catalog are skipped.</summary>
    public static IReadOnlyList<SelectionRule> Rules { get; } =
    [
        new("EU", null, "eu-cra-annex-i", PickRole.Mandatory, new(
            "Products with digital elements placed on the EU market must meet the essential requirements of the Cyber Resilience Act.",
            "EU 市場に出すデジタル要素を持つ製品は、サイバーレジリエンス法の必須要件を満たす必要がある。")),
        new("EU", null, "en-18031", PickRole.Expected, new(
            "Radio equipment on the EU market shows conformity with the RED delegated act through the harmonised EN 18031 series.",
            "EU 市場の無線機器は、RED 委任規則への適合を整合規格 EN 18031 シリーズで示すのが通例。")),
        new("UK", null, "uk-psti", PickRole.Mandatory, new(
            "Consumer connectable products sold in the UK must meet the three PSTI security requirements.",
            "英国で販売する消費者向けコネクテッド製品は、PSTI の 3 つのセキュリティ要件を満たす必要がある。")),
        new("JP", null, "jc-star-star1", PickRole.Optional, new(
            "JC-STAR is Japan's voluntary IoT security label: take its ★1 requirements when the product is to carry the label.",
            "JC-STAR は日本の任意の IoT セキュリティラベル制度。ラベルを取得する場合は ★1 の要件を取り込む。")),
        new("US", null, "nistir-8259a", PickRole.Expected, new(
            "The US baseline of device capabilities; federal buyers and the US Cyber Trust Mark build on it.",
            "米国の IoT 機器能力ベースライン。連邦政府調達や US Cyber Trust Mark の基礎になっている。")),
        new(null, "consumer", "etsi-en-303-645", PickRole.Expected, new(
            "The consumer IoT baseline that most regulations and labels (PSTI, CRA, JC-STAR) are mapped to.",
            "多くの規制・ラベル（PSTI、CRA、JC-STAR）が対応付けられているコンシューマ IoT のベースライン。")),
        new(null, "medical", "imdrf-n60", PickRole.Expected, new(
            "The international principles for medical device cybersecurity that regulators align with.",
            "各国の規制当局が準拠する、医療機器サイバーセキュリティの国際的な原則。")),
        new("US", "medical", "fda-premarket-2023", PickRole.Mandatory, new(
            "Premarket submissions of cyber devices to the US FDA must contain this documentation (section 524B).",
            "米国 FDA へのサイバーデバイスの市販前申請には、この文書一式が必要（524B 条）。")),
        new(null, "automotive", "unece-r155", PickRole.Mandatory, new(
            "Vehicle type approval in UNECE markets requires a certified cyber security management system.",
            "UNECE 加盟国での車両型式認証には、認証されたサイバーセキュリティ管理システムが必要。")),
        new(null, "automotive", "unece-r156", PickRole.Mandatory, new(
            "Vehicles with software updates need a software update management system for type approval.",
            "ソフトウェア更新を行う車両の型式認証には、ソフトウェア更新管理システムが必要。")),
        new(null, "automotive", "ipa-automotive", PickRole.Expected, new(
            "The sector guide for vehicle information security along the life cycle.",
            "ライフサイクルに沿った自動車の情報セキュリティの分野別ガイド。")),
        new(null, "smart-meter", "jesc-smart-meter", PickRole.Expected, new(
            "The sector guideline for smart meter systems in Japan.",
            "日本のスマートメーターシステムの分野別ガイドライン。")),
        new(null, "power-control", "jesc-power-control", PickRole.Expected, new(
            "The sector guideline for power control systems in Japan.",
            "日本の電力制御システムの分野別ガイドライン。")),
        new(null, "industrial", "iec-62443-4-2", PickRole.Expected, new(
            "The component requirements that industrial automation buyers ask for.",
            "産業オートメーションの調達で求められるコンポーネント要件。")),
        new(null, "industrial", "iec-62443-4-1", PickRole.Expected, new(
            "The secure development lifecycle that industrial component makers are assessed against.",
            "産業用コンポーネントの製造者が評価されるセキュア開発ライフサイクル。")),
    ];

    /// <summary>The general guidelines and cross-sector standards of the catalog: what selection and top-down draw on.</summary>
    public static IEnumerable<Guideline> General(Catalog catalog) =>
        catalog.Guidelines.Where(g => g.Origin == GuidelineOrigin.Bundled && g.Kind is GuidelineKind.General or GuidelineKind.Standard && g.Sector is null or "consumer");

    /// <summary>Ranks the catalog's general guidelines and standards for the product and picks the minimal set.</summary>
    public static GuidelineSelection Recommend(ProductProfile profile, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalog);
        var groups = Enum.GetValues<IotPartGroup>().Where(profile.Groups.Contains).ToList();
        var candidates = General(catalog).ToList();
        var matrix = CoverageMatrix.Compute(candidates);
        var ranking = matrix.Rows
            .Select(r => new GuidelineFit(r.Guideline,
                groups.Count(g => r.Groups[g].Covered),
                groups.Sum(g => r.Groups[g].Depth),
                r.Guideline.Requirements.Count(q => q.Parts.Any(profile.Parts.Contains))))
            .Where(f => f.Covered > 0)
            .OrderByDescending(f => f.Covered).ThenByDescending(f => f.Depth).ThenByDescending(f => f.Guideline.Year)
            .ToList();

        var picks = new List<GuidelinePick>();
        var allRound = ranking.FirstOrDefault();
        if (allRound is not null)
        {
            var all = allRound.Covered == groups.Count;
            picks.Add(new GuidelinePick(allRound.Guideline, PickRole.AllRound, all
                ? new LocalizedText(
                    $"Covers every part group the product has ({string.Join(", ", groups.Select(GroupEn))}), in the most detail of those that do: {allRound.Requirements} requirements concern its parts.",
                    $"製品の構成要素グループ（{string.Join("・", groups.Select(GroupJa))}）をすべて扱い、その中で最も詳しい。製品の構成要素に関する要求事項は {allRound.Requirements} 件。")
                : new LocalizedText(
                    $"No guideline covers every part group; this one covers the most ({allRound.Covered} of {groups.Count}).",
                    $"すべての構成要素グループを扱うガイドラインはない。最も多くを扱う（{groups.Count} 中 {allRound.Covered}）。"),
                groups.Where(g => matrix.Rows.First(r => r.Guideline == allRound.Guideline).Groups[g].Covered).ToList()));
        }
        foreach (var group in groups)
        {
            var best = matrix.Rows.Where(r => r.Groups[group].Covered)
                .OrderByDescending(r => r.Groups[group].Count).ThenByDescending(r => r.Guideline.Year).FirstOrDefault();
            if (best is null)
                continue;
            var existing = picks.FindIndex(p => p.Guideline == best.Guideline && p.Role == PickRole.MostDetailed);
            if (existing >= 0)
            {
                picks[existing] = picks[existing] with { Groups = [.. picks[existing].Groups, group] };
                continue;
            }
            if (picks.Any(p => p.Guideline == best.Guideline))
                continue; // the all-round pick is also the most detailed here
            picks.Add(new GuidelinePick(best.Guideline, PickRole.MostDetailed, new LocalizedText(
                $"The most detailed guideline for the {GroupEn(group)} ({best.Groups[group].Count} requirements).",
                $"{GroupJa(group)}について最も詳しいガイドライン（要求事項 {best.Groups[group].Count} 件）。"), [group]));
        }
        foreach (var pick in picks.Where(p => p.Role == PickRole.MostDetailed).ToList())
        {
            var index = picks.IndexOf(pick);
            if (pick.Groups.Count > 1)
            {
                picks[index] = pick with
                {
                    Reason = new LocalizedText(
                        $"The most detailed guideline for the {string.Join(", ", pick.Groups.Select(GroupEn))}.",
                        $"{string.Join("・", pick.Groups.Select(GroupJa))}について最も詳しいガイドライン。"),
                };
            }
        }

        var markets = profile.Markets.Select(m => m.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (rule.Market is not null && !markets.Contains(rule.Market))
                continue;
            if (rule.Sector is not null && !string.Equals(rule.Sector, profile.Sector, StringComparison.OrdinalIgnoreCase))
                continue;
            if (catalog.Find(rule.GuidelineId) is not { } guideline || picks.Any(p => p.Guideline == guideline && p.Role == rule.Role))
                continue;
            picks.Add(new GuidelinePick(guideline, rule.Role, rule.Reason, []));
        }
        return new GuidelineSelection(profile, ranking, [.. picks.OrderBy(p => p.Role)]);
    }

    private static string GroupEn(IotPartGroup group) => group switch
    {
        IotPartGroup.Device => "device",
        IotPartGroup.Network => "network",
        IotPartGroup.Platform => "platform",
        IotPartGroup.Management => "management",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    private static string GroupJa(IotPartGroup group) => group switch
    {
        IotPartGroup.Device => "デバイス",
        IotPartGroup.Network => "ネットワーク",
        IotPartGroup.Platform => "プラットフォーム",
        IotPartGroup.Management => "マネジメント",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };
}
