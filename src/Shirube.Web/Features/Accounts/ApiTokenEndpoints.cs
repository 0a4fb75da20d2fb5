using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Domain.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Accounts;

/// <summary>Request for a new API token, signed with the account's password.</summary>
internal sealed record CreateTokenRequest(string? Username, string? Password, string? Name, int? ExpiresInDays);

/// <summary>A new token: the secret is shown this once.</summary>
internal sealed record CreatedToken(string Token, Guid Id, string Name, DateTime ExpiresAt);

/// <summary>A token as listed: never the secret.</summary>
internal sealed record TokenSummary(Guid Id, string Name, string Hint, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, bool Active);

internal static class ApiTokenEndpoints
{
    public const int DefaultLifetimeDays = 90;

    public static WebApplication MapApiTokenEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/auth/tokens").WithTags("API tokens");

        group.MapPost("/", CreateAsync).AllowAnonymous()
            .WithSummary("Create an API token with username and password.")
            .WithDescription("Returns the token once. Use it as 'Authorization: Bearer <token>'. A wrong password gets 401; repeated failures lock the account.");

        group.MapGet("/", async (ClaimsPrincipal user, ShirubeDbContext db, TimeProvider clock) =>
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var now = clock.GetUtcNow().UtcDateTime;
            var tokens = await db.ApiTokens.Where(t => t.UserId == id).OrderByDescending(t => t.CreatedAt).ToListAsync();
            return TypedResults.Ok(tokens.Select(t => Summary(t, now)).ToArray());
        }).RequireAuthorization().WithSummary("List the caller's API tokens.");

        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ShirubeDbContext db, TimeProvider clock) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id);
            if (token is null || (token.UserId != userId && !user.IsInRole(Roles.Administrator)))
                return Problems.NotFound($"No API token {id} of yours.");
            token.Revoke(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("Revoke an API token.");

        return app;
    }

    internal static TokenSummary Summary(ApiToken t, DateTime now) =>
        new(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.IsActive(now));

    private static async Task<Results<Created<CreatedToken>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTokenRequest request, UserManager<ShirubeUser> users, SignInManager<ShirubeUser> signIn,
        ShirubeDbContext db, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Username))
            return Problems.Invalid("username", "The username is required.");
        if (string.IsNullOrEmpty(request.Password))
            return Problems.Invalid("password", "The password is required.");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            return Problems.Invalid("name", "A token needs a name of 1 to 100 characters.");
        var days = request.ExpiresInDays ?? DefaultLifetimeDays;
        if (days is < 1 or > ApiToken.MaxLifetimeDays)
            return Problems.Invalid("expiresInDays", $"A token lives 1 to {ApiToken.MaxLifetimeDays} days.");

        var user = await users.FindByNameAsync(request.Username);
        if (user is null)
            return Problems.Unauthorized("Wrong username or password.");
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
            return Problems.Unauthorized(check.IsLockedOut ? "The account is locked after repeated failed sign-ins; try again later." : "Wrong username or password.");
        if (user.MustChangePassword)
            return Problems.Forbidden("Change the one-time password in the web UI before creating tokens.");

        var (token, secret) = ApiToken.Issue(user.Id, request.Name, days, clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/auth/tokens/{token.Id}", new CreatedToken(secret, token.Id, token.Name, token.ExpiresAt));
    }
}
