using System.Security.Cryptography;
using System.Text;
using Shirube.Domain.Cases;
using Shirube.Domain.Scoring;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Domain.Components;

/// <summary>What happened to a finding, as its history records it.</summary>
public enum FindingAction
{
    /// <summary>A match found it.</summary>
    Detected,
    /// <summary>Someone set its analysis.</summary>
    Triaged,
    /// <summary>Someone suppressed it, with a reason.</summary>
    Suppressed,
    /// <summary>Someone lifted the suppression.</summary>
    Unsuppressed,
    /// <summary>The component left the SBOM (or the record no longer matches): resolved by absence.</summary>
    Vanished,
    /// <summary>It matched again after it had vanished.</summary>
    Reappeared,
    /// <summary>A case was opened from it.</summary>
    CaseOpened,
    /// <summary>The linked case reached an outcome and the finding followed it.</summary>
    CaseFollowed,
}

/// <summary>
/// A known vulnerability in a component of a product version: why it matched, how severe it is (CVSS scored by
/// Shirube's own calculator), and what the PSIRT concluded, in the CycloneDX VEX vocabulary, with its history.
/// One per product version × component × vulnerability id.
/// </summary>
public sealed class Finding
{
    /// <summary>The longest detail text accepted.</summary>
    public const int MaxDetail = 4000;

    private readonly List<string> _aliases = [];
    private readonly List<FindingChange> _history = [];

    private Finding() => ComponentKey = ComponentRef = ComponentName = VulnerabilityId = MatchedBy = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The business unit of the product.</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>The product.</summary>
    public Guid ProductId { get; private set; }
    /// <summary>The product version.</summary>
    public Guid ProductVersionId { get; private set; }
    /// <summary>SHA-256 (hex) of the component's identity (purl, else CPE, else name and version): stable across re-imports that renumber references.</summary>
    public string ComponentKey { get; private set; }
    /// <summary>The component's reference in the current SBOM.</summary>
    public string ComponentRef { get; private set; }
    /// <summary>The component's name.</summary>
    public string ComponentName { get; private set; }
    /// <summary>The component's version.</summary>
    public string? ComponentVersion { get; private set; }
    /// <summary>The component's purl.</summary>
    public string? ComponentPurl { get; private set; }
    /// <summary>The component's CPE.</summary>
    public string? ComponentCpe { get; private set; }
    /// <summary>The record's id (<c>GHSA-…</c>, <c>CVE-…</c>).</summary>
    public string VulnerabilityId { get; private set; }
    /// <summary>The record's aliases.</summary>
    public IReadOnlyList<string> Aliases => _aliases;
    /// <summary>The CVE id: the record's id or its first CVE alias; KEV and EPSS are looked up by it.</summary>
    public string? CveId { get; private set; }
    /// <summary>The feed the record came from.</summary>
    public VulnerabilitySource Source { get; private set; }
    /// <summary>Why it matched: record, range or configuration, source.</summary>
    public string MatchedBy { get; private set; }
    /// <summary>The record's summary.</summary>
    public string? Summary { get; private set; }
    /// <summary>The CVSS vector scored, normalised.</summary>
    public string? CvssVector { get; private set; }
    /// <summary>Its base score (v2, v3) or score (v4).</summary>
    public decimal? CvssScore { get; private set; }
    /// <summary>The rating of <see cref="CvssScore"/>; null when the record has no CVSS vector.</summary>
    public CvssSeverity? Severity { get; private set; }
    /// <summary>The analysis state.</summary>
    public FindingState State { get; private set; }
    /// <summary>Why not affected.</summary>
    public FindingJustification? Justification { get; private set; }
    /// <summary>The analysis detail.</summary>
    public string? Detail { get; private set; }
    /// <summary>Hidden from the open findings, for <see cref="SuppressionReason"/>.</summary>
    public bool Suppressed { get; private set; }
    /// <summary>Why it was suppressed.</summary>
    public string? SuppressionReason { get; private set; }
    /// <summary>True while it is resolved because its component (or the match) is gone.</summary>
    public bool ResolvedByAbsence { get; private set; }
    /// <summary>When it was first found (UTC).</summary>
    public DateTime FirstSeen { get; private set; }
    /// <summary>When a match last found it (UTC).</summary>
    public DateTime LastSeen { get; private set; }
    /// <summary>The case opened from it, if any.</summary>
    public Guid? CaseId { get; private set; }
    /// <summary>What happened to it, oldest first.</summary>
    public IReadOnlyList<FindingChange> History => _history;

