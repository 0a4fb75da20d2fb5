using System.Globalization;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Formats.Exports;

/// <summary>
/// The fixed words of the baseline exports in Japanese and English (Formats has no resources; the names of parts
/// and levels follow the web UI's), and the grouping every exporter shares: which section a line appears in.
/// </summary>
internal static class BaselineText
{
    /// <summary>"ja" or "en" for a language tag; anything else is refused.</summary>
    public static string Language(string language, string paramName)
    {
        ArgumentNullException.ThrowIfNull(language, paramName);
        return language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja"
            : language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en"
            : throw new ArgumentException($"'{language}' is not a language of the exports; use \"en\" or \"ja\".", paramName);
    }

    private static readonly Dictionary<string, (string Ja, string En)> Words = new(StringComparer.Ordinal)
    {
        ["DocumentTitle"] = ("製品セキュリティガイドライン", "Product security guideline"),
        ["Baseline"] = ("ベースライン", "Baseline"),
        ["Product"] = ("製品", "Product"),
        ["CompanyBaseline"] = ("全社ベースライン（分野共通）", "Company baseline for the field"),
        ["Organisation"] = ("発行", "Issued by"),
        ["Version"] = ("版", "Version"),
        ["Draft"] = ("下書き", "Draft"),
        ["Published"] = ("発行日", "Published"),
        ["Scope"] = ("適用範囲", "Scope"),
        ["Field"] = ("分野", "Field"),
        ["Sector"] = ("業種", "Sector"),
        ["Parts"] = ("IoT の構成要素", "IoT parts"),
        ["Markets"] = ("対象市場", "Target markets"),
        ["RiskClass"] = ("リスククラス", "Risk class"),
        ["RequiredLevel"] = ("必要なレベル", "Required level"),
        ["SourceGuidelines"] = ("参照したガイドライン", "Source guidelines"),
        ["RequirementsByPart"] = ("構成要素別・レベル別の要求事項", "Requirements by part and level"),
        ["LineCount"] = ("要求事項の数", "Requirements"),
        ["Guideline"] = ("ガイドライン", "Guideline"),
        ["RequirementId"] = ("要求事項 ID", "Requirement id"),
        ["Level"] = ("レベル", "Level"),
        ["Title"] = ("タイトル", "Title"),
        ["Summary"] = ("概要", "Summary"),
        ["Own"] = ("独自", "Own"),
        ["ExcludedAppendix"] = ("付録: 対象外とした要求事項", "Appendix: requirements left out"),
        ["ExcludedNone"] = ("対象外とした要求事項はありません。", "No requirement was left out."),
        ["Reason"] = ("理由", "Reason"),
        ["Assessment"] = ("評価結果", "Assessment"),
        ["AssessmentSummary"] = ("評価の概要", "Assessment summary"),
        ["AssessmentLines"] = ("要求事項ごとの評価", "Assessment per requirement"),
        ["ProductVersion"] = ("製品バージョン", "Product version"),
        ["ActualLevel"] = ("実際のレベル", "Actual level"),
        ["NoLevel"] = ("MUST 未達", "MUST not met"),
        ["ShareMet"] = ("達成率", "Share met"),
        ["Started"] = ("開始", "Started"),
        ["Completed"] = ("完了", "Completed"),
        ["NotCompleted"] = ("未完了", "Not completed"),
        ["Status"] = ("状態", "Status"),
        ["NotAssessed"] = ("未評価", "Not assessed"),
        ["Justification"] = ("根拠", "Justification"),
        ["Evidence"] = ("エビデンス", "Evidence"),
        ["Links"] = ("リンク", "Links"),
        ["Files"] = ("ファイル", "Files"),
        ["Assessor"] = ("評価者", "Assessor"),
        ["AssessedOn"] = ("評価日", "Date"),
        ["None"] = ("なし", "none"),
        ["NoLines"] = ("該当する要求事項はありません。", "No requirements."),
        ["Page"] = ("{0} / {1} ページ", "Page {0} of {1}"),
        ["Contents"] = ("目次", "Contents"),
        ["ChartParts"] = ("IoT 構成要素別の達成率（必要レベルまで）", "Share met per IoT part (up to the required level)"),
        ["ChartHistory"] = ("バージョンごとの達成率の推移", "Share met across versions"),
        ["Sector.automotive"] = ("自動車", "Automotive"),
        ["Sector.consumer"] = ("コンシューマ", "Consumer"),
        ["Sector.industrial"] = ("産業", "Industrial"),
        ["Sector.medical"] = ("医療機器", "Medical devices"),
        ["Sector.power-control"] = ("電力制御", "Power control"),
        ["Sector.smart-meter"] = ("スマートメーター", "Smart meter"),
    };

