using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Portfolio;

/// <summary>A business unit to create, as a portfolio file describes it.</summary>
public sealed record UnitSeed(string Code, string NameEn, string NameJa);

/// <summary>A product to create, naming its unit by code.</summary>
public sealed record ProductSeed(string Name, string UnitCode, string Field, IReadOnlyList<IotPart> Parts);

/// <summary>A whole portfolio to load at once, e.g. the example portfolio.</summary>
public sealed record PortfolioSeed(IReadOnlyList<UnitSeed> Units, IReadOnlyList<ProductSeed> Products);