    /// <summary>True while it asks for work: not resolved, not false positive or not affected, not suppressed.</summary>
    public bool IsOpen => !Suppressed && State is FindingState.InTriage or FindingState.Exploitable;

    /// <summary>The identity key of a component (see <see cref="ComponentKey"/>).</summary>
    public static string KeyOf(SbomComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var identity = component.Purl?.ToString() ?? component.Cpe?.ToString() ?? $"{component.Name}@{component.Version}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    /// <summary>A new finding from a match, in triage.</summary>
    public static Finding Detect(Guid businessUnitId, Guid productId, Guid productVersionId, ComponentMatch match, string by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(match);
        var finding = new Finding
        {
            Id = Guid.CreateVersion7(),
            BusinessUnitId = businessUnitId,
            ProductId = productId,
            ProductVersionId = productVersionId,
            ComponentKey = KeyOf(match.Component),
            VulnerabilityId = match.Record.Id,
            Source = match.Record.Source,
            State = FindingState.InTriage,
            FirstSeen = now,
        };
        finding.Take(match, now);
        finding.Record(FindingAction.Detected, by, now, match.MatchedBy);
        return finding;
    }

    /// <summary>A match found it again: what the record and the component say now is taken; a vanished finding is back in triage.</summary>
    public void Refresh(ComponentMatch match, string by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(match);
        Take(match, now);
        if (ResolvedByAbsence)
        {
            ResolvedByAbsence = false;
            State = FindingState.InTriage;
            Justification = null;
            Record(FindingAction.Reappeared, by, now, null);
        }
    }

    /// <summary>No match finds it any more: resolved by absence (kept, with its history, rather than deleted).</summary>
    public void Vanish(string by, DateTime now)
    {
        if (ResolvedByAbsence)
            return;
        ResolvedByAbsence = true;
        State = FindingState.Resolved;
        Justification = null;
        Record(FindingAction.Vanished, by, now, null);
    }

    /// <summary>
    /// Sets the analysis. A justification belongs to <c>not_affected</c> only, and <c>not_affected</c> needs a
    /// justification or a detail (CISA's minimum VEX elements ask for one of them).
    /// </summary>
    public void Triage(FindingState state, FindingJustification? justification, string? detail, string by, DateTime now)
    {
        Guard.Defined(state, "state");
        if (justification is { } j)
            Guard.Defined(j, "justification");
        detail = Guard.OptionalText(detail, "detail", MaxDetail);
        Guard.That(justification is null || state == FindingState.NotAffected, ComponentsErrors.JustificationOnlyWhenNotAffected());
        Guard.That(state != FindingState.NotAffected || justification is not null || detail is not null, ComponentsErrors.NotAffectedNeedsWhy());
        State = state;
        Justification = justification;
        Detail = detail;
        ResolvedByAbsence = false;
        Record(FindingAction.Triaged, by, now, detail);
    }

    /// <summary>Hides it from the open findings, for a reason of 3 to 1000 characters; the suppression is kept and shown.</summary>
    public void Suppress(string? reason, string by, DateTime now)
    {
        var text = reason?.Trim() ?? string.Empty;
        Guard.That(text.Length is >= 3 and <= 1000, () => ComponentsErrors.SuppressionReason(3, 1000));
        Suppressed = true;
        SuppressionReason = text;
        Record(FindingAction.Suppressed, by, now, text);
    }

    /// <summary>Lifts the suppression.</summary>
    public void Unsuppress(string by, DateTime now)
    {
        if (!Suppressed)
            return;
        Suppressed = false;
        SuppressionReason = null;
        Record(FindingAction.Unsuppressed, by, now, null);
    }

    /// <summary>Links the case opened from it (<c>Components.CaseExists</c> when it has one).</summary>
    public void LinkCase(Guid caseId, string caseNumber, string by, DateTime now)
    {
        Guard.That(CaseId is null, () => ComponentsErrors.CaseExists(caseNumber));
        CaseId = caseId;
        Record(FindingAction.CaseOpened, by, now, caseNumber);
    }

    /// <summary>
    /// The state a case's outcome gives its findings, or null when the step says nothing of them: remediation means
    /// the product is affected (exploitable); release of the fix resolves it; a rejected case found the product not
    /// affected. A duplicate leaves them to the case it duplicates; the steps before remediation are still analysis.
    /// </summary>
    public static FindingState? StateAfter(CaseState caseState) => caseState switch
    {
        CaseState.Remediation => FindingState.Exploitable,
        CaseState.Release or CaseState.Disclosure or CaseState.Closed => FindingState.Resolved,
        CaseState.Rejected => FindingState.NotAffected,
        _ => null,
    };

    /// <summary>Follows the linked case to <paramref name="caseState"/> (see <see cref="StateAfter"/>); returns whether it changed.</summary>
    public bool FollowCase(CaseState caseState, string caseNumber, string? reason, string by, DateTime now)
    {
        if (StateAfter(caseState) is not { } state || state == State)
            return false;
        State = state;
        Justification = null;
        var detail = ProductSbom.Clip(reason is null ? $"{caseNumber}: {caseState}" : $"{caseNumber}: {caseState} ({reason})", MaxDetail);
        Detail = detail;
        Record(FindingAction.CaseFollowed, by, now, detail);
        return true;
    }

    private void Take(ComponentMatch match, DateTime now)
    {
        var record = match.Record;
        var component = match.Component;
        ComponentRef = ProductSbom.Clip(component.Ref, ProductComponent.MaxRef) ?? "?";
        ComponentName = ProductSbom.Clip(component.Name, 500) ?? "?";
        ComponentVersion = ProductSbom.Clip(component.Version, 200);
        ComponentPurl = component.Purl?.ToString();
        ComponentCpe = component.Cpe?.ToString();
        Source = record.Source;
        MatchedBy = ProductSbom.Clip(match.MatchedBy, 2000) ?? record.Id;
        Summary = ProductSbom.Clip(record.Summary ?? record.Details, 1000);
        _aliases.Clear();
        _aliases.AddRange(record.Aliases.Where(a => a != record.Id).Distinct(StringComparer.Ordinal).Take(50));
        CveId = CveOf(record.Id, record.Aliases);
        var score = FindingScore.Of(record.Severity);
        CvssVector = score?.Vector;
        CvssScore = score?.BaseScore ?? score?.Score;
        Severity = score?.BaseSeverity ?? score?.Severity;
        LastSeen = now;
    }

    private static string? CveOf(string id, IEnumerable<string> aliases)
    {
        foreach (var candidate in aliases.Prepend(id))
        {
            if (Exploitation.CveId.TryParse(candidate, out var cve, out _))
                return cve;
        }
        return null;
    }

    private void Record(FindingAction action, string by, DateTime now, string? note) =>
        _history.Add(FindingChange.Create(Id, action, State, Justification, note, by, now));
}

/// <summary>One entry of a finding's history: what happened, the state after it, who, when.</summary>
public sealed class FindingChange
{
    private FindingChange() => By = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The finding.</summary>
    public Guid FindingId { get; private set; }
    /// <summary>What happened.</summary>
    public FindingAction Action { get; private set; }
    /// <summary>The state after it.</summary>
    public FindingState State { get; private set; }
    /// <summary>The justification after it.</summary>
    public FindingJustification? Justification { get; private set; }
    /// <summary>The detail, reason, case number or match sentence.</summary>
    public string? Note { get; private set; }
    /// <summary>Who.</summary>
    public string By { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime At { get; private set; }

    internal static FindingChange Create(Guid findingId, FindingAction action, FindingState state, FindingJustification? justification, string? note, string by, DateTime at) =>
        new() { Id = Guid.CreateVersion7(), FindingId = findingId, Action = action, State = state, Justification = justification, Note = ProductSbom.Clip(note, Finding.MaxDetail), By = by, At = at };
}

/// <summary>Picks and scores the CVSS vector of a record with Shirube's calculator.</summary>
public static class FindingScore
{
    // v3.x first: NVD and most OSV records carry it, so findings compare across the portfolio; then v4.0, then v2.0.
    private static readonly string[] Preference = ["CVSS_V3", "CVSS_V4", "CVSS_V2"];

    /// <summary>The score of the preferred vector that parses, or null when none does (a record with only a word such as Ubuntu's "medium").</summary>
    public static CvssScore? Of(IEnumerable<SeverityScore> severity)
    {
        ArgumentNullException.ThrowIfNull(severity);
        var list = severity.ToList();
        foreach (var type in Preference)
        {
            foreach (var s in list.Where(s => string.Equals(s.Type, type, StringComparison.OrdinalIgnoreCase)))
            {
                if (Scoring.CvssVector.TryParse(s.Score?.Trim(), out var vector))
                    return vector.Score();
            }
        }
        // A source that names the version differently still gives a vector that says its own version.
        return list.Select(s => Scoring.CvssVector.TryParse(s.Score?.Trim(), out var v) ? v.Score() : null).FirstOrDefault(s => s is not null);
    }
}
