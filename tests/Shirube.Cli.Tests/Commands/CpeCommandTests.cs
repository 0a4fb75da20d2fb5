using System.Text.Json.Nodes;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class CpeCommandTests
{
    [Fact]
    public async Task A_cpe_prints_its_formatted_string_uri_wfn_and_unquoted_attributes()
    {
        var run = await CliRunner.RunAsync("cpe", "parse", "cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~");

        Assert.Equal(0, run.ExitCode);
        var line = run.Json();
        Assert.Equal("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*", (string?)line["formatted"]);
        Assert.Equal("cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~", (string?)line["uri"]);
        Assert.StartsWith("""wfn:[part="a",vendor="hp",product="insight_diagnostics",version="7\.4\.0\.1570",update=NA,""", (string?)line["wfn"], StringComparison.Ordinal);
        Assert.Equal(["part", "vendor", "product", "version", "update", "edition", "language", "sw_edition", "target_sw", "target_hw", "other"], CliRun.Keys(line["attributes"]));
        Assert.Equal("win2003", (string?)line["attributes"]!["target_sw"]);
    }

    [Fact]
    public async Task Standard_input_gives_one_line_per_cpe_and_exits_one_for_a_refusal()
    {
        var run = await CliRunner.RunAsync(e => e with { In = new StringReader("cpe:2.3:a:foo\\!bar:baz:*:*:*:*:*:*:*:*\n\ncpe:2.3:a:foo!bar:baz:*:*:*:*:*:*:*:*\n") }, "cpe", "parse");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("foo!bar", (string?)lines[0]["attributes"]!["vendor"]);
        Assert.Equal("cpe:/a:foo%21bar:baz", (string?)lines[0]["uri"]);
        Assert.Equal(["input", "error"], CliRun.Keys(lines[1]));
    }

    [Fact]
    public async Task Compare_says_how_a_source_relates_to_a_target_attribute_by_attribute()
    {
        var run = await CliRunner.RunAsync("cpe", "compare", "cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*", "cpe:/a:microsoft:internet_explorer:8.0.6001:sp2");

        Assert.Equal(0, run.ExitCode);
        var result = run.Json();
        Assert.Equal("superset", (string?)result["relation"]);
        Assert.True((bool)result["matches"]!);
        Assert.Equal("superset", (string?)result["attributes"]!["version"]);
        Assert.Equal("equal", (string?)result["attributes"]!["vendor"]);
    }

    [Fact]
    public async Task Compare_refuses_a_cpe_that_does_not_parse_as_wrong_usage()
    {
        var run = await CliRunner.RunAsync("cpe", "compare", "cpe:2.3:a:acme", "cpe:/a:acme:widget");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The source CPE does not parse", run.Error, StringComparison.Ordinal);
    }
}
