namespace Shirube.Domain.Portfolio;

/// <summary>The refusals of the portfolio (products, versions, risk classes) as codes; <c>Error.Portfolio.*</c> holds their texts.</summary>
public static class PortfolioErrors
{
    private const string Prefix = "Portfolio";

    /// <summary>A market code is not 2 to 6 letters.</summary>
    public static DomainError Market(string market) => DomainError.Invalid(DomainError.CodeOf(Prefix), "markets", market);

    /// <summary>The product has a version of that name already.</summary>
    public static DomainError VersionExists(string version) => DomainError.Invalid(DomainError.CodeOf(Prefix), "version", version);

    /// <summary>Security support would end before the release.</summary>
    public static DomainError SupportEndsBeforeRelease() => DomainError.Invalid(DomainError.CodeOf(Prefix), "endOfSupport");

    /// <summary>No product of that id in the actor's business units.</summary>
    public static DomainError ProductNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>The request names no existing business unit.</summary>
    public static DomainError UnknownUnit() => DomainError.Invalid(DomainError.CodeOf(Prefix), "businessUnitId");

    /// <summary>The actor does not belong to the business unit the product would belong to.</summary>
    public static DomainError NotYourUnit() => DomainError.Forbidden(DomainError.CodeOf(Prefix));

    /// <summary>No risk class of that level is defined.</summary>
    public static DomainError NoRiskClass(int level) => DomainError.Invalid(DomainError.CodeOf(Prefix), "riskClass", level);

    /// <summary>The catalog has no guideline of that id.</summary>
    public static DomainError UnknownGuideline(string id) => DomainError.Invalid(DomainError.CodeOf(Prefix), "guidelines", id);
}
