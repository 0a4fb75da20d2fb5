namespace Shirube.Domain.Disclosure.Advisories;

/// <summary>The refusals of security advisories, as codes <c>Advisories.*</c>.</summary>
public static class AdvisoryErrors
{
    private const string Prefix = "Advisories";

    /// <summary>The tracking id prefix is not 2 to 30 letters, digits or hyphens.</summary>
    public static DomainError NotAPrefix(string text) => DomainError.Invalid(DomainError.CodeOf(Prefix), "prefix", text);

    /// <summary>The change is not possible in the advisory's status (<paramref name="status"/>); <paramref name="expected"/> names the one it needs.</summary>
    public static DomainError WrongStatus(AdvisoryStatus status, AdvisoryStatus expected) => DomainError.Conflict(DomainError.CodeOf(Prefix), status, expected);

    /// <summary>The person who last edited the advisory cannot also approve it: a second person must.</summary>
    public static DomainError SameReviewer(string editor) => DomainError.Conflict(DomainError.CodeOf(Prefix), editor);

    /// <summary>The case is under embargo until <paramref name="until"/>: nothing is published before then.</summary>
    public static DomainError Embargoed(DateOnly until) => DomainError.Conflict(DomainError.CodeOf(Prefix), until);

    /// <summary>Review needs this field filled in both languages.</summary>
    public static DomainError Incomplete(string field) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, field);

    /// <summary>A CSAF document of the revision is not valid: <paramref name="count"/> errors, the first <paramref name="first"/>.</summary>
    public static DomainError NotValid(string language, int count, string first) => DomainError.Conflict(DomainError.CodeOf(Prefix), language, count, first);

    /// <summary>The advisory's CVSS v3.1 vector does not parse, or is not CVSS 3.1.</summary>
    public static DomainError NotACvss31Vector(string detail) => DomainError.Invalid(DomainError.CodeOf(Prefix), "cvss31Vector", detail);

    /// <summary>The CWE name is given without a CWE on the case.</summary>
    public static DomainError CweNameWithoutCwe() => DomainError.Invalid(DomainError.CodeOf(Prefix), "cweName");

    /// <summary>A fix names a version that is not one of the case's fixed versions.</summary>
    public static DomainError NotAFixedVersion(Guid version) => DomainError.Invalid(DomainError.CodeOf(Prefix), "fixes", version);

    /// <summary>A fix's URL is not an absolute http(s) URL.</summary>
    public static DomainError NotAUrl(string text) => DomainError.Invalid(DomainError.CodeOf(Prefix), "fixes", text);

    /// <summary>The case has an advisory already.</summary>
    public static DomainError AlreadyExists(Guid caseId) => DomainError.Conflict(DomainError.CodeOf(Prefix), caseId);

    /// <summary>The case has no product yet, so no product tree can be made.</summary>
    public static DomainError CaseWithoutProduct() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>No advisory with that id (or for that case) among the actor's business units.</summary>
    public static DomainError NotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No revision with that number.</summary>
    public static DomainError NoSuchRevision(int number) => DomainError.NotFound(DomainError.CodeOf(Prefix), number);

    /// <summary>The language is not ja or en.</summary>
    public static DomainError UnknownLanguage(string? text) => DomainError.Invalid(DomainError.CodeOf(Prefix), "lang", text);
}
