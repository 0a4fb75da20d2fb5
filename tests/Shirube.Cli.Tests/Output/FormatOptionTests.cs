using System.CommandLine;
using Shirube.Cli.Tests.Support;
using Spectre.Console;

namespace Shirube.Cli.Tests.Output;

public sealed class FormatOptionTests
{
    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path)
    {
        if (command.Subcommands.Count == 0)
            return [(path, command)];
        return command.Subcommands.SelectMany(sub => Leaves(sub, $"{path} {sub.Name}".Trim()));
    }

    [Fact]
    public void Every_command_offers_json_through_the_format_option()
    {
        var root = ShirubeCli.Build(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));
        var leaves = Leaves(root, string.Empty).ToList();

        Assert.True(leaves.Count >= 12, $"only {leaves.Count} commands found");
        Assert.All(leaves, leaf =>
        {
            Assert.Contains(leaf.Command.Options, o => o.Name == "--format");
            var parse = root.Parse([.. leaf.Path.Split(' '), "--format", "json"]);
            Assert.DoesNotContain(parse.Errors, e => e.Message.Contains("--format", StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("catalog list", "xml", "table or json")]
    [InlineData("catalog validate", "csv", "table or json")]
    [InlineData("catalog matrix", "yaml", "table, md, csv or json")]
    [InlineData("cvss score", "table", "jsonl or json")]
    [InlineData("demo status", "md", "text or json")]
    [InlineData("oscal read", "JSONX", "table or json")]
    public async Task A_format_the_command_does_not_offer_is_refused_as_wrong_usage(string command, string format, string offered)
    {
        var run = await CliRunner.RunAsync([.. command.Split(' '), "--format", format]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"error: --format '{format}' is not offered here; use {offered}.",
            run.Error.ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task The_help_names_the_formats_as_they_are_typed_and_the_default()
    {
        var run = await CliRunner.RunAsync("catalog", "matrix", "--help");

        Assert.Matches(@"--format <table\|md\|csv\|json>\s+How to print the result: table, md, csv or json \(default table\)\.", run.Out);
        Assert.DoesNotContain("[default: Table]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_format_name_is_read_without_regard_to_case()
    {
        var run = await CliRunner.RunAsync("catalog", "list", "--format", "JSON");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Json().AsArray());
    }
}
