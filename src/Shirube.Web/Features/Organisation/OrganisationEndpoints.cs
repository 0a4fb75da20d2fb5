using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Domain.Organisation;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Organisation;

internal sealed record BusinessUnitDto(Guid Id, string Code, string NameEn, string NameJa, bool IsDemo);
internal sealed record SaveBusinessUnitRequest(string? Code, string? NameEn, string? NameJa);
internal sealed record UserDto(string Id, string UserName, string DisplayName, string[] Roles, Guid[] BusinessUnitIds, bool LockedOut);
internal sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, string[]? Roles, Guid[]? BusinessUnitIds);
internal sealed record UpdateUserRequest(string? DisplayName, string[]? Roles, Guid[]? BusinessUnitIds);

/// <summary>Business units and user accounts. Administrators manage them; everyone sees the units they belong to.</summary>
internal static class OrganisationEndpoints
{
    public static WebApplication MapOrganisationEndpoints(this WebApplication app)
    {
        var units = app.MapGroup("/api/business-units").WithTags("Organisation").RequireAuthorization();
        units.MapGet("/", async (ICurrentActor actor, ShirubeDbContext db) =>
        {
            var scope = actor.Scope;
            var list = await db.BusinessUnits.Where(u => scope.SeesAllUnits || scope.UnitIds.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync();
            return TypedResults.Ok(list.Select(ToDto).ToArray());
        }).WithSummary("Business units the caller may see.");

        units.MapPost("/", async Task<Results<Created<BusinessUnitDto>, ValidationProblem, ProblemHttpResult>> (SaveBusinessUnitRequest request, ShirubeDbContext db) =>
        {
            BusinessUnit unit;
            try
            {
                unit = BusinessUnit.Create(request.Code ?? string.Empty, request.NameEn ?? string.Empty, request.NameJa ?? string.Empty);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            if (await db.BusinessUnits.AnyAsync(u => u.Code == unit.Code))
                return Problems.Conflict($"A business unit with the code '{unit.Code}' exists.");
            db.BusinessUnits.Add(unit);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/business-units/{unit.Id}", ToDto(unit));
        }).RequireAuthorization(AccountsSetup.AdministratorPolicy).WithSummary("Create a business unit.");

        units.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
        {
            var unit = await db.BusinessUnits.FindAsync(id);
            if (unit is null)
                return Problems.NotFound($"No business unit {id}.");
            if (await db.Products.IgnoreQueryFilters().AnyAsync(p => p.BusinessUnitId == id))
                return Problems.Conflict("The business unit still has products.");
            db.BusinessUnits.Remove(unit);
            await db.SaveChangesAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.AdministratorPolicy).WithSummary("Delete an empty business unit.");

        var users = app.MapGroup("/api/users").WithTags("Organisation").RequireAuthorization(AccountsSetup.AdministratorPolicy);
        users.MapGet("/", async (UserManager<ShirubeUser> userManager, ShirubeDbContext db) =>
            TypedResults.Ok(await UserDirectory.ListAsync(userManager, db)))
            .WithSummary("Every account, with roles and business units.");
        users.MapPost("/", async Task<IResult> (CreateUserRequest request, UserManager<ShirubeUser> userManager, ShirubeDbContext db) =>
        {
            var result = await UserDirectory.CreateAsync(userManager, db, request);
            return result.Error is { } error ? error : TypedResults.Created($"/api/users/{result.User!.Id}", result.User);
        }).Produces<UserDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Create an account with roles and business units.");
        users.MapPut("/{id}", async Task<IResult> (string id, UpdateUserRequest request, UserManager<ShirubeUser> userManager, ShirubeDbContext db) =>
        {
            var result = await UserDirectory.UpdateAsync(userManager, db, id, request);
            return result.Error is { } error ? error : TypedResults.Ok(result.User!);
        }).Produces<UserDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("Change an account's name, roles and business units.");
        return app;
    }

    internal static BusinessUnitDto ToDto(BusinessUnit u) => new(u.Id, u.Code, u.NameEn, u.NameJa, u.IsDemo);
}
