using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class SbomCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shirube-sbom-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    // Read by hand: three components (one nested), two with a purl (one invalid purl dropped), one with a CPE.
    private const string Bom = """
        {
          "bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
          "components": [
            { "type": "library", "bom-ref": "a", "name": "busybox", "version": "1.36.1", "purl": "pkg:generic/busybox@1.36.1",
              "cpe": "cpe:2.3:a:busybox:busybox:1.36.1:*:*:*:*:*:*:*",
              "components": [ { "type": "library", "name": "libbb", "purl": "pkg:generic/libbb@1" } ] },
            { "type": "firmware", "bom-ref": "b", "name": "blob", "purl": "not a purl" }
          ]
        }
        """;

    [Fact]
    public async Task Inspect_as_JSON_prints_exactly_the_contracted_counts()
    {
        var run = await CliRunner.RunAsync("sbom", "inspect", File("bom.json", Bom), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["format", "specVersion", "components", "withPurl", "withCpe"], CliRun.Keys(run.Json()));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse("""{"format":"cyclonedx","specVersion":"1.4","components":3,"withPurl":2,"withCpe":1}"""), run.Json()));
    }

    [Fact]
    public async Task Inspect_as_a_table_shows_the_counts_and_the_types()
    {
        var run = await CliRunner.RunAsync("sbom", "inspect", File("bom.json", Bom));

        Assert.Equal(0, run.ExitCode);
        var counts = run.Counts();
        Assert.Equal((3, 2, 1), (counts["Components"], counts["With purl"], counts["With CPE"]));
        Assert.Equal((2, 1), (counts["type library"], counts["type firmware"]));
    }

    [Fact]
    public async Task Inspect_of_an_SPDX_tag_value_file_says_spdx()
    {
        var path = File("doc.spdx", "SPDXVersion: SPDX-2.2\nSPDXID: SPDXRef-DOCUMENT\nPackageName: zlib\nSPDXID: SPDXRef-zlib\nExternalRef: PACKAGE-MANAGER purl pkg:generic/zlib@1.3\n");

        var run = await CliRunner.RunAsync("sbom", "inspect", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse("""{"format":"spdx","specVersion":"2.2","components":1,"withPurl":1,"withCpe":0}"""), run.Json()));
    }

    [Fact]
    public async Task Inspect_of_an_invalid_SBOM_fails_with_the_readers_message()
    {
        var run = await CliRunner.RunAsync("sbom", "inspect", File("bad.json", """{"bomFormat":"CycloneDX","specVersion":"1.6","components":5}"""), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("bad.json, at /components: does not match the CycloneDX 1.6 schema", run.Error, StringComparison.Ordinal);
    }
}
