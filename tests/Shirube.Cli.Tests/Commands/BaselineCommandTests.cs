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
