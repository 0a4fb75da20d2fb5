namespace Shirube.Formats.Portfolio.Dto;

internal sealed record PortfolioDocumentDto(
    IReadOnlyList<UnitDto> BusinessUnits,
    IReadOnlyList<ProductDto> Products);

internal sealed record UnitDto(string Code, string NameEn, string NameJa);

internal sealed record ProductDto(string Name, string Unit, string Field, IReadOnlyList<string> Parts);
