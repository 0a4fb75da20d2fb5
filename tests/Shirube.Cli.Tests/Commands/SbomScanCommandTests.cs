using Shirube.Cli.Tests.Support;
using Shirube.Testing;

namespace Shirube.Cli.Tests.Commands;

/// <summary>"shirube sbom scan": offline, on local files, with the contracted JSON and the severity gate.</summary>
public sealed class SbomScanCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shirube-scan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private const string GoBom = """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "components":[{"type":"library","bom-ref":"text","name":"golang.org/x/text","version":"v0.3.7","purl":"pkg:golang/golang.org/x/text@v0.3.7"},
                       {"type":"library","bom-ref":"yaml","name":"gopkg.in/yaml.v3","version":"v3.0.1","purl":"pkg:golang/gopkg.in/yaml.v3@v3.0.1"}]}
        """;

    private const string CriticalRecord = """
        {"schema_version":"1.6.0","id":"GHSA-test-crit-0001","modified":"2025-01-01T00:00:00Z","aliases":["CVE-2025-0001"],
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Go","name":"golang.org/x/text"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.3.9"}]}]}]}
        """;

    [Fact]
    public async Task Scanning_against_the_real_Go_vulndb_finds_the_record_fixed_after_the_version_and_not_those_fixed_at_or_before_it()
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, $"{CorpusDataAttribute.Variable} is not set: the Go vulndb records are read from the shared corpora.");
        var go = Path.Combine(CorpusDataAttribute.Corpora!, "osv-golang-vulndb/data/osv");

        var run = await CliRunner.RunAsync("sbom", "scan", File("bom.json", GoBom), "--osv", go, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["components", "findings"], CliRun.Keys(json));
        Assert.Equal(2, (int)json["components"]!);
        var findings = json["findings"]!.AsArray();
        var ids = findings.Select(f => (string)f!["vulnerability"]!).ToList();
        // Read by hand: GO-2022-1059 (CVE-2022-32149) is fixed in 0.3.8; GO-2021-0113 in 0.3.7 and GO-2020-0015 in 0.3.3.
        Assert.Contains("GO-2022-1059", ids);
        Assert.DoesNotContain("GO-2021-0113", ids);
        Assert.DoesNotContain("GO-2020-0015", ids);
        var finding = findings.Single(f => (string)f!["vulnerability"]! == "GO-2022-1059")!;
        Assert.Equal(["component", "vulnerability", "aliases", "source", "matchedBy"], CliRun.Keys(finding).Take(5));
        Assert.Equal(("golang.org/x/text", "v0.3.7", "pkg:golang/golang.org/x/text@v0.3.7"),
            ((string)finding["component"]!["name"]!, (string)finding["component"]!["version"]!, (string)finding["component"]!["purl"]!));
        Assert.Contains("CVE-2022-32149", finding["aliases"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("osv", (string)finding["source"]!);
        Assert.Contains("0.3.8", (string)finding["matchedBy"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("critical", 1)]
    [InlineData("high", 1)]
    [InlineData(null, 0)]
    public async Task The_gate_fails_with_exit_1_when_a_finding_is_as_severe_as_asked(string? failOn, int exit)
    {
        string[] args = ["sbom", "scan", File("bom.json", GoBom), "--osv", File("crit.json", CriticalRecord), "--format", "json"];
        var run = await CliRunner.RunAsync(failOn is null ? args : [.. args, "--fail-on", failOn]);

        Assert.Equal(exit, run.ExitCode);
        var finding = Assert.Single(run.Json()["findings"]!.AsArray());
        Assert.Equal(("critical", 9.8m), ((string)finding!["severity"]!, (decimal)finding["score"]!));
    }

    [Fact]
    public async Task SARIF_output_names_each_vulnerability_as_a_rule_and_each_finding_as_a_result()
    {
        var run = await CliRunner.RunAsync("sbom", "scan", File("bom.json", GoBom), "--osv", File("crit.json", CriticalRecord), "--format", "sarif");

        Assert.Equal(0, run.ExitCode);
        var sarif = run.Json();
        Assert.Equal("2.1.0", (string)sarif["version"]!);
        var only = sarif["runs"]![0]!;
        Assert.Equal("GHSA-test-crit-0001", (string)only["tool"]!["driver"]!["rules"]![0]!["id"]!);
        var result = only["results"]![0]!;
        Assert.Equal(("GHSA-test-crit-0001", "error"), ((string)result["ruleId"]!, (string)result["level"]!));
    }

    [Fact]
    public async Task A_scan_without_vulnerability_data_is_a_usage_error()
    {
        var run = await CliRunner.RunAsync("sbom", "scan", File("bom.json", GoBom));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--osv", run.Error, StringComparison.Ordinal);
    }
}
