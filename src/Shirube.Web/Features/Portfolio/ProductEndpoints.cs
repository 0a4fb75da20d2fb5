using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Portfolio;

internal sealed record VersionDto(Guid Id, string Version, DateOnly? ReleaseDate, DateOnly? EndOfSupport);
internal sealed record ProductDto(Guid Id, Guid BusinessUnitId, string Name, string Field, string[] Parts, bool IsDemo,
    string? Sector, string[] Markets, int? RiskClass, string[] Owners, string[] Guidelines, VersionDto[] Versions, string RequiredLevel, bool RequiredLevelSet);
internal sealed record SaveProductRequest(Guid? BusinessUnitId, string? Name, string? Field, string[]? Parts,
    string? Sector = null, string[]? Markets = null, int? RiskClass = null, string[]? Owners = null, string? RequiredLevel = null);
internal sealed record AddVersionRequest(string? Version, DateOnly? ReleaseDate, DateOnly? EndOfSupport);
internal sealed record ChooseGuidelinesRequest(string[]? Guidelines);
internal sealed record RiskClassDto(int Level, string NameEn, string NameJa, string DescriptionEn, string DescriptionJa);

/// <summary>Products of the portfolio; every query is limited to the caller's business units.</summary>
internal static class ProductEndpoints
{
    public static WebApplication MapProductEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/products").WithTags("Portfolio").RequireAuthorization();

        group.MapGet("/", async (ProductViews views) => TypedResults.Ok(await views.ListAsync()))
            .WithSummary("Products of the caller's business units.");

        group.MapGet("/{id:guid}", async (Guid id, ProductViews views) => TypedResults.Ok(await views.GetAsync(id)))
            .WithSummary("One product.");

        group.MapPost("/", async (SaveProductRequest request, ProductCommands commands) =>
        {
            var product = await commands.CreateAsync(request);
            return TypedResults.Created($"/api/products/{product.Id}", product);
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Create a product in one of the caller's business units.");

        group.MapPut("/{id:guid}", async (Guid id, SaveProductRequest request, ProductCommands commands) => TypedResults.Ok(await commands.UpdateAsync(id, request)))
            .RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Change a product: unit, name, field, parts, sector, markets, risk class, owners, required level (Must, Should, Better). Fields left out keep their value; sector \"\" clears it, requiredLevel \"\" derives it from the risk class again.");

        group.MapPost("/{id:guid}/versions", async (Guid id, AddVersionRequest request, ProductCommands commands) =>
            TypedResults.Created($"/api/products/{id}", await commands.AddVersionAsync(id, request.Version, request.ReleaseDate, request.EndOfSupport)))
            .RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Add a version with its release date and end of security support.");

        group.MapGet("/{id:guid}/recommendation", async (Guid id, ProductViews views) => TypedResults.Ok(await views.RecommendAsync(id)))
            .WithSummary("The recommended guidelines for the product, from its parts, sector and markets.");

        group.MapPut("/{id:guid}/guidelines", async (Guid id, ChooseGuidelinesRequest request, ProductCommands commands) =>
            TypedResults.Ok(await commands.ChooseGuidelinesAsync(id, request.Guidelines ?? [])))
            .RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Accept or change the guidelines chosen for the product's baseline.");

        var risk = app.MapGroup("/api/risk-classes").WithTags("Portfolio").RequireAuthorization();
        risk.MapGet("/", async (ProductViews views) => TypedResults.Ok(await views.RiskClassesAsync()))
            .WithSummary("The risk-level definitions products are classed by.");
        risk.MapPut("/{level:int}", async (int level, RiskClassDto request, ProductCommands commands) => TypedResults.Ok(await commands.DefineRiskClassAsync(level, request)))
            .RequireAuthorization(AccountsSetup.AdministratorPolicy).WithSummary("Define or change a risk class (administrators).");

        group.MapDelete("/{id:guid}", async (Guid id, ProductCommands commands) =>
        {
            await commands.DeleteAsync(id);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Delete a product.");
        return app;
    }
}
