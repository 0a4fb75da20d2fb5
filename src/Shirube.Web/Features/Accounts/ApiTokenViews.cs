using Microsoft.EntityFrameworkCore;
using Shirube.Data;

namespace Shirube.Web.Features.Accounts;

/// <summary>A token as listed: never the secret.</summary>
internal sealed record TokenSummary(Guid Id, string Name, string Hint, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, bool Active);

/// <summary>Reads of API tokens, shared by the API and the tokens page.</summary>
internal sealed class ApiTokenViews(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock)
{
    /// <summary>The actor's own tokens, newest first.</summary>
    public async Task<TokenSummary[]> MineAsync()
    {
        var userId = actor.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync();
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenSummary(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.RevokedAt == null && now < t.ExpiresAt))
            .ToArrayAsync();
    }
}
