namespace Shirube.Cli;

/// <summary>The exit codes of shirube.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;
    /// <summary>The command ran but failed: the database or the server refused, or could not be reached.</summary>
    public const int Failed = 1;
    /// <summary>The command line was wrong: unknown command or option, or a value that is not valid.</summary>
    public const int Usage = 2;
    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
