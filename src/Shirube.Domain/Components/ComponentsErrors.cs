namespace Shirube.Domain.Components;

/// <summary>The refusals of the components feature (SBOMs, findings, "am I affected?"), as codes <c>Components.*</c>.</summary>
public static class ComponentsErrors
{
    private const string Prefix = "Components";

    /// <summary>No product version with that id among the actor's business units.</summary>
    public static DomainError VersionNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No product with that id among the actor's business units.</summary>
    public static DomainError ProductNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No finding with that id among the actor's business units.</summary>
    public static DomainError FindingNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>The product version has no SBOM yet.</summary>
    public static DomainError NoSbom(Guid versionId) => DomainError.NotFound(DomainError.CodeOf(Prefix), versionId);

    /// <summary>The uploaded SBOM cannot be read: the file, the place in it and why (the reader's words).</summary>
    public static DomainError SbomUnreadable(string file, string path, string reason) => DomainError.Invalid(DomainError.CodeOf(Prefix), "file", file, path, reason);

    /// <summary>The upload carries no file, or an empty one.</summary>
    public static DomainError SbomMissing() => DomainError.Invalid(DomainError.CodeOf(Prefix), "file");

    /// <summary>The SBOM is larger than <paramref name="maxBytes"/>.</summary>
    public static DomainError SbomTooLarge(long maxBytes) => DomainError.Invalid(DomainError.CodeOf(Prefix), "file", maxBytes);

    /// <summary>Two components of the SBOM share the reference <paramref name="reference"/>.</summary>
    public static DomainError DuplicateRef(string reference) => DomainError.Invalid(DomainError.CodeOf(Prefix), "file", reference);

    /// <summary>The text names no analysis state; <paramref name="expected"/> lists the VEX names.</summary>
    public static DomainError UnknownState(string? text, string expected) => DomainError.Invalid(DomainError.CodeOf(Prefix), "state", text, expected);

    /// <summary>The text names no justification; <paramref name="expected"/> lists the VEX names.</summary>
    public static DomainError UnknownJustification(string? text, string expected) => DomainError.Invalid(DomainError.CodeOf(Prefix), "justification", text, expected);

    /// <summary>A justification belongs to <c>not_affected</c> only.</summary>
    public static DomainError JustificationOnlyWhenNotAffected() => DomainError.Invalid(DomainError.CodeOf(Prefix), "justification");

    /// <summary><c>not_affected</c> needs a justification or a detail saying why.</summary>
    public static DomainError NotAffectedNeedsWhy() => DomainError.Invalid(DomainError.CodeOf(Prefix), "justification");

    /// <summary>A suppression needs a reason of <paramref name="min"/> to <paramref name="max"/> characters.</summary>
    public static DomainError SuppressionReason(int min, int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "reason", min, max);

    /// <summary>A bulk triage names no finding, or more than <paramref name="max"/>.</summary>
    public static DomainError BulkSize(int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "ids", max);

    /// <summary>The finding already has a case.</summary>
    public static DomainError CaseExists(string number) => DomainError.Conflict(DomainError.CodeOf(Prefix), number);

    /// <summary>An "am I affected?" query that is empty or too long.</summary>
    public static DomainError QueryRequired(int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "q", max);
}
