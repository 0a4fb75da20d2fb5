using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Baselines;

internal sealed record CreateBaselineRequest(string? Name, bool Inherit = false);

internal sealed record CreateCompanyBaselineRequest(string? Name, string? Field, string[]? Guidelines, int? RiskClass);

internal sealed record ChangeItemRequest(string? Key, string? Level, string? ExcludeReason, string? TitleEn, string? TitleJa);

internal sealed record OwnRequirementRequest(string? TitleEn, string? TitleJa, string? Level);

internal sealed record DecideRequest(bool? Needed, string? Reason);

/// <summary>The baselines API: guideline selection, tailoring, inheriting, top-down decisions, publishing and versions.</summary>
internal static class BaselineEndpoints
{
    public static WebApplication MapBaselineEndpoints(this WebApplication app)
    {
        app.MapGet("/api/guidelines/recommend", (string? parts, string? sector, string? markets, BaselineViews views) =>
            TypedResults.Ok(views.Recommend(parts, sector, markets)))
          .RequireAuthorization().WithTags("Baselines")
          .WithSummary("Rank guidelines for a product's IoT parts and recommend a minimal set (one all-round guideline, the most detailed per part group, and what markets and sector require), each with its reason in ja and en.");
        app.MapPost("/api/products/{id:guid}/baselines", async (Guid id, CreateBaselineRequest request, BaselineCommands commands) =>
        {
            var baseline = await commands.CreateForProductAsync(id, request.Name, request.Inherit);
            return TypedResults.Created($"/api/baselines/{baseline.Id}", baseline);
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithTags("Baselines")
          .WithSummary("Tailor a baseline for the product: every requirement of its chosen guidelines at the default level (source level and risk class); or, with inherit: true, inherit the latest published company baseline of the product's field.");

        app.MapPost("/api/company-baselines", async (CreateCompanyBaselineRequest request, BaselineCommands commands) =>
        {
            var baseline = await commands.CreateCompanyAsync(request.Name, request.Field, request.Guidelines, request.RiskClass);
            return TypedResults.Created($"/api/baselines/{baseline.Id}", baseline);
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy).WithTags("Baselines")
          .WithSummary("Create the company baseline of a product field (administrators and PSIRT managers): the portfolio's MUST / SHOULD / BETTER that product baselines of the field inherit.");

        var baselines = app.MapGroup("/api/baselines").WithTags("Baselines").RequireAuthorization()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        baselines.MapGet("/", async (BaselineViews views) => TypedResults.Ok(await views.ListAsync()))
            .WithSummary("Company baselines, and the product baselines of the caller's business units.");
        baselines.MapGet("/{id:guid}/children", async (Guid id, BaselineViews views) => TypedResults.Ok(await views.ChildrenAsync(id)))
            .WithSummary("Which product baselines (of the caller's units) inherit this company baseline, from which version, and whether they are behind.");
        baselines.MapPost("/{id:guid}/update-from-parent", async (Guid id, BaselineCommands commands) => TypedResults.Ok(await commands.UpdateFromParentAsync(id)))
            .RequireAuthorization(AccountsSetup.WriterPolicy)
            .WithSummary("Take the latest published version of the company baseline: inherited lines follow it, overrides stay.");
        baselines.MapGet("/{id:guid}", async (Guid id, BaselineViews views) => TypedResults.Ok(await views.GetAsync(id)))
            .WithSummary("A baseline with every line: level, exclusion and reason, own requirements.");
        baselines.MapPatch("/{id:guid}/items", async (Guid id, ChangeItemRequest request, BaselineCommands commands) =>
            TypedResults.Ok(await commands.ChangeItemAsync(id, request.Key, request.Level is null ? null : Levels.Parse(request.Level, "level"),
                request.ExcludeReason, request.TitleEn, request.TitleJa)))
            .RequireAuthorization(AccountsSetup.WriterPolicy)
            .WithSummary("Change one line: level (Must, Should, Better), exclusion with its reason, or rewording for the business.");
        baselines.MapPost("/{id:guid}/own", async (Guid id, OwnRequirementRequest request, BaselineCommands commands) =>
            TypedResults.Created($"/api/baselines/{id}", await commands.AddOwnAsync(id, request.TitleEn, request.TitleJa, Levels.Parse(request.Level ?? "Should", "level"))))
            .RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Add a requirement of our own.");
        baselines.MapGet("/{id:guid}/controls", async (Guid id, BaselineViews views) => TypedResults.Ok(await views.ControlsAsync(id)))
            .WithSummary("Top-down: every common control (the deduplicated list of all measures), its 要/不要 decision and how many lines it has.");
        baselines.MapPut("/{id:guid}/controls/{controlId}", async (Guid id, string controlId, DecideRequest request, BaselineCommands commands) =>
            TypedResults.Ok(await commands.DecideAsync(id, controlId, request.Needed, request.Reason)))
            .RequireAuthorization(AccountsSetup.WriterPolicy)
            .WithSummary("Top-down: decide 要 (needed) or 不要 (not needed) for a common control, with the reason; the baseline follows.");

        baselines.MapPost("/{id:guid}/publish", async (Guid id, BaselineCommands commands) => TypedResults.Ok(await commands.PublishAsync(id)))
            .RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Publish the baseline as its next version.");

        baselines.MapGet("/{id:guid}/diff", async (Guid id, int from, int? to, BaselineViews views) => TypedResults.Ok(await views.DiffAsync(id, from, to)))
            .WithSummary("Compare a published version with another (to=) or with the current draft: added, removed, level changed, excluded, included, reworded.");
        return app;
    }
}
