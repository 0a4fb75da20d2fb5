using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Data.Organisation;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Organisation;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Organisation;

internal sealed record SaveBusinessUnitRequest(string? Code, string? NameEn, string? NameJa);
internal sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, string[]? Roles, Guid[]? BusinessUnitIds);
internal sealed record UpdateUserRequest(string? DisplayName, string[]? Roles, Guid[]? BusinessUnitIds);

/// <summary>Changes to business units and accounts, shared by the API and the admin page: administrators make them.</summary>
internal sealed class OrganisationCommands(IDbContextFactory<ShirubeDbContext> contexts, UserManager<ShirubeUser> users, CurrentActor actor)
{
    private static readonly string[] Administrators = [Roles.Administrator];

    /// <summary>Creates a business unit; its code must be free (<c>Organisation.UnitCodeTaken</c>, 409).</summary>
    public async Task<BusinessUnitDto> CreateUnitAsync(SaveBusinessUnitRequest request)
    {
        actor.Require(Administrators);
        var unit = BusinessUnit.Create(request.Code ?? string.Empty, request.NameEn ?? string.Empty, request.NameJa ?? string.Empty);
        await using var db = await contexts.CreateDbContextAsync();
        Guard.That(!await db.BusinessUnits.AnyAsync(u => u.Code == unit.Code), () => OrganisationErrors.UnitCodeTaken(unit.Code));
        db.BusinessUnits.Add(unit);
        await db.SaveChangesAsync();
        return BusinessUnitDto.From(unit);
    }

    /// <summary>Deletes a business unit that has no products (<c>Organisation.UnitHasProducts</c>, 409).</summary>
    public async Task DeleteUnitAsync(Guid id)
    {
        actor.Require(Administrators);
        await using var db = await contexts.CreateDbContextAsync();
        var unit = await db.BusinessUnits.FindAsync(id) ?? throw OrganisationErrors.UnitNotFound(id).Exception();
        Guard.That(!await db.Products.IgnoreQueryFilters().AnyAsync(p => p.BusinessUnitId == id), OrganisationErrors.UnitHasProducts());
        db.BusinessUnits.Remove(unit);
        await db.SaveChangesAsync();
    }

    /// <summary>Creates an account with roles and business units.</summary>
    public async Task<UserDto> CreateUserAsync(CreateUserRequest request)
    {
        actor.Require(Administrators);
        Guard.That(!string.IsNullOrWhiteSpace(request.UserName), CommonErrors.Required("userName"));
        Guard.That(!string.IsNullOrEmpty(request.Password), CommonErrors.Required("password"));
        await CheckAsync(request.Roles, request.BusinessUnitIds);
        Guard.That(await users.FindByNameAsync(request.UserName) is null, () => OrganisationErrors.UserNameTaken(request.UserName));
        var user = new ShirubeUser { UserName = request.UserName.Trim(), DisplayName = request.DisplayName?.Trim() ?? string.Empty };
        var created = await users.CreateAsync(user, request.Password);
        // Identity's descriptions are in the user's language already (LocalizedIdentityErrors).
        Guard.That(created.Succeeded, () => OrganisationErrors.PasswordRejected(string.Join(" ", created.Errors.Select(e => e.Description))));
        var units = request.BusinessUnitIds ?? [];
        await SetRolesAndUnitsAsync(user, request.Roles ?? [], units);
        return await ToDtoAsync(user, units);
    }

    /// <summary>Changes an account's display name, roles and business units (what the request leaves out stays).</summary>
    public async Task<UserDto> UpdateUserAsync(string id, UpdateUserRequest request)
    {
        actor.Require(Administrators);
        var user = await users.FindByIdAsync(id) ?? throw OrganisationErrors.UserNotFound(id).Exception();
        await CheckAsync(request.Roles, request.BusinessUnitIds);
        if (request.DisplayName is not null)
        {
            user.DisplayName = request.DisplayName.Trim();
            await users.UpdateAsync(user);
        }
        Guid[] units;
        if (request.BusinessUnitIds is { } given)
            units = given;
        else
        {
            await using var db = await contexts.CreateDbContextAsync();
            units = await db.UnitMemberships.Where(m => m.UserId == id).Select(m => m.BusinessUnitId).ToArrayAsync();
        }
        await SetRolesAndUnitsAsync(user, request.Roles ?? [.. await users.GetRolesAsync(user)], units);
        return await ToDtoAsync(user, units);
    }

    private async Task CheckAsync(string[]? roles, Guid[]? unitIds)
    {
        var unknownRole = roles?.FirstOrDefault(r => !Roles.IsKnown(r));
        Guard.That(unknownRole is null, () => OrganisationErrors.UnknownRole(unknownRole!, string.Join(", ", Roles.All)));
        if (unitIds is { Length: > 0 })
        {
            await using var db = await contexts.CreateDbContextAsync();
            var known = await db.BusinessUnits.Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync();
            var missing = unitIds.FirstOrDefault(u => !known.Contains(u));
            Guard.That(missing == Guid.Empty, () => OrganisationErrors.UnknownUnit(missing));
        }
    }

    private async Task SetRolesAndUnitsAsync(ShirubeUser user, IEnumerable<string> roles, IEnumerable<Guid> unitIds)
    {
        var wanted = roles.Distinct(StringComparer.Ordinal).ToList();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal));

        var units = unitIds.Distinct().ToList();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var existing = await db.UnitMemberships.Where(m => m.UserId == user.Id).ToListAsync();
            db.UnitMemberships.RemoveRange(existing.Where(m => !units.Contains(m.BusinessUnitId)));
            db.UnitMemberships.AddRange(units.Where(u => existing.All(m => m.BusinessUnitId != u)).Select(u => new UnitMembership { UserId = user.Id, BusinessUnitId = u }));
            await db.SaveChangesAsync();
        }
        // Signed-in sessions pick up the new roles and units at their next stamp check.
        await users.UpdateSecurityStampAsync(user);
    }

    private async Task<UserDto> ToDtoAsync(ShirubeUser user, IEnumerable<Guid> units) =>
        new(user.Id, user.UserName ?? string.Empty, user.DisplayName, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
            [.. units], await users.IsLockedOutAsync(user));
}
