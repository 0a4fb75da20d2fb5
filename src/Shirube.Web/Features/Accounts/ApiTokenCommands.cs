using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Domain;
using Shirube.Domain.Accounts;

namespace Shirube.Web.Features.Accounts;

/// <summary>Request for a new API token, signed with the account's password.</summary>
internal sealed record CreateTokenRequest(string? Username, string? Password, string? Name, int? ExpiresInDays);

/// <summary>A new token: the secret is shown this once.</summary>
internal sealed record CreatedToken(string Token, Guid Id, string Name, DateTime ExpiresAt);

/// <summary>The outcome of signing for a token with a password: the token, or why the credentials were refused (401).</summary>
internal sealed record TokenIssue(CreatedToken? Token, string? Refusal);

/// <summary>Issuing and revoking API tokens, shared by the API and the tokens page.</summary>
internal sealed class ApiTokenCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock,
    UserManager<ShirubeUser> users, SignInManager<ShirubeUser> signIn)
{
    public const int DefaultLifetimeDays = 90;

    /// <summary>
    /// Issues a token for a username and password, as scripts do. Wrong credentials and a locked account are refusals
    /// (401, the text kept as scripts know it); an account with its one-time password still is refused (403).
    /// </summary>
    public async Task<TokenIssue> IssueWithPasswordAsync(CreateTokenRequest request)
    {
        Guard.That(!string.IsNullOrWhiteSpace(request.Username), CommonErrors.Required("username"));
        Guard.That(!string.IsNullOrEmpty(request.Password), CommonErrors.Required("password"));
        Guard.Text(request.Name, "name", ApiToken.MaxName);
        var days = request.ExpiresInDays ?? DefaultLifetimeDays;
        Guard.That(days is >= 1 and <= ApiToken.MaxLifetimeDays, AccountErrors.TokenLifetime(1, ApiToken.MaxLifetimeDays));

        var user = await users.FindByNameAsync(request.Username);
        if (user is null)
            return new TokenIssue(null, "Wrong username or password.");
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
            return new TokenIssue(null, check.IsLockedOut ? "The account is locked after repeated failed sign-ins; try again later." : "Wrong username or password.");
        Guard.That(!user.MustChangePassword, AccountErrors.MustChangePasswordFirst());
        var (token, secret) = await IssueAsync(user.Id, request.Name!, days);
        return new TokenIssue(new CreatedToken(secret, token.Id, token.Name, token.ExpiresAt), null);
    }

    /// <summary>Issues a token for the signed-in actor; returns the secret, shown once.</summary>
    public async Task<string> IssueForMeAsync(string? name, int expiresInDays)
    {
        var userId = actor.UserId ?? throw CommonErrors.NotAllowed().Exception();
        var (_, secret) = await IssueAsync(userId, name ?? string.Empty, expiresInDays);
        return secret;
    }

    /// <summary>Revokes a token of the actor's (an administrator may revoke anyone's); <c>Accounts.TokenNotFound</c> otherwise.</summary>
    public async Task RevokeAsync(Guid id)
    {
        var userId = actor.UserId;
        await using var db = await contexts.CreateDbContextAsync();
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id);
        if (token is null || (token.UserId != userId && !actor.User.IsInRole(Roles.Administrator)))
            throw AccountErrors.TokenNotFound(id).Exception();
        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private async Task<(ApiToken Token, string Secret)> IssueAsync(string userId, string name, int days)
    {
        var (token, secret) = ApiToken.Issue(userId, name, days, clock.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync();
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return (token, secret);
    }
}
