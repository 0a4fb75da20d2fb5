namespace Shirube.Web.Features.Platform;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}); {Count} migration(s) applied.")]
    public static partial void DatabaseReady(ILogger logger, string provider, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator '{User}' from Bootstrap:AdminUser.")]
    public static partial void AdministratorFromSettings(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator '{User}' with a one-time password (printed on the console).")]
    public static partial void AdministratorWithOneTimePassword(ILogger logger, string user);
}
