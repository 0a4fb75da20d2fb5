using System.CommandLine;
using Shirube.Cli.Output;
using Shirube.Domain.Versions;

namespace Shirube.Cli.Commands;

/// <summary>"shirube versions compare --ecosystem X": orders pairs of versions as the ecosystem's scheme does.</summary>
internal static class VersionsCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var versions = new Command("versions", "Package versions as each OSV ecosystem orders them.");
        versions.Subcommands.Add(BuildCompare(environment));
        return versions;
    }

    private static Command BuildCompare(CliEnvironment environment)
    {
        var command = new Command("compare",
            "Read lines 'A<TAB>B' from standard input and print one line for each: '<', '=' or '>' as A orders against B "
            + "in the ecosystem, or 'error: <why>' (no tab, or a version the scheme cannot read). "
            + "Exit 0 when every line compared, 1 when a line was an error, 2 when the ecosystem has no known version scheme.");
        var ecosystem = new Option<string>("--ecosystem")
        {
            Description = "The OSV ecosystem name, as OSV writes it (npm, PyPI, Maven, Debian, Red Hat…); a release suffix (Debian:12) is allowed.",
            Required = true,
        };
        command.Options.Add(ecosystem);
        // text is the contract (one line per input line); json gathers the same answers into one array for tools.
        var format = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var name = parse.GetValue(ecosystem);
            if (!VersionSchemes.TryFor(name, out var scheme))
                throw new CliException($"no version scheme known for ecosystem {name} (known: {string.Join(", ", VersionSchemes.Ecosystems.Order(StringComparer.Ordinal))})", ExitCodes.Usage);
            var writer = environment.Out.Profile.Out.Writer;
            var json = format.IsJson(parse);
            var answers = new List<CompareJson>();
            var errors = 0;
            while (await environment.In.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                var result = Compare(scheme, line);
                var failed = result.StartsWith("error:", StringComparison.Ordinal);
                errors += failed ? 1 : 0;
                if (json)
                    answers.Add(new CompareJson(line, failed ? null : result, failed ? result["error: ".Length..] : null));
                else
                    await writer.WriteLineAsync(result.AsMemory(), ct).ConfigureAwait(false);
            }
            if (json)
                JsonOutput.Write(environment, answers);
            return errors == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>One answer with --format json: the input line, and the order or why not.</summary>
    internal sealed record CompareJson(string Input, string? Order, string? Error);

    // One output line per input line, so that a script can pair them; a blank line is an error like any other.
    private static string Compare(VersionScheme scheme, string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
            return "error: no tab between the two versions";
        if (!scheme.TryParse(line[..tab], out var a, out var why) || !scheme.TryParse(line[(tab + 1)..], out var b, out why))
            return $"error: {why}";
        return Math.Sign(a.CompareTo(b)) switch
        {
            < 0 => "<",
            0 => "=",
            _ => ">",
        };
    }
}
