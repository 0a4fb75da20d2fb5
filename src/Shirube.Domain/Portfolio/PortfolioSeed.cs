using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Portfolio;

/// <summary>A business unit to create, as a portfolio file describes it.</summary>
public sealed record UnitSeed(string Code, string NameEn, string NameJa);

/// <summary>A version of a product to create.</summary>
public sealed record VersionSeed(string Version, DateOnly? ReleaseDate, DateOnly? EndOfSupport);

/// <summary>A product to create, naming its unit by code.</summary>
public sealed record ProductSeed(string Name, string UnitCode, string Field, IReadOnlyList<IotPart> Parts)
{
    /// <summary>Its sector, if any.</summary>
    public string? Sector { get; init; }
    /// <summary>Its target markets.</summary>
    public IReadOnlyList<string> Markets { get; init; } = [];
    /// <summary>Its risk class, if known.</summary>
    public int? RiskClass { get; init; }
    /// <summary>Its versions.</summary>
    public IReadOnlyList<VersionSeed> Versions { get; init; } = [];
}

/// <summary>A whole portfolio to load at once, e.g. the example portfolio.</summary>
public sealed record PortfolioSeed(IReadOnlyList<UnitSeed> Units, IReadOnlyList<ProductSeed> Products)
{
    /// <summary>What the example tells about the products beyond their profile, if anything.</summary>
    public StorySeed? Story { get; init; }
}
