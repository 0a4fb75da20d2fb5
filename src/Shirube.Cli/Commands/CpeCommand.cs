using System.CommandLine;
using Shirube.Cli.Output;
using Shirube.Domain.Packages;

namespace Shirube.Cli.Commands;

/// <summary>"shirube cpe parse [cpe]" and "shirube cpe compare source target": CPE names read, bound and matched.</summary>
internal static class CpeCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var cpe = new Command("cpe", "CPE names (2.3 formatted strings and 2.2 URIs): bindings and NIST IR 7696 matching.");
        cpe.Subcommands.Add(BuildParse(environment));
        cpe.Subcommands.Add(BuildCompare(environment));
        return cpe;
    }

    private static Command BuildParse(CliEnvironment environment)
    {
        var command = new Command("parse",
            "Read a CPE, or each line of standard input (blank lines skipped), printing one JSON line per CPE "
            + "(--format json: one JSON array of them): {formatted, uri, wfn, attributes} with the eleven attribute values "
            + "unquoted ('*' ANY, '-' NA), or {input, error} for one that does not parse. Exit 1 if any did not parse, else 0.");
        var text = new Argument<string?>("cpe")
        {
            Description = "A CPE such as cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:* or cpe:/a:openssl:openssl:1.0.2k; without it, one per line of standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new FormatOption(OutputFormat.Jsonl, OutputFormat.Json);
        command.Arguments.Add(text);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, ct) =>
            LineResults.RunAsync(environment, parse.GetValue(text), format.IsJson(parse), line =>
            {
                if (!Cpe.TryParse(line, out var cpe, out var error))
                    return (new InvalidJson(line, error), true);
                var attributes = Cpe.Attributes.Zip(cpe.Values).ToDictionary(a => a.First, a => a.Second, StringComparer.Ordinal);
                return (new CpeJson(cpe.ToString(), cpe.ToUri(), cpe.ToWfn(), attributes), false);
            }, ct)));
        return command;
    }

    private static Command BuildCompare(CliEnvironment environment)
    {
        var command = new Command("compare",
            "Relate a source CPE (say a vulnerable platform) to a target (say a component's CPE) as NIST IR 7696 does, printing "
            + "{source, target, relation, matches, attributes}: relation equal, superset, subset, disjoint or undefined; "
            + "matches is true when the source is a superset of the target or equal to it.");
        var source = new Argument<string>("source") { Description = "The source CPE; its '*' and '?' wildcards match." };
        var target = new Argument<string>("target") { Description = "The target CPE." };
        var format = new FormatOption(OutputFormat.Json);
        command.Arguments.Add(source);
        command.Arguments.Add(target);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            var from = Read(parse.GetValue(source)!, "source");
            var to = Read(parse.GetValue(target)!, "target");
            var relation = Cpe.Compare(from, to);
            var attributes = Cpe.CompareAttributes(from, to).ToDictionary(r => r.Attribute, r => Name(r.Relation), StringComparer.Ordinal);
            JsonOutput.Write(environment, new CompareJson(from.ToString(), to.ToString(), Name(relation), from.Matches(to), attributes));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Cpe Read(string text, string which) =>
        Cpe.TryParse(text, out var cpe, out var error) ? cpe : throw new CliException($"The {which} CPE does not parse: {error}", ExitCodes.Usage);

    private static string Name(CpeRelation relation) => relation.ToString().ToLowerInvariant();

    private sealed record CpeJson(string Formatted, string Uri, string Wfn, IReadOnlyDictionary<string, string> Attributes);

    private sealed record CompareJson(string Source, string Target, string Relation, bool Matches, IReadOnlyDictionary<string, string> Attributes);

    private sealed record InvalidJson(string Input, string Error);
}
