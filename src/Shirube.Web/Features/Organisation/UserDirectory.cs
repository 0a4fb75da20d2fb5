using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Data.Organisation;
using Shirube.Domain.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Organisation;

/// <summary>The outcome of a change to an account: the account, or the problem to answer.</summary>
internal sealed record UserChange(UserDto? User, IResult? Error);

/// <summary>Accounts with their roles and units; used by the API and the admin page alike.</summary>
internal static class UserDirectory
{
    public static async Task<UserDto[]> ListAsync(UserManager<ShirubeUser> users, ShirubeDbContext db)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        var memberships = await db.UnitMemberships.ToListAsync();
        var result = new List<UserDto>();
        foreach (var user in all)
            result.Add(await ToDtoAsync(users, user, memberships.Where(m => m.UserId == user.Id).Select(m => m.BusinessUnitId)));
        return [.. result];
    }

    public static async Task<UserChange> CreateAsync(UserManager<ShirubeUser> users, ShirubeDbContext db, CreateUserRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UserName))
            return Fail(Problems.Invalid("userName", "The username is required."));
        if (string.IsNullOrEmpty(request.Password))
            return Fail(Problems.Invalid("password", "The password is required."));
        if (await Check(db, request.Roles, request.BusinessUnitIds) is { } invalid)
            return Fail(invalid);
        if (await users.FindByNameAsync(request.UserName) is not null)
            return Fail(Problems.Conflict($"The username '{request.UserName}' is taken."));
        var user = new ShirubeUser { UserName = request.UserName.Trim(), DisplayName = request.DisplayName?.Trim() ?? string.Empty };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
            return Fail(Problems.Invalid("password", string.Join(" ", created.Errors.Select(e => e.Description))));
        await SetRolesAndUnitsAsync(users, db, user, request.Roles ?? [], request.BusinessUnitIds ?? []);
        return new UserChange(await ToDtoAsync(users, user, request.BusinessUnitIds ?? []), null);
    }

    public static async Task<UserChange> UpdateAsync(UserManager<ShirubeUser> users, ShirubeDbContext db, string id, UpdateUserRequest request)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Fail(Problems.NotFound($"No account {id}."));
        if (await Check(db, request.Roles, request.BusinessUnitIds) is { } invalid)
            return Fail(invalid);
        if (request.DisplayName is not null)
        {
            user.DisplayName = request.DisplayName.Trim();
            await users.UpdateAsync(user);
        }
        var units = request.BusinessUnitIds ?? await db.UnitMemberships.Where(m => m.UserId == id).Select(m => m.BusinessUnitId).ToArrayAsync();
        await SetRolesAndUnitsAsync(users, db, user, request.Roles ?? [.. await users.GetRolesAsync(user)], units);
        return new UserChange(await ToDtoAsync(users, user, units), null);
    }

    private static UserChange Fail(IResult error) => new(null, error);

    private static async Task<IResult?> Check(ShirubeDbContext db, string[]? roles, Guid[]? unitIds)
    {
        var unknownRole = roles?.FirstOrDefault(r => !Roles.IsKnown(r));
        if (unknownRole is not null)
            return Problems.Invalid("roles", $"'{unknownRole}' is not a role; expected one of: {string.Join(", ", Roles.All)}.");
        if (unitIds is { Length: > 0 })
        {
            var known = await db.BusinessUnits.Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync();
            var missing = unitIds.FirstOrDefault(u => !known.Contains(u));
            if (missing != Guid.Empty)
                return Problems.Invalid("businessUnitIds", $"No business unit {missing}.");
        }
        return null;
    }

    private static async Task SetRolesAndUnitsAsync(UserManager<ShirubeUser> users, ShirubeDbContext db, ShirubeUser user, IEnumerable<string> roles, IEnumerable<Guid> unitIds)
    {
        var wanted = roles.Distinct(StringComparer.Ordinal).ToList();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal));

        var units = unitIds.Distinct().ToList();
        var existing = await db.UnitMemberships.Where(m => m.UserId == user.Id).ToListAsync();
        db.UnitMemberships.RemoveRange(existing.Where(m => !units.Contains(m.BusinessUnitId)));
        db.UnitMemberships.AddRange(units.Where(u => existing.All(m => m.BusinessUnitId != u)).Select(u => new UnitMembership { UserId = user.Id, BusinessUnitId = u }));
        await db.SaveChangesAsync();
        // Signed-in sessions pick up the new roles and units at their next stamp check.
        await users.UpdateSecurityStampAsync(user);
    }

    private static async Task<UserDto> ToDtoAsync(UserManager<ShirubeUser> users, ShirubeUser user, IEnumerable<Guid> units) =>
        new(user.Id, user.UserName ?? string.Empty, user.DisplayName, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
            [.. units], await users.IsLockedOutAsync(user));
}
