using Shirube.Domain.Accounts;

namespace Shirube.Web.Features.Training;

/// <summary>Who does what in training: the roles that manage it and the roles that read everyone's, and the name shown for a user.</summary>
internal static class TrainingRoster
{
    /// <summary>Manage courses and assignments, and record completions for others.</summary>
    public static readonly string[] Managers = [Roles.Administrator, Roles.PsirtManager];

    /// <summary>See everyone's assignments and completions.</summary>
    public static readonly string[] Readers = [Roles.Administrator, Roles.PsirtManager, Roles.Auditor];

    /// <summary>The name shown for a user: the display name, else the user name.</summary>
    public static string Name(string? displayName, string? userName) => string.IsNullOrWhiteSpace(displayName) ? userName ?? "?" : displayName;
}
