using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shirube.Data;
using Shirube.Data.Accounts;

namespace Shirube.Web.Features.Accounts;

/// <summary>Claim types of Shirube.</summary>
internal static class ShirubeClaims
{
    public const string Unit = "shirube:unit";
    public const string MustChangePassword = "shirube:must-change-password";
    public const string DisplayName = "shirube:display-name";
}

/// <summary>Adds business units, display name and the password-change flag to the signed-in principal.</summary>
internal sealed class ShirubeClaimsFactory(
    UserManager<ShirubeUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    ShirubeDbContext db)
    : UserClaimsPrincipalFactory<ShirubeUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShirubeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        var units = await db.UnitMemberships.Where(m => m.UserId == user.Id).Select(m => m.BusinessUnitId).ToListAsync().ConfigureAwait(false);
        foreach (var unit in units)
            identity.AddClaim(new Claim(ShirubeClaims.Unit, unit.ToString()));
        identity.AddClaim(new Claim(ShirubeClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(ShirubeClaims.MustChangePassword, "true"));
        return identity;
    }
}
