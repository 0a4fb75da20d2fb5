using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Portfolio;

internal sealed record ProductDto(Guid Id, Guid BusinessUnitId, string Name, string Field, string[] Parts, bool IsDemo);
internal sealed record SaveProductRequest(Guid? BusinessUnitId, string? Name, string? Field, string[]? Parts);

/// <summary>Products of the portfolio; every query is limited to the caller's business units.</summary>
internal static class ProductEndpoints
{
    public static WebApplication MapProductEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/products").WithTags("Portfolio").RequireAuthorization();

        group.MapGet("/", async (ShirubeDbContext db) =>
            TypedResults.Ok((await db.Products.OrderBy(p => p.Field).ThenBy(p => p.Name).ToListAsync()).Select(ToDto).ToArray()))
            .WithSummary("Products of the caller's business units.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<ProductDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
            await db.Products.SingleOrDefaultAsync(p => p.Id == id) is { } product
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
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/products/{product.Id}", ToDto(product));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Create a product in one of the caller's business units.");

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
        new(p.Id, p.BusinessUnitId, p.Name, p.Field, [.. p.Parts.Select(x => x.ToId())], p.IsDemo);
}
