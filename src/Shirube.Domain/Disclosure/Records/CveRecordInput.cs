using Shirube.Domain.Packages;

namespace Shirube.Domain.Disclosure.Records;

/// <summary>
/// What a CNA publishes about one CVE, independent of Shirube's cases and of the CVE JSON 5 format: the writer in
/// Formats turns it into a CNA container. Texts come in Japanese and English; the CVE Program requires English.
/// </summary>
/// <param name="CveId">The CVE id, e.g. <c>CVE-2026-12345</c>.</param>
/// <param name="AssignerOrgId">The CNA's organisation UUID in the CVE Program.</param>
public sealed record CveRecordInput(string CveId, Guid AssignerOrgId)
{
    /// <summary>The CNA's short name (2 to 32 characters), e.g. <c>shirube-demo</c>.</summary>
    public string? AssignerShortName { get; init; }
    /// <summary>When the CVE id was tied to this vulnerability.</summary>
    public DateTimeOffset? DateAssigned { get; init; }
    /// <summary>When the vulnerability was disclosed.</summary>
    public DateTimeOffset? DatePublic { get; init; }
    /// <summary>When the container was last changed (CVE Services replaces it on submission).</summary>
    public DateTimeOffset? DateUpdated { get; init; }
    /// <summary>A headline, at most 256 characters (CVE JSON has one, untranslated title: the English one).</summary>
    public string? Title { get; init; }
    /// <summary>The descriptions, one per language; one must be English.</summary>
    public IReadOnlyList<LocalizedText> Descriptions { get; init; } = [];
    /// <summary>The affected products.</summary>
    public IReadOnlyList<CveAffectedProduct> Affected { get; init; } = [];
    /// <summary>The weaknesses (CWE).</summary>
    public IReadOnlyList<CveProblemType> ProblemTypes { get; init; } = [];
    /// <summary>A CVSS 3.1 vector; its base score and severity are computed.</summary>
    public string? Cvss31Vector { get; init; }
    /// <summary>A CVSS 4.0 vector; its score and severity are computed.</summary>
    public string? Cvss40Vector { get; init; }
    /// <summary>The references; at least one is required.</summary>
    public IReadOnlyList<CveReference> References { get; init; } = [];
    /// <summary>Who found, reported or helped fix it.</summary>
    public IReadOnlyList<CveCredit> Credits { get; init; } = [];
    /// <summary>Fixes, per language.</summary>
    public IReadOnlyList<LocalizedText> Solutions { get; init; } = [];
    /// <summary>Workarounds, per language.</summary>
    public IReadOnlyList<LocalizedText> Workarounds { get; init; } = [];
}

/// <summary>The status of a version or range in a CVE record.</summary>
public enum CveVersionStatus
{
    /// <summary><c>affected</c>.</summary>
    Affected,
    /// <summary><c>unaffected</c>.</summary>
    Unaffected,
    /// <summary><c>unknown</c>.</summary>
    Unknown,
}

/// <summary>A product a CVE affects: vendor and product name, its versions, CPEs and package URL.</summary>
/// <param name="Vendor">The vendor, e.g. <c>Example Devices Co., Ltd.</c>.</param>
/// <param name="Product">The product name.</param>
public sealed record CveAffectedProduct(string Vendor, string Product)
{
    /// <summary>The versions and ranges with their status.</summary>
    public IReadOnlyList<CveVersion> Versions { get; init; } = [];
    /// <summary>The status of versions not listed (CVE JSON's default is unknown).</summary>
    public CveVersionStatus? DefaultStatus { get; init; }
    /// <summary>CPEs of the product (written in the 2.3 formatted string binding).</summary>
    public IReadOnlyList<Cpe> Cpes { get; init; } = [];
    /// <summary>The product's package URL; CVE JSON 5.2 takes it without a version (the writer drops one).</summary>
    public PackageUrl? Purl { get; init; }
}

/// <summary>
/// A version or a range of versions: one version alone, or from <see cref="Version"/> up to
/// <see cref="LessThan"/> (excluded) or <see cref="LessThanOrEqual"/>, compared as <see cref="VersionType"/> says.
/// </summary>
/// <param name="Version">The version, or the start of the range (<c>0</c> for "every version before").</param>
/// <param name="Status">The status.</param>
public sealed record CveVersion(string Version, CveVersionStatus Status)
{
    /// <summary>The first version not in the range.</summary>
    public string? LessThan { get; init; }
    /// <summary>The last version in the range.</summary>
    public string? LessThanOrEqual { get; init; }
    /// <summary>How versions compare: <c>semver</c>, <c>custom</c>, <c>maven</c>… (required for a range).</summary>
    public string? VersionType { get; init; }

    /// <summary>A range from <paramref name="from"/> up to, not including, <paramref name="fixedIn"/>.</summary>
    public static CveVersion AffectedBefore(string from, string fixedIn, string versionType = "custom") =>
        new(from, CveVersionStatus.Affected) { LessThan = fixedIn, VersionType = versionType };
}

/// <summary>A weakness: a CWE id and its name in one language.</summary>
/// <param name="CweId">The CWE id, e.g. <c>CWE-79</c>; null for a weakness described in words only.</param>
/// <param name="Description">Its name or description, e.g. <c>CWE-79 Cross-site Scripting</c>.</param>
/// <param name="Lang">The language of <paramref name="Description"/>.</param>
public sealed record CveProblemType(string? CweId, string Description, string Lang = "en");

/// <summary>A reference URL with its CVE tags (<c>vendor-advisory</c>, <c>patch</c>, <c>release-notes</c>…).</summary>
/// <param name="Url">The URL.</param>
public sealed record CveReference(Uri Url)
{
    /// <summary>A name, e.g. the page's title.</summary>
    public string? Name { get; init; }
    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>The role of a credited person or organisation, in the CVE record's words.</summary>
public enum CveCreditType
{
    /// <summary><c>finder</c>.</summary>
    Finder,
    /// <summary><c>reporter</c>.</summary>
    Reporter,
    /// <summary><c>analyst</c>.</summary>
    Analyst,
    /// <summary><c>coordinator</c>.</summary>
    Coordinator,
    /// <summary><c>remediation developer</c>.</summary>
    RemediationDeveloper,
    /// <summary><c>remediation reviewer</c>.</summary>
    RemediationReviewer,
    /// <summary><c>remediation verifier</c>.</summary>
    RemediationVerifier,
    /// <summary><c>tool</c>.</summary>
    Tool,
    /// <summary><c>sponsor</c>.</summary>
    Sponsor,
    /// <summary><c>other</c>.</summary>
    Other,
}

/// <summary>An acknowledgment.</summary>
/// <param name="Lang">The language of <paramref name="Value"/>.</param>
/// <param name="Value">Who, as it should be printed.</param>
/// <param name="Type">Their role.</param>
public sealed record CveCredit(string Lang, string Value, CveCreditType Type = CveCreditType.Finder);
