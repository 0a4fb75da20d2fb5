using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Accounts;
using Shirube.Domain.Organisation;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Organisation;

internal sealed record BusinessUnitDto(Guid Id, string Code, string NameEn, string NameJa, bool IsDemo)
{
    public static BusinessUnitDto From(BusinessUnit u) => new(u.Id, u.Code, u.NameEn, u.NameJa, u.IsDemo);

    /// <summary>The name in the given language ("ja…" or anything else for English).</summary>
    public string Name(string language) => language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? NameJa : NameEn;
}

internal sealed record UserDto(string Id, string UserName, string DisplayName, string[] Roles, Guid[] BusinessUnitIds, bool LockedOut);

/// <summary>Reads of business units and accounts (the user directory), shared by the API and the admin page.</summary>
internal sealed class OrganisationViews(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock)
{
    /// <summary>The business units the actor may see, by code.</summary>
    public async Task<BusinessUnitDto[]> UnitsAsync()
    {
        var scope = actor.Scope;
        await using var db = await contexts.CreateDbContextAsync();
        var units = await db.BusinessUnits.AsNoTracking().Where(u => scope.SeesAllUnits || scope.UnitIds.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync();
        return [.. units.Select(BusinessUnitDto.From)];
    }

    /// <summary>
    /// Every account with its roles and business units, by username: administrators only. Three queries whatever the
    /// number of accounts (accounts, role names by account, memberships), never one per account.
    /// </summary>
    public async Task<UserDto[]> UsersAsync()
    {
        actor.Require([Roles.Administrator]);
        await using var db = await contexts.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnabled, u.LockoutEnd }).ToListAsync();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            select new { userRole.UserId, role.Name }).ToListAsync())
            .ToLookup(r => r.UserId, r => r.Name ?? string.Empty, StringComparer.Ordinal);
        var units = (await db.UnitMemberships.AsNoTracking().Select(m => new { m.UserId, m.BusinessUnitId }).ToListAsync())
            .ToLookup(m => m.UserId, m => m.BusinessUnitId, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        return [.. users.Select(u => new UserDto(u.Id, u.UserName ?? string.Empty, u.DisplayName, [.. roles[u.Id].Order(StringComparer.Ordinal)],
            [.. units[u.Id]], u.LockoutEnabled && u.LockoutEnd > now))];
    }
}
