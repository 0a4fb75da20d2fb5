using System.Globalization;
using Spectre.Console;

namespace Shirube.Cli;

/// <summary>What the commands write to and reach out through; tests replace the consoles and the HTTP handler.</summary>
/// <param name="Out">Where results go (standard output).</param>
/// <param name="Error">Where errors and warnings go (standard error).</param>
internal sealed record CliEnvironment(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>Makes the handler for calls to a server; null uses the default one.</summary>
    public Func<HttpMessageHandler>? HttpHandlerFactory { get; init; }

    /// <summary>Reads an environment variable (SHIRUBE_TOKEN).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Where commands that read lines take them from (standard input); tests replace it.</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>The clock (the last-modified time of written documents); tests fix it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long a call to a server may take.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether Ctrl+C cancels the running command (the real process), rather than being left alone (tests).</summary>
    public bool HandleCtrlC { get; init; }

    /// <summary>Writes one line "error: …" to <see cref="Error"/>; the message is not markup.</summary>
    public void WriteError(string message) =>
        Error.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]error:[/] {OneLine(message)}");

    /// <summary>Writes one line "warning: …" to <see cref="Error"/>; the message is not markup.</summary>
    public void WriteWarning(string message) =>
        Error.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]warning:[/] {OneLine(message)}");

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
