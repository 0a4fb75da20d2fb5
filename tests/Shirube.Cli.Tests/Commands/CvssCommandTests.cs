using System.Text.Json.Nodes;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class CvssCommandTests
{
    private static Task<CliRun> ScoreStdinAsync(string input) =>
        CliRunner.RunAsync(e => e with { In = new StringReader(input) }, "cvss", "score");

    private static string[] Lines(CliRun run) => run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Score_AV31VectorArgument_PrintsOneJsonLineWithBaseScoreAndSeverity()
    {
        var run = await CliRunner.RunAsync("cvss", "score", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","version":"3.1","baseScore":9.8,"baseSeverity":"Critical"}""", Assert.Single(Lines(run)));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Score_WholeNumberScores_PrintWithOneDecimal()
    {
        var run = await CliRunner.RunAsync("cvss", "score", "(AV:N/AC:L/Au:N/C:P/I:N/A:N/E:H/CDP:N)");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"vector":"AV:N/AC:L/Au:N/C:P/I:N/A:N/E:H/CDP:N","version":"2.0","baseScore":5.0,"baseSeverity":"Medium","temporalScore":5.0,"environmentalScore":5.0}""", Assert.Single(Lines(run)));
    }

    [Fact]
    public async Task Score_StandardInput_ScoresEveryLineSkipsBlankOnesAndFailsForTheInvalidOne()
    {
        var run = await ScoreStdinAsync("""
            AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H

              CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:P  
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U

            """);

        Assert.Equal(1, run.ExitCode);
        var lines = Lines(run).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, lines.Count);

        Assert.Equal(["vector", "version", "baseScore", "baseSeverity", "temporalScore", "environmentalScore"], lines[0].Select(p => p.Key));
        Assert.Equal(7.8m, lines[0]["baseScore"]!.GetValue<decimal>());
        Assert.Equal("High", lines[0]["baseSeverity"]!.GetValue<string>());
        Assert.Equal(6.4m, lines[0]["temporalScore"]!.GetValue<decimal>());
        Assert.Equal(9.2m, lines[0]["environmentalScore"]!.GetValue<decimal>());

        Assert.Equal(["vector", "version", "baseScore", "baseSeverity", "temporalScore"], lines[1].Select(p => p.Key));
        Assert.Equal("3.0", lines[1]["version"]!.GetValue<string>());
        Assert.Equal(6.1m, lines[1]["baseScore"]!.GetValue<decimal>());
        Assert.Equal(5.8m, lines[1]["temporalScore"]!.GetValue<decimal>());

        Assert.Equal(["vector", "error"], lines[2].Select(p => p.Key));
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", lines[2]["vector"]!.GetValue<string>());
        Assert.Equal("CVSS 3.1 vector: mandatory metric missing: A (Availability).", lines[2]["error"]!.GetValue<string>());

        Assert.Equal(["vector", "version", "score", "severity", "nomenclature"], lines[3].Select(p => p.Key));
        Assert.Equal("4.0", lines[3]["version"]!.GetValue<string>());
        Assert.Equal("CVSS-BT", lines[3]["nomenclature"]!.GetValue<string>());
        Assert.Equal("High", lines[3]["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Score_StandardInputOfValidVectors_ExitsZero()
    {
        var run = await ScoreStdinAsync("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n(AV:N/AC:L/Au:N/C:C/I:C/A:C)\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                """{"vector":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","version":"4.0","score":9.3,"severity":"Critical","nomenclature":"CVSS-B"}""",
                """{"vector":"AV:N/AC:L/Au:N/C:C/I:C/A:C","version":"2.0","baseScore":10.0,"baseSeverity":"High"}""",
            ],
            Lines(run));
    }

    [Fact]
    public async Task Score_AnInvalidArgument_PrintsItsErrorAsJsonAndExitsOne()
    {
        var run = await CliRunner.RunAsync("cvss", "score", "CVSS:4.0/AV:N/AV:N");

        Assert.Equal(1, run.ExitCode);
        var line = JsonNode.Parse(Assert.Single(Lines(run)))!.AsObject();
        Assert.Equal("CVSS:4.0/AV:N/AV:N", line["vector"]!.GetValue<string>());
        Assert.Equal("CVSS 4.0 vector: metric AV (Attack Vector) appears more than once.", line["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Score_as_json_prints_one_indented_array_of_the_objects_the_lines_give()
    {
        const string Input = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n\nAV:N/AC:M/Au:N/C:C/I:C/A:P/E:ND/RL:W/RC:ND\nCVSS:3.1/AV:N\n";
        var lines = await ScoreStdinAsync(Input);
        var array = await CliRunner.RunAsync(e => e with { In = new StringReader(Input) }, "cvss", "score", "--format", "json");

        Assert.Equal((1, 1), (lines.ExitCode, array.ExitCode));
        var items = array.Json().AsArray();
        Assert.Equal(3, items.Count);
        Assert.All(Lines(lines).Zip(items), pair => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pair.First), pair.Second), $"{pair.First} differs from {pair.Second}"));
        Assert.Contains("\n  {", array.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Matches(@"""baseScore"": \d+\.\d,", array.Out);
    }

    [Fact]
    public async Task Score_as_json_of_nothing_is_an_empty_array()
    {
        var run = await CliRunner.RunAsync(e => e with { In = new StringReader("") }, "cvss", "score", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Json().AsArray());
    }

    [Fact]
    public async Task Score_EmptyStandardInput_PrintsNothingAndExitsZero()
    {
        var run = await ScoreStdinAsync("\n  \n");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Out);
    }
}
