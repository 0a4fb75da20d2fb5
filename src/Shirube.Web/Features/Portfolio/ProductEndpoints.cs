using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Baselines;
using Shirube.Web.Features.Platform;

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

        group.MapGet("/", async (ShirubeDbContext db) =>
            TypedResults.Ok((await db.Products.Include(p => p.Versions).OrderBy(p => p.Field).ThenBy(p => p.Name).ToListAsync()).Select(ToDto).ToArray()))
            .WithSummary("Products of the caller's business units.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<ProductDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
            await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id) is { } product
                ? TypedResults.Ok(ToDto(product))
                : Problems.NotFound($"No product {id} in your business units."))
            .WithSummary("One product.");

        group.MapPost("/", async Task<Results<Created<ProductDto>, ValidationProblem, ProblemHttpResult>> (SaveProductRequest request, ShirubeDbContext db, ICurrentActor actor) =>
        {
            if (request.BusinessUnitId is not { } unitId || !await db.BusinessUnits.AnyAsync(u => u.Id == unitId))
                return Problems.Invalid("businessUnitId", "Name an existing business unit.");
            if (!actor.Scope.Allows(unitId))
                return Problems.Forbidden("You do not belong to that business unit.");
            var parts = new List<IotPart>();
            foreach (var (text, i) in (request.Parts ?? []).Select((t, i) => (t, i)))
            {
                if (!IotParts.TryParse(text, out var part))
                    return Problems.Invalid($"parts[{i}]", $"'{text}' is not an IoT part; expected one of: {string.Join(", ", IotParts.All.Select(p => p.ToId()))}.");
                parts.Add(part);
            }
            Product product;
            try
            {
                product = Product.Create(unitId, request.Name ?? string.Empty, request.Field ?? string.Empty, parts);
                product.Describe(request.Sector, request.Markets ?? [], request.RiskClass, request.Owners ?? []);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/products/{product.Id}", ToDto(product));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Create a product in one of the caller's business units.");

        group.MapPut("/{id:guid}", async Task<Results<Ok<ProductDto>, ValidationProblem, ProblemHttpResult>> (Guid id, SaveProductRequest request, ShirubeDbContext db, ICurrentActor actor) =>
        {
            var product = await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id);
            if (product is null)
                return Problems.NotFound($"No product {id} in your business units.");
            var unitId = request.BusinessUnitId ?? product.BusinessUnitId;
            if (!actor.Scope.Allows(unitId) || !await db.BusinessUnits.AnyAsync(u => u.Id == unitId))
                return Problems.Forbidden("You do not belong to that business unit.");
            var parts = product.Parts.ToList();
            if (request.Parts is not null)
            {
                parts.Clear();
                foreach (var (text, i) in request.Parts.Select((t, i) => (t, i)))
                {
                    if (!IotParts.TryParse(text, out var part))
                        return Problems.Invalid($"parts[{i}]", $"'{text}' is not an IoT part; expected one of: {string.Join(", ", IotParts.All.Select(p => p.ToId()))}.");
                    parts.Add(part);
                }
            }
            try
            {
                // Fields left out keep their value; an empty sector clears it.
                product.Update(unitId, request.Name ?? product.Name, request.Field ?? product.Field, parts);
                product.Describe(request.Sector is null ? product.Sector : request.Sector.Length == 0 ? null : request.Sector,
                    request.Markets ?? product.Markets, request.RiskClass ?? product.RiskClass, request.Owners ?? product.Owners);
                if (request.RequiredLevel is not null)
                    product.Require(request.RequiredLevel.Length == 0 ? null : Levels.Parse(request.RequiredLevel, "requiredLevel"));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            if (request.RiskClass is { } level && !await db.RiskClasses.AnyAsync(c => c.Level == level))
                return Problems.Invalid("riskClass", $"No risk class {level} is defined.");
            await db.SaveChangesAsync();
            return TypedResults.Ok(ToDto(product));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Change a product: unit, name, field, parts, sector, markets, risk class, owners, required level (Must, Should, Better). Fields left out keep their value; sector \"\" clears it, requiredLevel \"\" derives it from the risk class again.");

        group.MapPost("/{id:guid}/versions", async Task<Results<Created<VersionDto>, ValidationProblem, ProblemHttpResult>> (Guid id, AddVersionRequest request, ShirubeDbContext db) =>
        {
            var product = await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id);
            if (product is null)
                return Problems.NotFound($"No product {id} in your business units.");
            ProductVersion version;
            try
            {
                version = product.AddVersion(request.Version ?? string.Empty, request.ReleaseDate, request.EndOfSupport);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/products/{id}", new VersionDto(version.Id, version.Version, version.ReleaseDate, version.EndOfSupport));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Add a version with its release date and end of security support.");

        group.MapGet("/{id:guid}/recommendation", async Task<Results<Ok<Baselines.SelectionDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, Catalog catalog) =>
        {
            var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id);
            if (product is null)
                return Problems.NotFound($"No product {id} in your business units.");
            return TypedResults.Ok(Baselines.BaselineViews.ToDto(GuidelineSelector.Recommend(new ProductProfile(product.Parts, product.Sector, product.Markets), catalog)));
        }).WithSummary("The recommended guidelines for the product, from its parts, sector and markets.");

        group.MapPut("/{id:guid}/guidelines", async Task<Results<Ok<ProductDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ChooseGuidelinesRequest request, ShirubeDbContext db, Catalog catalog) =>
        {
            var product = await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id);
            if (product is null)
                return Problems.NotFound($"No product {id} in your business units.");
            var unknown = (request.Guidelines ?? []).FirstOrDefault(g => catalog.Find(g) is null);
            if (unknown is not null)
                return Problems.Invalid("guidelines", $"No guideline '{unknown}'.");
            product.ChooseGuidelines(request.Guidelines ?? []);
            await db.SaveChangesAsync();
            return TypedResults.Ok(ToDto(product));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Accept or change the guidelines chosen for the product's baseline.");

        var risk = app.MapGroup("/api/risk-classes").WithTags("Portfolio").RequireAuthorization();
        risk.MapGet("/", async (ShirubeDbContext db) =>
            TypedResults.Ok((await db.RiskClasses.OrderBy(c => c.Level).ToListAsync()).Select(c => new RiskClassDto(c.Level, c.NameEn, c.NameJa, c.DescriptionEn, c.DescriptionJa)).ToArray()))
            .WithSummary("The risk-level definitions products are classed by.");
        risk.MapPut("/{level:int}", async Task<Results<Ok<RiskClassDto>, ValidationProblem>> (int level, RiskClassDto request, ShirubeDbContext db) =>
        {
            var existing = await db.RiskClasses.SingleOrDefaultAsync(c => c.Level == level);
            try
            {
                if (existing is null)
                {
                    existing = RiskClass.Create(level, request.NameEn, request.NameJa, request.DescriptionEn, request.DescriptionJa);
                    db.RiskClasses.Add(existing);
                }
                else
                {
                    existing.Update(request.NameEn, request.NameJa, request.DescriptionEn, request.DescriptionJa);
                }
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(new RiskClassDto(existing.Level, existing.NameEn, existing.NameJa, existing.DescriptionEn, existing.DescriptionJa));
        }).RequireAuthorization(AccountsSetup.AdministratorPolicy).WithSummary("Define or change a risk class (administrators).");

        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
        {
            var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id);
            if (product is null)
                return Problems.NotFound($"No product {id} in your business units.");
            db.Products.Remove(product);
            await db.SaveChangesAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Delete a product.");
        return app;
    }

    internal static ProductDto ToDto(Product p) =>
        new(p.Id, p.BusinessUnitId, p.Name, p.Field, [.. p.Parts.Select(x => x.ToId())], p.IsDemo, p.Sector, [.. p.Markets], p.RiskClass,
            [.. p.Owners], [.. p.Guidelines], [.. p.Versions.OrderBy(v => v.ReleaseDate).Select(v => new VersionDto(v.Id, v.Version, v.ReleaseDate, v.EndOfSupport))],
            p.RequiredLevel.ToString(), p.RequiredLevelSet is not null);
}
