using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Shirube.Data.Accounts;
using Shirube.Web.Features.Localization;

namespace Shirube.Web.Features.Accounts;

/// <summary>How a sign-in with a password went.</summary>
internal enum SignInOutcome
{
    /// <summary>Signed in.</summary>
    SignedIn,

    /// <summary>Signed in with the one-time password: the password change comes first.</summary>
    MustChangePassword,

    /// <summary>Locked after repeated failures.</summary>
    LockedOut,

    /// <summary>Wrong username or password.</summary>
    Failed,
}

/// <summary>Signing in and out and changing one's password, for the account pages and the logout endpoint.</summary>
internal sealed class AccountCommands(SignInManager<ShirubeUser> signIn, UserManager<ShirubeUser> users)
{
    /// <summary>Signs in with a password; the language the user chose last becomes the culture cookie.</summary>
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string? userName, string? password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await signIn.PasswordSignInAsync(userName ?? string.Empty, password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return SignInOutcome.LockedOut;
        if (!result.Succeeded)
            return SignInOutcome.Failed;
        var user = await users.FindByNameAsync(userName!);
        if (user is null)
            return SignInOutcome.SignedIn;
        if (LocalizationSetup.Normalise(user.PreferredCulture) is { } culture)
            LocalizationSetup.WriteCultureCookie(http.Response, culture);
        return user.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.SignedIn;
    }

    /// <summary>Signs out.</summary>
    public Task SignOutAsync() => signIn.SignOutAsync();

    /// <summary>
    /// Changes the signed-in user's password and clears the one-time flag; null when the user is gone, else Identity's
    /// result, whose errors are in the user's language (<see cref="LocalizedIdentityErrors"/>).
    /// </summary>
    public async Task<IdentityResult?> ChangePasswordAsync(ClaimsPrincipal principal, string? current, string? replacement)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return null;
        var result = await users.ChangePasswordAsync(user, current ?? string.Empty, replacement ?? string.Empty);
        if (!result.Succeeded)
            return result;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return result;
    }
}
