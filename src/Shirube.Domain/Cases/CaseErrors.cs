namespace Shirube.Domain.Cases;

/// <summary>The refusals of vulnerability cases, their intake and their CRA reports, as codes <c>Cases.*</c>.</summary>
public static class CaseErrors
{
    private const string Prefix = "Cases";

    /// <summary>The reporter's e-mail address is not one.</summary>
    public static DomainError NotAnEmail(string text) => DomainError.Invalid(DomainError.CodeOf(Prefix), "reporterEmail", text);

    /// <summary>The text is not a CWE id (CWE-798).</summary>
    public static DomainError NotACwe(string text) => DomainError.Invalid(DomainError.CodeOf(Prefix), "cwe", text);

    /// <summary>The CVSS vector does not parse; <paramref name="detail"/> is the parser's (English) account of it.</summary>
    public static DomainError NotACvssVector(string detail) => DomainError.Invalid(DomainError.CodeOf(Prefix), "cvssVector", detail);

    /// <summary>The workflow does not lead from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static DomainError CannotMove(CaseState from, CaseState to, string next) => DomainError.Conflict(DomainError.CodeOf(Prefix), from, to, next);

    /// <summary>Rejecting a case, or closing it as a duplicate, needs a reason of three characters or more.</summary>
    public static DomainError ReasonRequired(CaseState to) => DomainError.Conflict(DomainError.CodeOf(Prefix), to);

    /// <summary>Analysis needs the product the case concerns.</summary>
    public static DomainError ProductRequired(CaseState to) => DomainError.Conflict(DomainError.CodeOf(Prefix), to);

    /// <summary>Remediation needs the affected versions and the CWE.</summary>
    public static DomainError VersionsAndCweRequired(CaseState to) => DomainError.Conflict(DomainError.CodeOf(Prefix), to);

    /// <summary>Release needs the remediation plan.</summary>
    public static DomainError PlanRequired(CaseState to) => DomainError.Conflict(DomainError.CodeOf(Prefix), to);

    /// <summary>No CRA report is due on a case that is not flagged as actively exploited.</summary>
    public static DomainError NotExploited() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>The CRA final report follows the corrective measure: the case must have reached Release.</summary>
    public static DomainError FinalReportBeforeRelease() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>The CRA report of this kind was sent already.</summary>
    public static DomainError AlreadySent(CraReportKind kind) => DomainError.Conflict(DomainError.CodeOf(Prefix), kind);

    /// <summary>An attachment is empty or larger than <paramref name="max"/> bytes.</summary>
    public static DomainError AttachmentSize(string fileName, long length, long max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "files", fileName, length, max);

    /// <summary>More files than a report may carry, or one larger than an attachment may be.</summary>
    public static DomainError TooManyFiles(int maxFiles, long maxBytes) => DomainError.Invalid(DomainError.CodeOf(Prefix), "files", maxFiles, maxBytes);

    /// <summary>No case with that id among the actor's business units.</summary>
    public static DomainError NotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No report with that tracking token.</summary>
    public static DomainError TrackingNotFound() => DomainError.NotFound(DomainError.CodeOf(Prefix));

    /// <summary>No product with that id among the actor's business units.</summary>
    public static DomainError NoSuchProduct(Guid id) => DomainError.Invalid(DomainError.CodeOf(Prefix), "productId", id);

    /// <summary>The version is not one of the product's.</summary>
    public static DomainError NotAVersionOf(Guid version, string product) => DomainError.Invalid(DomainError.CodeOf(Prefix), "affectedVersions", version, product);

    /// <summary>A version is named both affected and fixed.</summary>
    public static DomainError AffectedAndFixed(Guid version) => DomainError.Invalid(DomainError.CodeOf(Prefix), "fixedVersions", version);

    /// <summary>The request names no state of the workflow.</summary>
    public static DomainError UnknownState(string? text, string next) => DomainError.Invalid(DomainError.CodeOf(Prefix), "to", text, next);

    /// <summary>The request names no kind of CRA report.</summary>
    public static DomainError UnknownReportKind(string? text) => DomainError.Invalid(DomainError.CodeOf(Prefix), "kind", text);

    /// <summary>A report sent to the API is not the expected JSON.</summary>
    public static DomainError ReportNotJson() => DomainError.Invalid(DomainError.CodeOf(Prefix), "body");
}