    /// <summary>A fixed word in the language ("ja" or "en").</summary>
    public static string Word(string key, string lang) =>
        Words.TryGetValue(key, out var w) ? (lang == "ja" ? w.Ja : w.En) : throw new KeyNotFoundException($"No export text '{key}'.");

    /// <summary>A product sector's name in the language, as the web UI names it; a sector Shirube does not know stays as written.</summary>
    public static string Sector(string sector, string lang) =>
        Words.ContainsKey("Sector." + sector) ? Word("Sector." + sector, lang) : sector;

    /// <summary>The word in both languages, Japanese first: "タイトル / Title".</summary>
    public static string Both(string key) => $"{Word(key, "ja")} / {Word(key, "en")}";

    /// <summary>MUST, SHOULD or BETTER: the same in both languages, as the baseline pages show them.</summary>
    public static string LevelCode(RequirementLevel level) => level switch
    {
        RequirementLevel.Must => "MUST",
        RequirementLevel.Should => "SHOULD",
        RequirementLevel.Better => "BETTER",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The heading of a level's section, e.g. "必須（MUST）".</summary>
    public static string LevelHeading(RequirementLevel level, string lang) => (level, lang) switch
    {
        (RequirementLevel.Must, "ja") => "必須（MUST）",
        (RequirementLevel.Should, "ja") => "推奨（SHOULD）",
        (RequirementLevel.Better, "ja") => "望ましい（BETTER）",
        (RequirementLevel.Must, _) => "MUST: must be met",
        (RequirementLevel.Should, _) => "SHOULD: should be met; a gap needs a reason",
        (RequirementLevel.Better, _) => "BETTER: good practice beyond the need",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>An assessment status in the language.</summary>
    public static string Status(ImplementationStatus status, string lang) => (status, lang == "ja") switch
    {
        (ImplementationStatus.Implemented, true) => "実装済み",
        (ImplementationStatus.Partial, true) => "一部実装",
        (ImplementationStatus.NotImplemented, true) => "未実装",
        (ImplementationStatus.NotApplicable, true) => "対象外",
        (ImplementationStatus.Implemented, false) => "Implemented",
        (ImplementationStatus.Partial, false) => "Partial",
        (ImplementationStatus.NotImplemented, false) => "Not implemented",
        (ImplementationStatus.NotApplicable, false) => "Not applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status as a token, e.g. <c>not-applicable</c> (OSCAL props, CSS classes).</summary>
    public static string StatusId(ImplementationStatus status) => status switch
    {
        ImplementationStatus.Implemented => "implemented",
        ImplementationStatus.Partial => "partial",
        ImplementationStatus.NotImplemented => "not-implemented",
        ImplementationStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A fine IoT part's name, as the web UI has it.</summary>
    public static string Part(IotPart part, string lang) => (part, lang == "ja") switch
    {
        (IotPart.Device, true) => "デバイス",
        (IotPart.NetworkLocal, true) => "近距離ネットワーク",
        (IotPart.NetworkWide, true) => "広域ネットワーク",
        (IotPart.Gateway, true) => "ゲートウェイ",
        (IotPart.PlatformCloud, true) => "クラウド／プラットフォーム",
        (IotPart.PlatformApiData, true) => "プラットフォーム API・データ",
        (IotPart.Management, true) => "マネジメント",
        (IotPart.Device, false) => "Device",
        (IotPart.NetworkLocal, false) => "Local network",
        (IotPart.NetworkWide, false) => "Wide-area network",
        (IotPart.Gateway, false) => "Gateway",
        (IotPart.PlatformCloud, false) => "Cloud platform",
        (IotPart.PlatformApiData, false) => "Platform API and data",
        (IotPart.Management, false) => "Management",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>A section's name: one of the four part groups, or "other" (null) for lines tagged with no part.</summary>
    public static string Section(IotPartGroup? group, string lang) => (group, lang == "ja") switch
    {
        (IotPartGroup.Device, true) => "デバイス",
        (IotPartGroup.Network, true) => "ネットワーク",
        (IotPartGroup.Platform, true) => "プラットフォーム",
        (IotPartGroup.Management, true) => "マネジメント",
        (null, true) => "その他（構成要素の指定なし）",
        (IotPartGroup.Device, false) => "Device",
        (IotPartGroup.Network, false) => "Network",
        (IotPartGroup.Platform, false) => "Platform",
        (IotPartGroup.Management, false) => "Management",
        (null, false) => "Other (no part given)",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>
    /// The sections of the included lines, in the order device, network, platform, management, other. A line tagged
    /// with parts of several groups appears in each of them; a line tagged with no part (typically one of our own
    /// requirements) appears under "other" (key null) rather than management, because nothing says it is about
    /// management. The four groups are always there (possibly empty); "other" only when it has lines.
    /// </summary>
    public static IReadOnlyList<(IotPartGroup? Group, IReadOnlyList<BaselineLine> Lines)> Sections(BaselineDocument doc)
    {
        var included = doc.Lines.Where(l => !l.Excluded).ToList();
        var sections = new List<(IotPartGroup?, IReadOnlyList<BaselineLine>)>();
        foreach (var group in Enum.GetValues<IotPartGroup>())
            sections.Add((group, included.Where(l => l.Parts.Any(p => IotParts.GroupOf(p) == group)).ToList()));
        var other = included.Where(l => l.Parts.Count == 0).ToList();
        if (other.Count > 0)
            sections.Add((null, other));
        return sections;
    }

    /// <summary>The short name of a line's guideline, or "独自 / Own" for our own requirements.</summary>
    public static string GuidelineName(BaselineDocument doc, BaselineLine line, string lang) =>
        line.GuidelineId is null ? Word("Own", lang)
            : doc.Guidelines.FirstOrDefault(g => g.Id == line.GuidelineId)?.ShortName ?? line.GuidelineId;

    /// <summary>A date as ISO 8601 (the exports are read in both countries; yyyy-MM-dd is unambiguous in both).</summary>
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as ISO 8601.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC time as "yyyy-MM-dd HH:mm UTC".</summary>
    public static string Time(DateTime value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A share 0..1 as a whole percentage, e.g. "83%".</summary>
    public static string Percent(double share) =>
        (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The version as shown: "v3", or the word for a draft.</summary>
    public static string VersionText(BaselineDocument doc, string lang) =>
        doc.Version > 0 ? "v" + doc.Version.ToString(CultureInfo.InvariantCulture) : Word("Draft", lang);

    /// <summary>The source guideline as listed in the scope: "ETSI EN 303 645 — title (version)".</summary>
    public static string GuidelineLine(SourceGuideline g, string lang) =>
        string.IsNullOrWhiteSpace(g.Version) ? $"{g.ShortName} — {g.Title.In(lang)}" : $"{g.ShortName} — {g.Title.In(lang)} ({g.Version})";

    /// <summary>The levels in order.</summary>
    public static IReadOnlyList<RequirementLevel> Levels { get; } = [RequirementLevel.Must, RequirementLevel.Should, RequirementLevel.Better];
}
