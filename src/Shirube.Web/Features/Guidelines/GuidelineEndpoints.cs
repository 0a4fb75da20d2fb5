using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Domain.Guidelines;
using Shirube.Data;
using Shirube.Formats.Oscal;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Guidelines;

internal sealed record TextDto(string En, string Ja)
{
    public static TextDto? Of(LocalizedText? t) => t is null ? null : new(t.En, t.Ja);
}

internal sealed record GuidelineSummaryDto(string Id, TextDto Name, string ShortName, string Issuer, string Region, int Year, string? Version,
    string Kind, string? Sector, int Requirements, int Unverified, bool Verified, string[] PartGroups, string Origin);

internal sealed record ParameterDto(string Id, string? Label, string[] Values, string[] Choices, bool ChooseMany);

internal sealed record RequirementDto(string Id, string? Group, TextDto Title, TextDto Summary, string[] Parts, string[] Phases,
    string? Level, string[] Levels, string[] Controls, bool Verified, TextDto? Note, string? Parent, ParameterDto[] Parameters);

internal sealed record GroupDto(string Id, TextDto Title, GroupDto[] Groups);

internal sealed record GuidelineDto(GuidelineSummaryDto Guideline, TextDto Scope, TextDto Summary, string SourceUrl, string Licence, string Reuse,
    string? Reference, string[] Levels, int ExpectedCount, TextDto? Note, GroupDto[] Groups, RequirementDto[] Requirements);

internal sealed record CellDto(int Count, double Depth);

internal sealed record MatrixRowDto(string Id, string ShortName, TextDto Name, string Region, string Kind, int Year, int Requirements,
    Dictionary<string, CellDto> Groups, Dictionary<string, CellDto> Parts, bool CoversAllGroups);

internal sealed record MatrixDto(MatrixRowDto[] Rows, string[] AllRounders, Dictionary<string, string?> MostDetailed);

internal sealed record ControlDto(string Id, TextDto Title, TextDto Description, int Requirements, int Guidelines);

internal sealed record MappedRequirementDto(string GuidelineId, string GuidelineShortName, string RequirementId, TextDto Title, string? Level, string[] Levels, bool Verified);

internal sealed record ControlDetailDto(ControlDto Control, MappedRequirementDto[] Requirements);

internal sealed record RequirementDetailDto(GuidelineSummaryDto Guideline, RequirementDto Requirement, ControlDetailDto[] Controls);

/// <summary>
/// The guideline catalog: guidelines, requirements, common controls, coverage matrix and search. The content is
/// the same for everyone, so any signed-in user may read it.
/// </summary>
internal static class GuidelineEndpoints
{
    public static WebApplication MapGuidelineEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/guidelines").WithTags("Guidelines").RequireAuthorization();

        group.MapGet("/", Results<Ok<GuidelineSummaryDto[]>, ValidationProblem> (Catalog catalog, string? region, string? kind, int? yearFrom, int? yearTo) =>
            TryFilter(region, kind, yearFrom, yearTo, out var filter, out var problem)
                ? TypedResults.Ok(catalog.Guidelines.Where(filter.Includes).Select(Summary).ToArray())
                : problem)
            .WithSummary("Guidelines, filtered by region, kind (comma-separated) and year.");

        group.MapGet("/matrix", Results<Ok<MatrixDto>, ValidationProblem> (Catalog catalog, string? region, string? kind, int? yearFrom, int? yearTo) =>
            TryFilter(region, kind, yearFrom, yearTo, out var filter, out var problem)
                ? TypedResults.Ok(Matrix(CoverageMatrix.Compute(catalog.Guidelines.Where(g => g.Origin == GuidelineOrigin.Bundled), filter)))
                : problem)
            .WithSummary("Guideline × IoT part: requirement counts and depth, the all-round guidelines and the most detailed per part group.");

        group.MapGet("/search", (Catalog catalog, string q, int? limit) =>
            TypedResults.Ok(catalog.Search(q).Take(Math.Clamp(limit ?? 100, 1, 500)).Select(Mapped).ToArray()))
            .WithSummary("Full-text search over every requirement's id, title and summary, in Japanese and English.");

