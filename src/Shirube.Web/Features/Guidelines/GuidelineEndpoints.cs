using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Guidelines;

/// <summary>
/// The guideline catalog API: guidelines, requirements, common controls, coverage matrix and search, and OSCAL
/// imports (administrators and PSIRT managers).
/// </summary>
internal static class GuidelineEndpoints
{
    public static WebApplication MapGuidelineEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/guidelines").WithTags("Guidelines").RequireAuthorization()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", (GuidelineViews views, string? region, string? kind, int? yearFrom, int? yearTo) =>
            TypedResults.Ok(views.List(region, kind, yearFrom, yearTo)))
            .WithSummary("Guidelines, filtered by region, kind (comma-separated) and year.");

        group.MapGet("/matrix", (GuidelineViews views, string? region, string? kind, int? yearFrom, int? yearTo) =>
            TypedResults.Ok(views.Matrix(region, kind, yearFrom, yearTo)))
            .WithSummary("Guideline × IoT part: requirement counts and depth, the all-round guidelines and the most detailed per part group.");

        group.MapGet("/search", (GuidelineViews views, string q, int? limit) => TypedResults.Ok(views.Search(q, limit)))
            .WithSummary("Full-text search over every requirement's id, title and summary, in Japanese and English.");

        group.MapGet("/{id}", (string id, GuidelineViews views) => TypedResults.Ok(views.Detail(id)))
            .WithSummary("One guideline with its groups and every requirement.");

        group.MapGet("/{id}/requirements/{requirementId}", (string id, string requirementId, GuidelineViews views) =>
            TypedResults.Ok(views.Requirement(id, requirementId)))
            .WithSummary("One requirement, its common controls, and what every other guideline requires for them.");

        group.MapGet("/{id}/oscal", (string id, string? lang, GuidelineViews views) =>
        {
            var file = views.Oscal(id, lang);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).WithSummary("Export a guideline as an OSCAL catalog (JSON, OSCAL 1.0.6 schema, 1.1-compatible) in English or Japanese.");

        group.MapPost("/import", async Task<IResult> (HttpRequest request, string? id, GuidelineCommands commands, CancellationToken ct) =>
        {
            if (request.ContentLength > GuidelineCommands.MaxBytes)
                return TypedResults.Problem($"An OSCAL catalog may have at most {GuidelineCommands.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
            var imported = await commands.ImportAsync(request.Body, request.ContentLength, id, ct);
            return imported.Replaced ? TypedResults.Ok(imported.Summary) : TypedResults.Created($"/api/guidelines/{imported.Summary.Id}", imported.Summary);
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
          .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(GuidelineCommands.MaxBytes))
          .Accepts<string>("application/json")
          .Produces<GuidelineSummaryDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Import an OSCAL catalog (JSON body) as a guideline; ?id= names it. Importing the same id again replaces it.");

        group.MapDelete("/{id}", async (string id, GuidelineCommands commands, CancellationToken ct) =>
        {
            await commands.RemoveAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
          .WithSummary("Remove an imported guideline.");

        var controls = app.MapGroup("/api/controls").WithTags("Guidelines").RequireAuthorization().ProducesProblem(StatusCodes.Status404NotFound);
        controls.MapGet("/", (GuidelineViews views) => TypedResults.Ok(views.Controls()))
            .WithSummary("The common controls: the deduplicated list of all measures, with how many guidelines require each.");
        controls.MapGet("/{id}", (string id, GuidelineViews views) => TypedResults.Ok(views.Control(id)))
            .WithSummary("One common control and every requirement that maps to it, with its level.");
        return app;
    }
}
