using System.Reflection;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests;

public sealed class ShirubeCliTests
{
    [Fact]
    public async Task Version_Flag_PrintsTheInformationalVersion()
    {
        var run = await CliRunner.RunAsync("--version");

        var expected = typeof(ShirubeCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Out.Trim());
        Assert.StartsWith("0.1.0", run.Out.Trim(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Help_Flag_ListsTheDemoCommandGroup()
    {
        var run = await CliRunner.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+demo\s+Load or remove the example portfolio", run.Out);
    }

    [Fact]
    public async Task DemoGroup_WithoutSubcommand_ShowsItsHelp()
    {
        var run = await CliRunner.RunAsync("demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^\s+load\s", run.Out);
        Assert.Matches(@"(?m)^\s+remove\s", run.Out);
        Assert.Matches(@"(?m)^\s+status\s", run.Out);
    }

    [Fact]
    public async Task Parse_UnknownCommand_ExitsWithUsageErrorAndHint()
    {
        var run = await CliRunner.RunAsync("demo", "lod");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(
            ["error: Unrecognized command or argument 'lod'.", "Run 'shirube demo --help' for usage."],
            run.Error.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, run.Out);
    }
}
