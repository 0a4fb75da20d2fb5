using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Shirube.Cli.Tests.Support;

/// <summary>What one run of shirube printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output parsed as one JSON document: fails when anything else was printed there.</summary>
    public JsonNode Json() => JsonNode.Parse(Out) ?? throw new InvalidOperationException("Standard output is JSON null.");

    /// <summary>The property names of a JSON object, in the order they were written.</summary>
    public static IEnumerable<string> Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key);

    /// <summary>The numbers of the one row of the business units / products table in <see cref="Out"/>.</summary>
    public (int BusinessUnits, int Products) CountRow()
    {
        var rows = Regex.Matches(Out, @"^[^\w\r\n]*(\d+)[^\w\r\n]+(\d+)[^\w\r\n]*$", RegexOptions.Multiline);
        Assert.Single(rows);
        return (int.Parse(rows[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(rows[0].Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Runs shirube in-process with recording consoles.</summary>
internal static class CliRunner
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(e => e, args);

    public static async Task<CliRun> RunAsync(Func<CliEnvironment, CliEnvironment> configure, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = configure(new CliEnvironment(Recording(output), Recording(error))
        {
            // Tests must not depend on the machine's SHIRUBE_TOKEN.
            GetEnvironmentVariable = _ => null,
        });
        var exitCode = await ShirubeCli.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Recording(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // Wide enough that no message wraps, so that each stays on one line as in a log.
        console.Profile.Width = 1000;
        return console;
    }
}
