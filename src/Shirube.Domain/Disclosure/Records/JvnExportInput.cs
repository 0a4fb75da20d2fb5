using Shirube.Domain.Packages;

namespace Shirube.Domain.Disclosure.Records;

/// <summary>
/// What a maker gives JPCERT/CC for a publication on JVN, independent of Shirube's cases: the vulnerability in
/// Japanese, the maker's status, the affected products and versions, the fixes and workarounds, and the references.
/// The export in Formats turns it into a VULDEF 3.2 document and a Japanese vendor statement.
/// </summary>
/// <param name="Title">The title in Japanese, e.g. <c>センサゲートウェイにおけるOSコマンドインジェクションの脆弱性</c>.</param>
/// <param name="Overview">The overview in Japanese.</param>
/// <param name="VendorName">The maker as JVN lists it, e.g. <c>株式会社サンプル電機</c>.</param>
public sealed record JvnExportInput(string Title, string Overview, string VendorName)
{
    /// <summary>The JVN id once JVN has assigned one (<c>JVNVU#12345678</c>); a placeholder is written until then.</summary>
    public string? JvnId { get; init; }
    /// <summary>The maker's status.</summary>
    public JvnVendorStatus VendorStatus { get; init; } = JvnVendorStatus.Affected;
    /// <summary>The affected products with their versions and fixes.</summary>
    public IReadOnlyList<JvnProduct> Products { get; init; } = [];
    /// <summary>What an attacker could do, in Japanese (想定される影響).</summary>
    public string? Impact { get; init; }
    /// <summary>A CVSS 3.x base vector; the score and severity are computed.</summary>
    public string? Cvss3Vector { get; init; }
    /// <summary>Fixes and workarounds, in Japanese.</summary>
    public IReadOnlyList<JvnSolution> Solutions { get; init; } = [];
    /// <summary>The CVE ids.</summary>
    public IReadOnlyList<string> CveIds { get; init; } = [];
    /// <summary>The weaknesses.</summary>
    public IReadOnlyList<JvnWeakness> Cwes { get; init; } = [];
    /// <summary>The maker's own advisory.</summary>
    public JvnLink? VendorAdvisory { get; init; }
    /// <summary>Other references.</summary>
    public IReadOnlyList<JvnLink> References { get; init; } = [];
    /// <summary>The maker's comment for the vendor entry (ベンダのコメント).</summary>
    public string? VendorComment { get; init; }
    /// <summary>The history, oldest first; a first entry "掲載" is written when empty.</summary>
    public IReadOnlyList<JvnHistoryEntry> History { get; init; } = [];
    /// <summary>When it was (or is to be) first published.</summary>
    public DateTimeOffset DateFirstPublished { get; init; }
    /// <summary>When it was last updated; <see cref="DateFirstPublished"/> when not given.</summary>
    public DateTimeOffset? DateLastUpdated { get; init; }
    /// <summary>When the vulnerability became public, if earlier or later than the publication.</summary>
    public DateTimeOffset? DatePublic { get; init; }
}

/// <summary>The maker's status as a JVN vendor entry gives it.</summary>
public enum JvnVendorStatus
{
    /// <summary>該当製品あり: some products are affected.</summary>
    Affected,
    /// <summary>該当製品なし: no product is affected.</summary>
    NotAffected,
    /// <summary>未確認: not yet known.</summary>
    Unknown,
}

/// <summary>An affected product and the versions of it that are affected, with the version that fixes it.</summary>
/// <param name="Name">The product name, e.g. <c>SG-100</c>.</param>
/// <param name="AffectedVersions">The affected versions as JVN writes them, e.g. <c>ファームウェア 2.1.0 およびそれ以前</c>.</param>
public sealed record JvnProduct(string Name, string AffectedVersions)
{
    /// <summary>The product's CPE; written in the CPE 2.2 binding VULDEF uses.</summary>
    public Cpe? Cpe { get; init; }
    /// <summary>The first fixed version, e.g. <c>2.1.1</c>.</summary>
    public string? FixedVersion { get; init; }
}

/// <summary>Whether a solution fixes the vulnerability or works around it.</summary>
public enum JvnSolutionKind
{
    /// <summary>A fixed version or patch (修正).</summary>
    Fix,
    /// <summary>A workaround (回避策).</summary>
    Workaround,
}

/// <summary>A fix or workaround, described in Japanese.</summary>
/// <param name="Kind">Fix or workaround.</param>
/// <param name="Description">What to do, e.g. <c>ファームウェアを 2.1.1 以降に更新してください。</c>.</param>
public sealed record JvnSolution(JvnSolutionKind Kind, string Description)
{
    /// <summary>Where to get it.</summary>
    public Uri? Url { get; init; }
}

/// <summary>A weakness: a CWE id and its Japanese name.</summary>
/// <param name="CweId">The CWE id, e.g. <c>CWE-78</c>.</param>
/// <param name="Title">Its name, e.g. <c>OSコマンドインジェクション</c>.</param>
public sealed record JvnWeakness(string CweId, string? Title = null);

/// <summary>A named link.</summary>
/// <param name="Name">Its name or title.</param>
/// <param name="Url">The URL.</param>
public sealed record JvnLink(string Name, Uri Url);

/// <summary>One entry of the history.</summary>
/// <param name="At">When.</param>
/// <param name="Description">What changed, in Japanese (e.g. <c>掲載</c>).</param>
public sealed record JvnHistoryEntry(DateTimeOffset At, string Description);
