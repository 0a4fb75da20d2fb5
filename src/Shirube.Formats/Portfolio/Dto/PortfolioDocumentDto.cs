namespace Shirube.Formats.Portfolio.Dto;

internal sealed record PortfolioDocumentDto(
    IReadOnlyList<UnitDto> BusinessUnits,
    IReadOnlyList<ProductDto> Products);

internal sealed record UnitDto(string Code, string NameEn, string NameJa);

internal sealed record ProductDto(string Name, string Unit, string Field, IReadOnlyList<string> Parts,
    string? Sector = null, IReadOnlyList<string>? Markets = null, int? RiskClass = null, IReadOnlyList<VersionDto>? Versions = null);

internal sealed record VersionDto(string Version, DateOnly? ReleaseDate = null, DateOnly? EndOfSupport = null);
