using System.Text.Json.Nodes;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task Matching_json_at_a_tiny_scale_ends_with_the_figures_line_in_the_contracted_shape()
    {
        var run = await CliRunner.RunAsync("bench", "matching", "--json", "--scale", "0.001");

        Assert.Equal(0, run.ExitCode);
        var last = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var figures = JsonNode.Parse(last)!.AsObject();
        Assert.Equal(["affectedEntries", "records", "components", "scanSeconds", "parseSeconds", "scanToParseRatio", "portfolioSeconds",
            "incrementalMilliseconds", "indexBytes"], CliRun.Keys(figures));
        // 0.001 of 2,000,000 entries over 500,000 records; the SBOM has at least 20 components.
        Assert.Equal((2000, 500, 20), ((int)figures["affectedEntries"]!, (int)figures["records"]!, (int)figures["components"]!));
        // indexBytes is the process's memory growth: in process, beside other tests, a 2,000-entry index is noise.
        Assert.True((double)figures["scanSeconds"]! > 0 && (double)figures["parseSeconds"]! > 0 && (long)figures["indexBytes"]! >= 0);
        Assert.Contains("Generating 500 records with 2,000 affected entries", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matching_without_json_prints_each_figure_against_its_target()
    {
        var run = await CliRunner.RunAsync("bench", "matching", "--scale", "0.001");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Scan ÷ parse", run.Out, StringComparison.Ordinal);
        Assert.Contains("≤ 10 ms", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"Am I affected?\"", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("11")]
    public async Task Matching_refuses_a_scale_out_of_range(string scale)
    {
        var run = await CliRunner.RunAsync("bench", "matching", "--scale", scale);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--scale must be above 0 and at most 10.", run.Error, StringComparison.Ordinal);
    }
}
