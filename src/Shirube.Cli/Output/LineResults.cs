namespace Shirube.Cli.Output;

/// <summary>
/// The shape of the commands that read one thing per line (cvss score, purl parse): the argument if there is one, else
/// each non-blank line of standard input, each turned into one JSON result, printed as a JSON line as soon as it is
/// read (so a pipe sees results while input still comes) or, with --format json, as one array at the end.
/// </summary>
internal static class LineResults
{
    /// <summary>Reads, prints and returns the exit code: <see cref="ExitCodes.Failed"/> when any input failed, else <see cref="ExitCodes.Ok"/>.</summary>
    /// <param name="environment">Where input comes from and results go.</param>
    /// <param name="argument">The one input given on the command line, or null to read standard input.</param>
    /// <param name="asArray">Print one indented JSON array at the end rather than JSON lines.</param>
    /// <param name="read">Turns one trimmed input into its result, and says whether it failed.</param>
    /// <param name="ct">Cancels reading standard input.</param>
    public static async Task<int> RunAsync(CliEnvironment environment, string? argument, bool asArray,
        Func<string, (object Result, bool Failed)> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(read);
        var results = new List<object>();
        var failed = 0;
        void Read(string text)
        {
            var (result, fails) = read(text.Trim());
            failed += fails ? 1 : 0;
            if (asArray)
                results.Add(result);
            else
                JsonOutput.WriteLine(environment, result);
        }
        if (argument is not null)
        {
            Read(argument);
        }
        else
        {
            while (await environment.In.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                    Read(line);
            }
        }
        if (asArray)
            JsonOutput.Write(environment, results);
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
