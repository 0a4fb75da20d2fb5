using System.CommandLine;

namespace Shirube.Cli.Output;

/// <summary>How a command prints its result on standard output.</summary>
internal enum OutputFormat
{
    /// <summary>Tables for people (Spectre.Console).</summary>
    Table,
    /// <summary>Sentences for people.</summary>
    Text,
    /// <summary>One indented JSON document (see <see cref="JsonOutput"/>).</summary>
    Json,
    /// <summary>One compact JSON document per line.</summary>
    Jsonl,
    /// <summary>A GitHub-flavoured Markdown table.</summary>
    Md,
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,
    /// <summary>SARIF 2.1.0, for code-scanning tools.</summary>
    Sarif,
}

/// <summary>The one definition of the --format option that every command offers; the first format named is the default.</summary>
internal sealed class FormatOption
{
    private readonly OutputFormat _default;

    public FormatOption(params OutputFormat[] formats)
    {
        ArgumentOutOfRangeException.ThrowIfZero(formats.Length);
        _default = formats[0];
        var names = formats.Select(Name).ToList();
        var offered = names.Count == 1 ? names[0] : string.Join(", ", names.SkipLast(1)) + " or " + names[^1];
        // No DefaultValueFactory: the help would show the enum's name ("Table") rather than the name to type.
        Option = new Option<OutputFormat>("--format")
        {
            Description = $"How to print the result: {offered} (default {names[0]}).",
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                foreach (var format in formats)
                {
                    if (string.Equals(Name(format), text, StringComparison.OrdinalIgnoreCase))
                        return format;
                }
                result.AddError($"--format '{text}' is not offered here; use {offered}.");
                return _default;
            },
        };
        Option.CompletionSources.Add([.. names]);
    }

    public Option<OutputFormat> Option { get; }

    public void AddTo(Command command) => command.Options.Add(Option);

    /// <summary>The format asked for, or the default.</summary>
    public OutputFormat Get(ParseResult parse) => parse.GetResult(Option) is null ? _default : parse.GetValue(Option);

    /// <summary>True when --format json was asked for.</summary>
    public bool IsJson(ParseResult parse) => Get(parse) == OutputFormat.Json;

    /// <summary>The name of a format on the command line: table, text, json, jsonl, md, csv.</summary>
    public static string Name(OutputFormat format) => format switch
    {
        OutputFormat.Table => "table",
        OutputFormat.Text => "text",
        OutputFormat.Json => "json",
        OutputFormat.Jsonl => "jsonl",
        OutputFormat.Md => "md",
        OutputFormat.Csv => "csv",
        OutputFormat.Sarif => "sarif",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
