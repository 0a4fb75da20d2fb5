using System.CommandLine;
using Shirube.Cli.Output;
using Shirube.Domain.Packages;

namespace Shirube.Cli.Commands;

/// <summary>"shirube purl parse [purl]": package URLs into their components and canonical form, as JSON lines.</summary>
internal static class PurlCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var purl = new Command("purl", "Package URLs (purl, ECMA-427): components and canonical form.");
        purl.Subcommands.Add(BuildParse(environment));
        return purl;
    }

    private static Command BuildParse(CliEnvironment environment)
    {
        var command = new Command("parse",
            "Parse a package URL, or each line of standard input (blank lines skipped), printing one JSON line per purl "
            + "(--format json: one JSON array of them): {type, namespace, name, version, qualifiers, subpath, canonical} with "
            + "null for an absent part and {} for no qualifiers, or {input, error} for one that does not parse. "
            + "Exit 1 if any did not parse, else 0.");
        var purl = new Argument<string?>("purl")
        {
            Description = "A package URL such as pkg:npm/%40angular/core@17.0.1; without it, one per line of standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var lenient = new Option<bool>("--lenient")
        {
            Description = "Accept qualifier keys in any case and lowercase them, as purls found in the wild have them "
                + "(by default a key must be lowercase, as ECMA-427 5.6.6 asks).",
        };
        var format = new FormatOption(OutputFormat.Jsonl, OutputFormat.Json);
        command.Arguments.Add(purl);
        command.Options.Add(lenient);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, ct) =>
        {
            var isLenient = parse.GetValue(lenient);
            return LineResults.RunAsync(environment, parse.GetValue(purl), format.IsJson(parse), text =>
            {
                var result = ToJson(text, isLenient);
                return (result, result is InvalidJson);
            }, ct);
        }));
        return command;
    }

    private static object ToJson(string text, bool lenient)
    {
        var parsed = lenient ? PackageUrl.TryNormalize(text, out var purl, out var error) : PackageUrl.TryParse(text, out purl, out error);
        if (!parsed)
            return new InvalidJson(text, error!);
        return new ComponentsJson(purl!.Type, purl.Namespace, purl.Name, purl.Version, purl.Qualifiers, purl.Subpath, purl.ToString());
    }

    private sealed record ComponentsJson(string Type, string? Namespace, string Name, string? Version,
        IReadOnlyDictionary<string, string> Qualifiers, string? Subpath, string Canonical);

    private sealed record InvalidJson(string Input, string Error);
}