        group.MapGet("/{id}", Results<Ok<GuidelineDto>, ProblemHttpResult> (string id, Catalog catalog) =>
            catalog.Find(id) is { } g ? TypedResults.Ok(Detail(g)) : Problems.NotFound($"No guideline '{id}'."))
            .WithSummary("One guideline with its groups and every requirement.");

        group.MapGet("/{id}/requirements/{requirementId}", Results<Ok<RequirementDetailDto>, ProblemHttpResult> (string id, string requirementId, Catalog catalog) =>
        {
            if (catalog.Find(id) is not { } g)
                return Problems.NotFound($"No guideline '{id}'.");
            if (g.Find(requirementId) is not { } r)
                return Problems.NotFound($"No requirement '{requirementId}' in {id}.");
            return TypedResults.Ok(new RequirementDetailDto(Summary(g), Requirement(r),
                [.. r.Controls.Select(c => catalog.Controls.First(x => x.Id == c)).Select(c => ControlDetail(catalog, c))]));
        }).WithSummary("One requirement, its common controls, and what every other guideline requires for them.");

        group.MapGet("/{id}/oscal", Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem> (string id, string? lang, Catalog catalog, TimeProvider clock) =>
        {
            if (catalog.Find(id) is not { } g)
                return Problems.NotFound($"No guideline '{id}'.");
            var language = lang ?? "en";
            if (language is not ("en" or "ja"))
                return Problems.Invalid("lang", "The language is 'en' or 'ja'.");
            var json = OscalCatalogWriter.Write(g, language, clock.GetUtcNow());
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"{g.Id}.{language}.oscal-catalog.json");
        }).WithSummary("Export a guideline as an OSCAL catalog (JSON, OSCAL 1.0.6 schema, 1.1-compatible) in English or Japanese.");

        group.MapPost("/import", async Task<IResult> (HttpRequest request, string? id, ShirubeDbContext db, CatalogProvider catalogs, TimeProvider clock, CancellationToken ct) =>
        {
            if (request.ContentLength > CatalogImporter.MaxBytes)
                return TypedResults.Problem($"An OSCAL catalog may have at most {CatalogImporter.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            var json = await reader.ReadToEndAsync(ct);
            var outcome = await CatalogImporter.ImportAsync(json, id, db, catalogs, clock, ct);
            if (outcome.Guideline is not { } g)
                return outcome.Status == StatusCodes.Status400BadRequest ? Problems.Invalid("body", outcome.Error!) : Problems.Conflict(outcome.Error!);
            return outcome.Replaced ? TypedResults.Ok(Summary(g)) : TypedResults.Created($"/api/guidelines/{g.Id}", Summary(g));
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
          .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(CatalogImporter.MaxBytes))
          .Accepts<string>("application/json")
          .Produces<GuidelineSummaryDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Import an OSCAL catalog (JSON body) as a guideline; ?id= names it. Importing the same id again replaces it.");

        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, ShirubeDbContext db, CatalogProvider catalogs, CancellationToken ct) =>
            await CatalogImporter.RemoveAsync(id, db, catalogs, ct) ? TypedResults.NoContent() : Problems.NotFound($"No imported guideline '{id}' (shipped guidelines cannot be removed)."))
            .RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
            .WithSummary("Remove an imported guideline.");

        var controls = app.MapGroup("/api/controls").WithTags("Guidelines").RequireAuthorization();
        controls.MapGet("/", (Catalog catalog) => TypedResults.Ok(catalog.Controls.Select(c => Control(catalog, c)).ToArray()))
            .WithSummary("The common controls: the deduplicated list of all measures, with how many guidelines require each.");
        controls.MapGet("/{id}", Results<Ok<ControlDetailDto>, ProblemHttpResult> (string id, Catalog catalog) =>
            catalog.Controls.FirstOrDefault(c => c.Id == id) is { } c ? TypedResults.Ok(ControlDetail(catalog, c)) : Problems.NotFound($"No common control '{id}'."))
            .WithSummary("One common control and every requirement that maps to it, with its level.");
        return app;
    }

    private static bool TryFilter(string? region, string? kind, int? yearFrom, int? yearTo, out CoverageFilter filter, out ValidationProblem problem)
    {
        filter = new CoverageFilter();
        problem = default!;
        if (!TryParseList<GuidelineRegion>(region, "region", out var regions, out problem) || !TryParseList<GuidelineKind>(kind, "kind", out var kinds, out problem))
            return false;
        filter = new CoverageFilter(regions, kinds, yearFrom, yearTo);
        return true;
    }

    private static bool TryParseList<T>(string? text, string field, out List<T> values, out ValidationProblem problem) where T : struct, Enum
    {
        values = [];
        problem = default!;
        foreach (var item in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<T>(item, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                problem = Problems.Invalid(field, $"'{item}' is not a {field}; expected one of: {string.Join(", ", Enum.GetNames<T>())}.");
                return false;
            }
            values.Add(value);
        }
        return true;
    }

    internal static GuidelineSummaryDto Summary(Guideline g) => new(g.Id, new(g.Name.En, g.Name.Ja), g.ShortName, g.Issuer, g.Region.ToString(), g.Year, g.Version,
        g.Kind.ToString(), g.Sector, g.Requirements.Count, g.UnverifiedCount, g.Verified,
        [.. g.Requirements.SelectMany(r => r.PartGroups).Distinct().Order().Select(x => x.ToString())], g.Origin.ToString());

    internal static RequirementDto Requirement(Requirement r) => new(r.Id, r.Group, new(r.Title.En, r.Title.Ja), new(r.Summary.En, r.Summary.Ja),
        [.. r.Parts.Select(p => p.ToId())], [.. r.Phases.Select(p => p.ToString().ToLowerInvariant())], r.Level, [.. r.Levels], [.. r.Controls], r.Verified, TextDto.Of(r.Note),
        r.Parent, [.. r.Parameters.Select(p => new ParameterDto(p.Id, p.Label, [.. p.Values], [.. p.Choices], p.ChooseMany))]);

    private static GroupDto Group(RequirementGroup g) => new(g.Id, new(g.Title.En, g.Title.Ja), [.. g.Children.Select(Group)]);

    private static GuidelineDto Detail(Guideline g) => new(Summary(g), new(g.Scope.En, g.Scope.Ja), new(g.Summary.En, g.Summary.Ja), g.Source.Url,
        g.Source.Licence, g.Source.Reuse, g.Source.Reference, [.. g.Levels], g.ExpectedCount, TextDto.Of(g.Note), [.. g.Groups.Select(Group)],
        [.. g.Requirements.Select(Requirement)]);

    private static ControlDto Control(Catalog catalog, CommonControl c)
    {
        var mapped = catalog.RequirementsOf(c.Id).ToList();
        return new(c.Id, new(c.Title.En, c.Title.Ja), new(c.Description.En, c.Description.Ja), mapped.Count, mapped.Select(m => m.Guideline.Id).Distinct().Count());
    }

    private static ControlDetailDto ControlDetail(Catalog catalog, CommonControl c) =>
        new(Control(catalog, c), [.. catalog.RequirementsOf(c.Id).Select(Mapped)]);

    private static MappedRequirementDto Mapped(RequirementRef x) => new(x.Guideline.Id, x.Guideline.ShortName, x.Requirement.Id,
        new(x.Requirement.Title.En, x.Requirement.Title.Ja), x.Requirement.Level, [.. x.Requirement.Levels], x.Requirement.Verified && x.Guideline.Verified);

    private static MatrixDto Matrix(CoverageMatrix m) => new(
        [.. m.Rows.Select(r => new MatrixRowDto(r.Guideline.Id, r.Guideline.ShortName, new(r.Guideline.Name.En, r.Guideline.Name.Ja), r.Guideline.Region.ToString(),
            r.Guideline.Kind.ToString(), r.Guideline.Year, r.Guideline.Requirements.Count,
            r.Groups.ToDictionary(kv => kv.Key.ToString(), kv => new CellDto(kv.Value.Count, Math.Round(kv.Value.Depth, 3))),
            r.Parts.ToDictionary(kv => kv.Key.ToId(), kv => new CellDto(kv.Value.Count, Math.Round(kv.Value.Depth, 3))), r.CoversAllGroups))],
        [.. m.AllRounders.Select(g => g.Id)],
        Enum.GetValues<IotPartGroup>().ToDictionary(g => g.ToString(), g => m.MostDetailed(g)?.Id));
}
