namespace Shirube.Domain.Vulnerabilities.Suppliers;

/// <summary>The refusals of configured supplier providers, as codes <c>Suppliers.*</c>.</summary>
public static class SupplierErrors
{
    private const string Prefix = "Suppliers";

    /// <summary>Neither an absolute http(s) URL of provider-metadata.json nor a domain name.</summary>
    public static DomainError NotAUrl(string? text) => DomainError.Invalid(DomainError.CodeOf(Prefix), "url", text);

    /// <summary>A provider with that metadata URL is configured already.</summary>
    public static DomainError AlreadyConfigured(Uri url) => DomainError.Conflict(DomainError.CodeOf(Prefix), url);

    /// <summary>The provider is turned off: it is not synced.</summary>
    public static DomainError Disabled(string name) => DomainError.Conflict(DomainError.CodeOf(Prefix), name);

    /// <summary>No provider with that id.</summary>
    public static DomainError NotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);
}
