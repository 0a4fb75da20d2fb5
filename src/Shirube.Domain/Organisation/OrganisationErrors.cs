namespace Shirube.Domain.Organisation;

/// <summary>The refusals of the organisation feature: business units and user accounts.</summary>
public static class OrganisationErrors
{
    private const string Prefix = "Organisation";

    /// <summary>A unit code is 1 to 32 letters, digits, '-' or '_'.</summary>
    public static DomainError UnitCode(string code) => DomainError.Invalid(DomainError.CodeOf(Prefix), "code", code);

    /// <summary>Another business unit has this code.</summary>
    public static DomainError UnitCodeTaken(string code) => DomainError.Conflict(DomainError.CodeOf(Prefix), code);

    /// <summary>There is no business unit with this id.</summary>
    public static DomainError UnitNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>A business unit that still has products cannot be deleted.</summary>
    public static DomainError UnitHasProducts() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>A business unit named in a request does not exist.</summary>
    public static DomainError UnknownUnit(Guid id) => DomainError.Invalid(DomainError.CodeOf(Prefix), "businessUnitIds", id);

    /// <summary>A role named in a request is not one of Shirube's roles.</summary>
    public static DomainError UnknownRole(string role, string expected) => DomainError.Invalid(DomainError.CodeOf(Prefix), "roles", role, expected);

    /// <summary>There is no user account with this id.</summary>
    public static DomainError UserNotFound(string id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>Another account has this username.</summary>
    public static DomainError UserNameTaken(string userName) => DomainError.Conflict(DomainError.CodeOf(Prefix), userName);

    /// <summary>The password does not meet the rules; <paramref name="reasons"/> are the rules it breaks, already in the user's language.</summary>
    public static DomainError PasswordRejected(string reasons) => DomainError.Invalid(DomainError.CodeOf(Prefix), "password", reasons);
}
