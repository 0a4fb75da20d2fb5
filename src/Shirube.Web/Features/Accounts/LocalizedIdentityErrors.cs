using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Shirube.Web.Features.Accounts;

/// <summary>Identity's messages (password rules, taken names) in the user's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string message) => new() { Code = code, Description = message };

    private static string Format(LocalizedString template, object value) => string.Format(CultureInfo.CurrentCulture, template, value);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["Identity.DefaultError"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["Identity.PasswordMismatch"]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Format(L["Identity.PasswordTooShort"], length));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), Format(L["Identity.PasswordRequiresUniqueChars"], uniqueChars));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), L["Identity.PasswordRequiresNonAlphanumeric"]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), L["Identity.PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), L["Identity.PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), L["Identity.PasswordRequiresUpper"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Format(L["Identity.DuplicateUserName"], userName));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), Format(L["Identity.InvalidUserName"], userName ?? string.Empty));
}
