using System.Text.Json;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class BaselineCommandTests
{
    [Fact]
    public async Task Recommend_Json_PicksAnAllRounderAndWhatTheMarketsRequire()
    {
        var run = await CliRunner.RunAsync("baseline", "recommend", "--parts", "device,network,platform,management", "--sector", "consumer", "--markets", "JP,EU", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var picks = json.RootElement.GetProperty("picks").EnumerateArray()
            .Select(p => (p.GetProperty("guideline").GetString(), p.GetProperty("role").GetString())).ToList();
        Assert.Equal("allRound", picks[0].Item2);
        Assert.Contains(("eu-cra-annex-i", "mandatory"), picks);
        Assert.Contains(("en-18031", "expected"), picks);
        Assert.Contains(("jc-star-star1", "optional"), picks);
        Assert.DoesNotContain(picks, p => p.Item1 == "uk-psti");
        Assert.All(json.RootElement.GetProperty("picks").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("reason").GetProperty("ja").GetString())));
        Assert.Equal(7, json.RootElement.GetProperty("parts").GetArrayLength());
    }

    [Fact]
    public async Task Recommend_as_json_has_the_documented_shape()
    {
        var run = await CliRunner.RunAsync("baseline", "recommend", "--parts", "device,management", "--markets", "UK", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var document = run.Json();
        Assert.Equal(["parts", "sector", "markets", "picks", "ranking"], CliRun.Keys(document));
        Assert.Equal(["device", "management"], document["parts"]!.AsArray().Select(n => (string)n!));
        Assert.Null(document["sector"]);
        Assert.Equal(["UK"], document["markets"]!.AsArray().Select(n => (string)n!));
        Assert.All(document["picks"]!.AsArray(), p => Assert.Equal(["guideline", "shortName", "role", "groups", "reason"], CliRun.Keys(p)));
        Assert.Contains(document["picks"]!.AsArray(), p => (string)p!["guideline"]! == "uk-psti" && (string)p["reason"]!["ja"]! != (string)p["reason"]!["en"]!);
        Assert.All(document["ranking"]!.AsArray(), r => Assert.Equal(["guideline", "covered", "depth", "requirements"], CliRun.Keys(r)));
    }

    [Fact]
    public async Task Recommend_Table_InJapanese()
    {
        var run = await CliRunner.RunAsync("baseline", "recommend", "--parts", "device", "--markets", "UK", "--lang", "ja");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("UK PSTI", run.Out, StringComparison.Ordinal);
        Assert.Contains("英国で販売する", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_UnknownPart_IsAUsageErrorNamingIt()
    {
        var run = await CliRunner.RunAsync("baseline", "recommend", "--parts", "device,toaster");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'toaster'", run.Error, StringComparison.Ordinal);
    }
}
