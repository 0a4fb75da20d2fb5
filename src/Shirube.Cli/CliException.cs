namespace Shirube.Cli;

/// <summary>A failure the user can act on: its message is shown as it is, as one line, without a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failed, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message) : this(message, ExitCodes.Failed)
    {
    }

    public CliException(string message, Exception innerException) : this(message, ExitCodes.Failed, innerException)
    {
    }

    /// <summary>The process exit code to end with.</summary>
    public int ExitCode { get; } = ExitCodes.Failed;
}
