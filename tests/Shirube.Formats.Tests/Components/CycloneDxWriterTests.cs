using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Formats.Components;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Components;

/// <summary>Exports as CycloneDX 1.6 JSON: valid against the 1.6 schema and keeping what was imported.</summary>
public class CycloneDxWriterTests
{
    private static readonly DateTimeOffset At = new(2025, 4, 1, 9, 30, 0, TimeSpan.FromHours(9));

    private static (Sbom Read, JsonNode Json) RoundTrip(Sbom sbom)
    {
        using var output = new MemoryStream();
        CycloneDxWriter.Write(sbom, output, At, Guid.Parse("3e671687-395b-41f5-a30f-a58921a69b79"));
        var bytes = output.ToArray();
        // Reading it back validates it against the embedded CycloneDX 1.6 schema.
        return (SbomReader.Read(new MemoryStream(bytes), "export.cdx.json"), JsonNode.Parse(bytes)!);
    }

    [Theory]
    [CorpusData(".", typeof(SbomCorpus), nameof(SbomCorpus.Importable))]
    public void Every_imported_corpus_SBOM_exports_as_valid_CycloneDX_1_6_with_its_components(SbomFile file)
    {
        var imported = file.Read();

        var (exported, _) = RoundTrip(imported);

        Assert.Equal("1.6", exported.SpecVersion);
        Assert.Equal(imported.Components.Select(c => (c.Ref, c.Name, c.Version, c.Purl, c.Cpe)), exported.Components.Select(c => (c.Ref, c.Name, c.Version, c.Purl, c.Cpe)));
        Assert.Equal(imported.Dependencies.ToHashSet(), exported.Dependencies.ToHashSet());
    }

    [Fact]
    public void An_export_has_the_serial_number_the_timestamp_nesting_and_the_graph()
    {
        var sbom = new Sbom(SbomFormat.Spdx, "2.3")
        {
            Components =
            [
                new SbomComponent("SPDXRef-fw", "firmware") { Type = "FIRMWARE", Version = "2.0" },
                new SbomComponent("SPDXRef-ssl", "openssl")
                {
                    Version = "3.0.1", ParentRef = "SPDXRef-fw", Purl = PackageUrl.Parse("pkg:generic/openssl@3.0.1"),
                    Cpe = Cpe.Parse("cpe:2.3:a:openssl:openssl:3.0.1:*:*:*:*:*:*:*"),
                    Hashes = [new SbomHash("SHA256", new string('a', 64)), new SbomHash("GOST", "00")],
                    Licences = ["Apache-2.0", "Some proprietary terms"],
                },
            ],
            Dependencies = [new SbomDependency("SPDXRef-fw", "SPDXRef-ssl")],
        };

        var (read, json) = RoundTrip(sbom);

        Assert.Equal("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", (string?)json["serialNumber"]);
        Assert.Equal("2025-04-01T00:30:00Z", (string?)json["metadata"]!["timestamp"]);
        var firmware = json["components"]!.AsArray().Single()!;
        Assert.Equal("firmware", (string?)firmware["type"]);
        var openssl = firmware["components"]!.AsArray().Single()!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"alg":"SHA-256","content":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}]"""), openssl["hashes"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"license":{"id":"Apache-2.0"}},{"license":{"name":"Some proprietary terms"}}]"""), openssl["licenses"]));
        Assert.Equal("SPDXRef-fw", read.Components.Single(c => c.Name == "openssl").ParentRef);
        Assert.Equal([new SbomDependency("SPDXRef-fw", "SPDXRef-ssl")], read.Dependencies);
    }
}
