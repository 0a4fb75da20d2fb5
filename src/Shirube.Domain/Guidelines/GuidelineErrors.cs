namespace Shirube.Domain.Guidelines;

/// <summary>The refusals of the guideline catalog: what it does not hold, and catalogs it cannot import.</summary>
public static class GuidelineErrors
{
    private const string Prefix = "Guidelines";

    /// <summary>No guideline <paramref name="id"/> in the catalog.</summary>
    public static DomainError NotFound(string id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>A guideline named in a request (<paramref name="field"/>) is not in the catalog.</summary>
    public static DomainError UnknownGuideline(string field, string id) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, id);

    /// <summary>No requirement <paramref name="requirementId"/> in guideline <paramref name="id"/>.</summary>
    public static DomainError RequirementNotFound(string id, string requirementId) => DomainError.NotFound(DomainError.CodeOf(Prefix), id, requirementId);

    /// <summary>No common control <paramref name="id"/>.</summary>
    public static DomainError ControlNotFound(string id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No IoT part named at all.</summary>
    public static DomainError PartsRequired() => DomainError.Invalid(DomainError.CodeOf(Prefix), "parts");

    /// <summary><paramref name="part"/> is neither an IoT part nor a part group.</summary>
    public static DomainError UnknownPart(string part) => DomainError.Invalid(DomainError.CodeOf(Prefix), "parts", part, string.Join(", ", IotParts.All.Select(p => p.ToId())));

    /// <summary>The uploaded file is not an OSCAL catalog that can be read; <paramref name="reason"/> is the reader's technical detail.</summary>
    public static DomainError UnreadableCatalog(string reason) => DomainError.Invalid(DomainError.CodeOf(Prefix), "body", reason);

    /// <summary>The uploaded catalog is larger than <paramref name="maxBytes"/>.</summary>
    public static DomainError CatalogTooLarge(long maxBytes) => DomainError.Invalid(DomainError.CodeOf(Prefix), "body", maxBytes);

    /// <summary>An import would replace the shipped guideline <paramref name="id"/>.</summary>
    public static DomainError ShippedGuideline(string id) => DomainError.Conflict(DomainError.CodeOf(Prefix), id);

    /// <summary>No imported guideline <paramref name="id"/> to remove (shipped ones cannot be removed).</summary>
    public static DomainError ImportNotFound(string id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);
}
