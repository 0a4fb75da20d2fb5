using System.Text.Json;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Portfolio.Dto;

namespace Shirube.Formats.Portfolio;

/// <summary>
/// Reads a portfolio document: business units and products with their IoT parts, as JSON
/// (<c>{"businessUnits":[{"code","nameEn","nameJa"}],"products":[{"name","unit","field","parts":[...]}]}</c>).
/// </summary>
public static class PortfolioJsonReader
{
    /// <summary>Documents larger than this are refused before parsing.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Options = PortfolioJson.Options();

    /// <summary>Parses a document, or throws <see cref="PortfolioFormatException"/> naming the place.</summary>
    public static PortfolioSeed Parse(string json) => ToDomain(PortfolioJson.Read<PortfolioDocumentDto>(json, Options));

    /// <summary>Parses a document; on failure returns false and the error.</summary>
    public static bool TryParse(string json, out PortfolioSeed? seed, out PortfolioFormatException? error)
    {
        try
        {
            seed = Parse(json);
            error = null;
            return true;
        }
        catch (PortfolioFormatException e)
        {
            seed = null;
            error = e;
            return false;
        }
    }

    private static PortfolioSeed ToDomain(PortfolioDocumentDto dto)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var units = new List<UnitSeed>();
        for (var i = 0; i < dto.BusinessUnits.Count; i++)
        {
            var u = dto.BusinessUnits[i];
            if (string.IsNullOrWhiteSpace(u.Code))
                throw new PortfolioFormatException($"$.businessUnits[{i}].code", "a business unit needs a code.");
            if (!codes.Add(u.Code))
                throw new PortfolioFormatException($"$.businessUnits[{i}].code", $"the code '{u.Code}' appears twice.");
            units.Add(new UnitSeed(u.Code, u.NameEn, u.NameJa));
        }
        var products = new List<ProductSeed>();
        for (var i = 0; i < dto.Products.Count; i++)
        {
            var p = dto.Products[i];
            if (!codes.Contains(p.Unit))
                throw new PortfolioFormatException($"$.products[{i}].unit", $"no business unit has the code '{p.Unit}'.");
            var parts = new List<IotPart>();
            for (var j = 0; j < p.Parts.Count; j++)
            {
                if (!IotParts.TryParse(p.Parts[j], out var part))
                    throw new PortfolioFormatException($"$.products[{i}].parts[{j}]",
                        $"'{p.Parts[j]}' is not an IoT part; expected one of: {string.Join(", ", IotParts.All.Select(x => x.ToId()))}.");
                parts.Add(part);
            }
            products.Add(new ProductSeed(p.Name, p.Unit, p.Field, parts)
            {
                Sector = p.Sector,
                Markets = p.Markets ?? [],
                RiskClass = p.RiskClass,
                Versions = [.. (p.Versions ?? []).Select(v => new VersionSeed(v.Version, v.ReleaseDate, v.EndOfSupport))],
            });
        }
        return new PortfolioSeed(units, products);
    }
}
