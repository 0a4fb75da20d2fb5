using Shirube.Domain.Cases;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;

namespace Shirube.Domain.Disclosure.Vex;

/// <summary>The vulnerability a statement is about: its id (CVE, GHSA, JVN…) and the other names it is known by.</summary>
/// <param name="Id">The main id, e.g. <c>CVE-2024-3094</c>.</param>
public sealed record VexVulnerability(string Id)
{
    /// <summary>Other ids of the same vulnerability (CVE aliases of a GHSA, and so on), without <see cref="Id"/>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>
/// A product version, or a component inside one, as VEX documents identify it: a name and version for people, a
/// package URL or CPE for machines, and optionally an IRI of the maker's own (OpenVEX <c>@id</c>).
/// </summary>
/// <param name="Name">The name, e.g. <c>Sensor gateway</c> or <c>openssl</c>.</param>
public sealed record VexProduct(string Name)
{
    /// <summary>The version.</summary>
    public string? Version { get; init; }
    /// <summary>The package URL.</summary>
    public PackageUrl? Purl { get; init; }
    /// <summary>The CPE.</summary>
    public Cpe? Cpe { get; init; }
    /// <summary>An IRI naming the product where it has neither purl nor CPE (e.g. the maker's product page URL).</summary>
    public Uri? Iri { get; init; }

    /// <summary>True when a machine can identify it: it has a purl, a CPE or an IRI.</summary>
    public bool IsIdentified => Purl is not null || Cpe is not null || Iri is not null;

    /// <summary>The component of a finding, identified by its purl and CPE where they parse.</summary>
    public static VexProduct ComponentOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new VexProduct(finding.ComponentName)
        {
            Version = finding.ComponentVersion,
            Purl = PackageUrl.TryParse(finding.ComponentPurl, out var purl) ? purl : null,
            Cpe = Cpe.TryParse(finding.ComponentCpe, out var cpe) ? cpe : null,
        };
    }
}

/// <summary>
/// One VEX statement: what a product version (or a component inside it) has to do with a vulnerability, with the
/// reasons and actions that status needs. The writers turn it into CycloneDX (<c>vulnerabilities[].analysis</c>)
/// and OpenVEX (<c>statements[]</c>); <see cref="Problems"/> names what either format would refuse.
/// </summary>
/// <param name="Vulnerability">The vulnerability.</param>
/// <param name="Product">The product version the statement is about.</param>
/// <param name="Status">The status.</param>
public sealed record VexStatement(VexVulnerability Vulnerability, VexProduct Product, VexStatus Status)
{
    /// <summary>The component inside <see cref="Product"/> that carries the vulnerability, when the statement is about one.</summary>
    public VexProduct? Component { get; init; }
    /// <summary>Why the product is not affected (only with <see cref="VexStatus.NotAffected"/>).</summary>
    public FindingJustification? Justification { get; init; }
    /// <summary>Why not affected, or what the vulnerability does to the product, in words (CycloneDX <c>analysis.detail</c>).</summary>
    public string? ImpactStatement { get; init; }
    /// <summary>What users should do (OpenVEX requires it for <see cref="VexStatus.Affected"/>).</summary>
    public string? ActionStatement { get; init; }
    /// <summary>What the maker recommends, in CycloneDX's terms.</summary>
    public IReadOnlyList<VexResponse> Responses { get; init; } = [];
    /// <summary>When the statement was known to be true.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>
    /// What keeps the statement from being a valid VEX statement, each as a sentence naming the field (empty when
    /// none): a not_affected status without justification or impact statement, an affected one without action
    /// statement, a justification with another status, an empty vulnerability id or product name.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Vulnerability.Id))
            problems.Add("the vulnerability has no id.");
        if (string.IsNullOrWhiteSpace(Product.Name))
            problems.Add("the product has no name.");
        if (Component is { } c && string.IsNullOrWhiteSpace(c.Name))
            problems.Add("the component has no name.");
        if (Status == VexStatus.NotAffected && Justification is null && string.IsNullOrWhiteSpace(ImpactStatement))
            problems.Add("a not_affected statement needs a justification or an impact statement.");
        if (Status != VexStatus.NotAffected && Justification is not null)
            problems.Add($"a justification belongs to not_affected only, not to {VexNames.Of(Status)}.");
        if (Status == VexStatus.Affected && string.IsNullOrWhiteSpace(ActionStatement))
            problems.Add("an affected statement needs an action statement (what users should do).");
        return problems;
    }

    /// <summary>
    /// The statement a finding makes about <paramref name="product"/> (the product version the finding is in): the
    /// finding's component, its vulnerability id with the CVE id and aliases, the status its state maps to
    /// (<see cref="VexStatuses.Of"/>), its justification, and its detail as the impact statement — or, for an
    /// exploitable finding, as the action statement when <paramref name="actionStatement"/> is not given.
    /// </summary>
    /// <param name="finding">The finding.</param>
    /// <param name="product">The product version, as the portfolio identifies it.</param>
    /// <param name="timestamp">When the statement is made (the caller's clock).</param>
    /// <param name="actionStatement">What users of an affected product should do.</param>
    public static VexStatement FromFinding(Finding finding, VexProduct product, DateTimeOffset timestamp, string? actionStatement = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(product);
        var status = VexStatuses.Of(finding.State);
        var falsePositive = finding.State == FindingState.FalsePositive;
        var aliases = finding.Aliases.Append(finding.CveId ?? string.Empty)
            .Where(a => a.Length > 0 && !string.Equals(a, finding.VulnerabilityId, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var impact = falsePositive
            ? Join("False positive: the vulnerability was wrongly identified in this component.", finding.Detail)
            : status == VexStatus.Affected && actionStatement is null ? null : finding.Detail;
        return new VexStatement(new VexVulnerability(finding.VulnerabilityId) { Aliases = aliases }, product, status)
        {
            Component = VexProduct.ComponentOf(finding),
            Justification = status == VexStatus.NotAffected ? finding.Justification ?? (falsePositive ? FindingJustification.CodeNotPresent : null) : null,
            ImpactStatement = impact,
            ActionStatement = status == VexStatus.Affected ? actionStatement ?? finding.Detail : actionStatement,
            Timestamp = timestamp,
        };
    }

    /// <summary>
    /// The statement a case makes about one product version: the case's CVE id (or its number while it has none),
    /// the status the PSIRT chose for that version, and the case's remediation plan as the action statement of an
    /// affected version unless <paramref name="actionStatement"/> is given.
    /// </summary>
    /// <param name="vulnerabilityCase">The case.</param>
    /// <param name="product">The product version.</param>
    /// <param name="status">Its status.</param>
    /// <param name="timestamp">When the statement is made.</param>
    /// <param name="actionStatement">What users should do.</param>
    public static VexStatement FromCase(VulnerabilityCase vulnerabilityCase, VexProduct product, VexStatus status, DateTimeOffset timestamp, string? actionStatement = null)
    {
        ArgumentNullException.ThrowIfNull(vulnerabilityCase);
        ArgumentNullException.ThrowIfNull(product);
        return new VexStatement(new VexVulnerability(vulnerabilityCase.CveId ?? vulnerabilityCase.Number), product, status)
        {
            ActionStatement = actionStatement ?? (status is VexStatus.Affected or VexStatus.Fixed ? vulnerabilityCase.RemediationPlan : null),
            ImpactStatement = status == VexStatus.NotAffected ? vulnerabilityCase.Resolution : null,
            Timestamp = timestamp,
        };
    }

    private static string Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : first + " " + second.Trim();
}
