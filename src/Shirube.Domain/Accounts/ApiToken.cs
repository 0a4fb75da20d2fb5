namespace Shirube.Domain.Accounts;

/// <summary>A named, expiring, revocable credential for automation, owned by one user.</summary>
public sealed class ApiToken
{
    private ApiToken()
    {
        Name = string.Empty;
        UserId = string.Empty;
        Hash = string.Empty;
        Hint = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The owner.</summary>
    public string UserId { get; private set; }
    /// <summary>What the owner called it, e.g. "CI pipeline".</summary>
    public string Name { get; private set; }
    /// <summary>SHA-256 of the token, see <see cref="ApiTokenSecret.Hash"/>.</summary>
    public string Hash { get; private set; }
    /// <summary>The first characters of the token, to tell tokens apart in a list.</summary>
    public string Hint { get; private set; }
    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; private set; }
    /// <summary>When it stops working (UTC).</summary>
    public DateTime ExpiresAt { get; private set; }
    /// <summary>When it was revoked (UTC), if it was.</summary>
    public DateTime? RevokedAt { get; private set; }
    /// <summary>When it was last accepted (UTC).</summary>
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>Longest name.</summary>
    public const int MaxName = 100;

    /// <summary>The longest lifetime a token may have.</summary>
    public const int MaxLifetimeDays = 366;

    /// <summary>Issues a token named 1 to 100 characters, living 1 to <see cref="MaxLifetimeDays"/> days; returns the entity to store and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(string userId, string name, int expiresInDays, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        name = Guard.Text(name, nameof(name), MaxName);
        Guard.That(expiresInDays is >= 1 and <= MaxLifetimeDays, AccountErrors.TokenLifetime(1, MaxLifetimeDays));
        var (secret, hash) = ApiTokenSecret.Create();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Hash = hash,
            Hint = secret[..(ApiTokenSecret.Prefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = now.AddDays(expiresInDays),
        };
        return (token, secret);
    }

    /// <summary>True when the token may be used at <paramref name="now"/>.</summary>
    public bool IsActive(DateTime now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Revokes the token; revoking twice keeps the first time.</summary>
    public void Revoke(DateTime now) => RevokedAt ??= now;
}
