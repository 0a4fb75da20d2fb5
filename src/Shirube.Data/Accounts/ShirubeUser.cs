using Microsoft.AspNetCore.Identity;

namespace Shirube.Data.Accounts;

/// <summary>A local account.</summary>
public sealed class ShirubeUser : IdentityUser
{
    /// <summary>Name shown in the UI and the audit log.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"ja" or "en": the language the user chose last; null follows the browser.</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>True for the bootstrap administrator with a generated password, until it is changed.</summary>
    public bool MustChangePassword { get; set; }
}
