using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Stakeholders;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Stakeholders;

/// <summary>The stakeholder registry: every signed-in role reads it; administrators and PSIRT managers change it.</summary>
internal static class StakeholderEndpoints
{
    public static WebApplication MapStakeholderEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/stakeholders").WithTags("Stakeholders").RequireAuthorization();

        group.MapGet("/", async Task<Results<Ok<StakeholderDto[]>, ValidationProblem>> (string? kind, string? q, ShirubeDbContext db) =>
        {
            var query = db.Stakeholders.AsNoTracking();
            if (kind is not null)
            {
                if (!EnumNames.TryParse<StakeholderKind>(kind, out var k))
                    return Problems.Invalid("kind", $"Unknown kind '{kind}'.");
                query = query.Where(s => s.Kind == k);
            }
            var list = await query.ToListAsync();
            if (!string.IsNullOrWhiteSpace(q))
                list = [.. list.Where(s => Matches(s, q.Trim()))];
            return TypedResults.Ok(list.OrderBy(s => s.Kind).ThenBy(s => s.NameEn, StringComparer.OrdinalIgnoreCase).Select(StakeholderDto.From).ToArray());
        }).WithSummary("Stakeholders, optionally of one kind (Department, Supplier, Coordinator, Customer, Regulator) and matching a search.");

        group.MapGet("/lookup", async Task<Results<Ok<SupplierMatchDto[]>, ValidationProblem>> (string? purl, string? cpe, ShirubeDbContext db) =>
        {
            try
            {
                return TypedResults.Ok((await StakeholderCommands.LookupAsync(db, purl, cpe)).ToArray());
            }
            catch (StakeholderChangeException e)
            {
                return Problems.Invalid(e.Field, e.Message);
            }
        }).WithSummary("The suppliers to contact for a component given by ?purl= or ?cpe=, most specific match first, with why each matched.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<StakeholderDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
            await db.Stakeholders.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id) is { } s
                ? TypedResults.Ok(StakeholderDto.From(s))
                : Problems.NotFound($"No stakeholder {id}."))
            .WithSummary("One stakeholder.");

        group.MapPost("/", async Task<Results<Created<StakeholderDto>, ValidationProblem>> (SaveStakeholderRequest request, ShirubeDbContext db) =>
        {
            try
            {
                var created = await StakeholderCommands.CreateAsync(db, request);
                return TypedResults.Created($"/api/stakeholders/{created.Id}", StakeholderDto.From(created));
            }
            catch (StakeholderChangeException e)
            {
                return Problems.Invalid(e.Field, e.Message);
            }
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Add a stakeholder.");

        group.MapPut("/{id:guid}", async Task<Results<Ok<StakeholderDto>, ValidationProblem, ProblemHttpResult>> (Guid id, SaveStakeholderRequest request, ShirubeDbContext db) =>
        {
            try
            {
                return await StakeholderCommands.UpdateAsync(db, id, request) is { } updated
                    ? TypedResults.Ok(StakeholderDto.From(updated))
                    : Problems.NotFound($"No stakeholder {id}.");
            }
            catch (StakeholderChangeException e)
            {
                return Problems.Invalid(e.Field, e.Message);
            }
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Change a stakeholder's details, keys and products.");

        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
        {
            if (!await StakeholderCommands.DeleteAsync(db, id))
                return Problems.NotFound($"No stakeholder {id}.");
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Remove a stakeholder (its RACI cells go with it; members keep their names).");

        return app;
    }

    /// <summary>True when the search text occurs in a name, email, note, package key or CPE vendor.</summary>
    internal static bool Matches(Stakeholder s, string q) =>
        new[] { s.NameJa, s.NameEn, s.Email, s.Notes, s.WebPage }.Concat(s.PurlKeys).Concat(s.CpeVendors)
            .Any(t => t?.Contains(q, StringComparison.OrdinalIgnoreCase) == true);
}
