using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Domain.Accounts;

namespace Shirube.Web.Features.Accounts;

/// <summary>Accepts <c>Authorization: Bearer shr_...</c>: a live token of an active, unlocked user.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ShirubeDbContext db,
    UserManager<ShirubeUser> users,
    IUserClaimsPrincipalFactory<ShirubeUser> claims,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!ApiTokenSecret.LooksLikeToken(secret))
            return AuthenticateResult.Fail("The bearer token is not a Shirube API token.");

        var hash = ApiTokenSecret.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted).ConfigureAwait(false);
        if (token is null || !token.IsActive(now))
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        var user = await users.FindByIdAsync(token.UserId).ConfigureAwait(false);
        if (user is null || await users.IsLockedOutAsync(user).ConfigureAwait(false))
            return AuthenticateResult.Fail("The API token's user is locked out or gone.");

        var principal = await claims.CreateAsync(user).ConfigureAwait(false);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        // Bookkeeping, not a change of data: bypasses the change tracker and so the audit log.
        await db.ApiTokens.Where(t => t.Id == token.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted).ConfigureAwait(false);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
