namespace Shirube.Domain.Accounts;

/// <summary>The refusals of the accounts feature: API tokens and passwords.</summary>
public static class AccountErrors
{
    private const string Prefix = "Accounts";

    /// <summary>A token lives <paramref name="min"/> to <paramref name="max"/> days.</summary>
    public static DomainError TokenLifetime(int min, int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "expiresInDays", min, max);

    /// <summary>There is no API token with this id that the actor owns (or, for an administrator, any).</summary>
    public static DomainError TokenNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>The account still has its one-time password: change it in the web UI first.</summary>
    public static DomainError MustChangePasswordFirst() => DomainError.Forbidden(DomainError.CodeOf(Prefix));
}
