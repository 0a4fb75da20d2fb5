using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Web.Features.Guidelines;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Baselines;

internal sealed record PickDto(string Guideline, string ShortName, string Role, string[] Groups, TextDto Reason);

internal sealed record FitDto(string Guideline, string ShortName, int Covered, double Depth, int Requirements);

internal sealed record SelectionDto(string[] Parts, string? Sector, string[] Markets, PickDto[] Picks, FitDto[] Ranking);

/// <summary>Bottom-up step 1: which guidelines to pick for a product.</summary>
internal static class BaselineEndpoints
{
    public static readonly string[] Sectors = ["automotive", "smart-meter", "power-control", "medical", "consumer", "industrial"];

    public static WebApplication MapBaselineEndpoints(this WebApplication app)
    {
        app.MapGet("/api/guidelines/recommend", Results<Ok<SelectionDto>, ValidationProblem> (string? parts, string? sector, string? markets, Catalog catalog) =>
        {
            IReadOnlyList<IotPart> productParts;
            try
            {
                productParts = IotParts.ParseList(parts ?? string.Empty);
            }
            catch (FormatException e)
            {
                return Problems.Invalid("parts", e.Message);
            }
            if (productParts.Count == 0)
                return Problems.Invalid("parts", "Name at least one IoT part or part group, e.g. parts=device,network.");
            if (sector is not null && !Sectors.Contains(sector))
                return Problems.Invalid("sector", $"'{sector}' is not a sector; expected one of: {string.Join(", ", Sectors)}.");
            var profile = new ProductProfile(productParts, sector, [.. (markets ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
            return TypedResults.Ok(ToDto(GuidelineSelector.Recommend(profile, catalog)));
        }).RequireAuthorization().WithTags("Baselines")
          .WithSummary("Rank guidelines for a product's IoT parts and recommend a minimal set (one all-round guideline, the most detailed per part group, and what markets and sector require), each with its reason in ja and en.");
        return app;
    }

    internal static SelectionDto ToDto(GuidelineSelection s) => new(
        [.. s.Profile.Parts.Select(p => p.ToId())], s.Profile.Sector, [.. s.Profile.Markets],
        [.. s.Picks.Select(p => new PickDto(p.Guideline.Id, p.Guideline.ShortName, p.Role.ToString(), [.. p.Groups.Select(g => g.ToString())], new(p.Reason.En, p.Reason.Ja)))],
        [.. s.Ranking.Select(f => new FitDto(f.Guideline.Id, f.Guideline.ShortName, f.Covered, Math.Round(f.Depth, 3), f.Requirements))]);
}
