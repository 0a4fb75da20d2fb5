using System.Text.Json.Nodes;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class OscalResolveCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("shirube-cli-resolve-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string relative, string json)
    {
        var path = Path.Combine(_folder.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private const string Catalog = """
        { "catalog": { "uuid": "6498eb6e-8653-4470-8b97-54054d3ba886",
          "metadata": { "title": "Small catalog", "last-modified": "2024-01-01T00:00:00Z", "version": "1", "oscal-version": "1.0.0" },
          "groups": [ { "id": "g", "title": "Group", "controls": [
            { "id": "x-1", "title": "One", "params": [ { "id": "x-1_prm_1", "label": "how often" } ],
              "parts": [ { "id": "x-1_smt", "name": "statement", "prose": "Every {{ insert: param, x-1_prm_1 }}." } ],
              "controls": [ { "id": "x-1.1", "title": "One, enhanced" } ] },
            { "id": "x-2", "title": "Two" } ] } ] } }
        """;

    private static string Profile(string href) => $$"""
        { "profile": { "uuid": "0a281290-eb91-423f-9430-576e8099cae4",
          "metadata": { "title": "Small baseline", "last-modified": "2024-01-01T00:00:00Z", "version": "1", "oscal-version": "1.0.0" },
          "imports": [ { "href": "{{href}}", "include-controls": [ { "with-ids": [ "x-1", "x-1.1" ] } ] } ],
          "merge": { "as-is": true },
          "modify": { "set-parameters": [ { "param-id": "x-1_prm_1", "values": [ "month" ] } ] } } }
        """;

    [Fact]
    public async Task Resolve_SmallProfile_WritesTheCatalogAndSummarisesIt()
    {
        Write("catalogs/small.json", Catalog);
        var profile = Write("profiles/baseline.json", Profile("../catalogs/small.json"));
        var output = Path.Combine(_folder.FullName, "out", "resolved.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var run = await CliRunner.RunAsync("oscal", "resolve", profile, "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Resolved baseline.json: 2 controls, 1 params, written to {output}.", run.Out, StringComparison.Ordinal);
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(output))!["catalog"]!;
        Assert.Equal("Small baseline", (string)catalog["metadata"]!["title"]!);
        var control = catalog["groups"]![0]!["controls"]![0]!;
        Assert.Equal(("x-1", "x-1.1"), ((string)control["id"]!, (string)control["controls"]![0]!["id"]!));
        Assert.Equal("month", (string)control["params"]![0]!["values"]![0]!);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Resolve_as_json_describes_the_catalog_written()
    {
        Write("catalogs/small.json", Catalog);
        var profile = Write("profiles/baseline.json", Profile("../catalogs/small.json"));
        var output = Path.Combine(_folder.FullName, "resolved.json");

        var run = await CliRunner.RunAsync("oscal", "resolve", profile, "-o", output, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var resolved = run.Json();
        Assert.Equal(["profile", "file", "controls", "params", "warnings"], CliRun.Keys(resolved));
        Assert.Equal((profile, output, 2, 1), ((string)resolved["profile"]!, (string)resolved["file"]!, (int)resolved["controls"]!, (int)resolved["params"]!));
        Assert.Empty(resolved["warnings"]!.AsArray());
        var control = JsonNode.Parse(await File.ReadAllTextAsync(output))!["catalog"]!["groups"]![0]!["controls"]![0]!;
        Assert.Equal("x-1.1", (string)control["controls"]![0]!["id"]!);
    }

    [Fact]
    public async Task Resolve_ProfileWithAMissingImport_FailsNamingTheProfileAndTheHref()
    {
        var profile = Write("baseline.json", Profile("catalogs/missing.json"));

        var run = await CliRunner.RunAsync("oscal", "resolve", profile, "-o", Path.Combine(_folder.FullName, "resolved.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("baseline.json, at /profile/imports/0/href: the import \"catalogs/missing.json\" cannot be read", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "resolved.json")));
    }

    [Fact]
    public async Task Resolve_ACatalogInsteadOfAProfile_Fails()
    {
        var catalog = Write("small.json", Catalog);

        var run = await CliRunner.RunAsync("oscal", "resolve", catalog, "-o", Path.Combine(_folder.FullName, "resolved.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("small.json, at /: this is an OSCAL catalog, not a profile", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_NoSuchProfileFile_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("oscal", "resolve", Path.Combine(_folder.FullName, "nothing.json"), "-o", Path.Combine(_folder.FullName, "x.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_NistLowBaseline_GivesNistsControlAndParamCounts()
    {
        var corpora = Environment.GetEnvironmentVariable("SHIRUBE_CORPORA");
        Assert.SkipWhen(string.IsNullOrEmpty(corpora), "SHIRUBE_CORPORA is not set: the NIST SP 800-53 profiles are read from the shared corpora (CI sets it).");
        var profile = Path.Combine(corpora!, "oscal-content", "rev5-2021-06-08", "nist.gov", "SP800-53", "rev5", "json",
            "NIST_SP-800-53_rev5_LOW-baseline_profile.json");
        var output = Path.Combine(_folder.FullName, "low-resolved.json");

        var run = await CliRunner.RunAsync("oscal", "resolve", profile, "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Resolved NIST_SP-800-53_rev5_LOW-baseline_profile.json: 149 controls, 359 params", run.Out, StringComparison.Ordinal);
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(output))!["catalog"]!;
        Assert.Equal(18, catalog["groups"]!.AsArray().Count);
        Assert.Equal("NIST Special Publication 800-53 Revision 5 LOW IMPACT BASELINE", (string)catalog["metadata"]!["title"]!);
    }
}
