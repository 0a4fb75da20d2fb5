using System.Text.Json;
using Shirube.Domain.Components;
using Shirube.Formats.Components;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Components;

/// <summary>The SBOMs of the shared corpora: what must import does, with every component; what must not is refused.</summary>
public class SbomCorpusTests
{
    [Theory]
    [CorpusData("cyclonedx-spec", typeof(SbomCorpus), nameof(SbomCorpus.CycloneDxValid))]
    public void A_valid_test_BOM_of_the_CycloneDX_specification_imports_with_every_component(SbomFile file)
    {
        var sbom = file.Read();

        Assert.Equal(SbomFormat.CycloneDx, sbom.Format);
        Assert.Equal(SbomCorpus.CountCycloneDxComponents(file.FullPath), sbom.Components.Count);
    }

    [Theory]
    [CorpusData("cyclonedx-spec", typeof(SbomCorpus), nameof(SbomCorpus.CycloneDxInvalid))]
    public void An_invalid_test_BOM_of_the_CycloneDX_specification_is_refused(SbomFile file)
    {
        var e = Assert.Throws<SbomFormatException>(file.Read);

        Assert.Equal(Path.GetFileName(file.Path), e.File);
        Assert.StartsWith("/", e.Path, StringComparison.Ordinal);
    }

    [Theory]
    [CorpusData("cyclonedx-bom-examples", typeof(SbomCorpus), nameof(SbomCorpus.BomExamples))]
    public void A_CycloneDX_example_BOM_imports_with_every_component(SbomFile file)
    {
        var sbom = file.Read();

        Assert.Equal(SbomFormat.CycloneDx, sbom.Format);
        Assert.Equal(SbomCorpus.CountCycloneDxComponents(file.FullPath), sbom.Components.Count);
    }

    [Theory]
    [CorpusData("spdx-examples", typeof(SbomCorpus), nameof(SbomCorpus.SpdxExamples))]
    public void An_SPDX_example_imports(SbomFile file)
    {
        var sbom = file.Read();

        Assert.Equal(SbomFormat.Spdx, sbom.Format);
    }

    [Theory]
    [CorpusData("spdx-ntia-docfest", typeof(SbomCorpus), nameof(SbomCorpus.OpenEmbedded))]
    public void A_Yocto_create_spdx_document_imports_with_every_package(SbomFile file)
    {
        var sbom = file.Read();

        using var json = JsonDocument.Parse(File.ReadAllBytes(file.FullPath));
        // The runtime-* documents only relate packages of other documents: they have no packages of their own.
        var packages = json.RootElement.TryGetProperty("packages", out var list) ? list.GetArrayLength() : 0;
        Assert.Equal(packages, sbom.Components.Count);
        Assert.Equal("2.2", sbom.SpecVersion);
    }

    [Theory]
    [CorpusData("spdx-ntia-docfest", typeof(SbomCorpus), nameof(SbomCorpus.NtiaRealWorld))]
    public void A_real_world_SPDX_document_imports(SbomFile file)
    {
        var sbom = file.Read();

        Assert.Equal(SbomFormat.Spdx, sbom.Format);
    }

    [Theory]
    [CorpusData("spdx-ntia-docfest", typeof(SbomCorpus), nameof(SbomCorpus.NtiaRefusedFiles))]
    public void A_real_world_SPDX_document_outside_the_specification_is_refused_for_its_reason(SbomFile file)
    {
        var e = Assert.Throws<SbomFormatException>(file.Read);

        Assert.Contains(SbomCorpus.NtiaRefused[Path.GetFileName(file.Path)], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Yocto_recipe_of_time_has_the_CPE_read_by_hand_and_no_purl()
    {
        var file = new SbomFile(Corpus("spdx-ntia-docfest"), Path.Combine("tests", "doc_fest", "OpenEmbedded", "recipe-time.spdx.json"));

        var sbom = file.Read();

        // Read by hand: one package, "time" 1.9, with one external reference of type
        // http://spdx.org/rdf/references/cpe23Type (cpe:2.3:a:*:time:1.9:*:*:*:*:*:*:*) and no purl.
        var time = Assert.Single(sbom.Components);
        Assert.Equal(("time", "1.9"), (time.Name, time.Version));
        Assert.Equal("cpe:2.3:a:*:time:1.9:*:*:*:*:*:*:*", time.Cpe?.ToString());
        Assert.Null(time.Purl);
        Assert.Equal(("2.2", 1, 0), (sbom.SpecVersion, sbom.Components.Count(c => c.Cpe is not null), sbom.Components.Count(c => c.Purl is not null)));
    }

    [Theory]
    [InlineData("SPDXJSONExample-v2.3.spdx.json", "2.3")]
    [InlineData("SPDXJSONExample-v2.2.spdx.json", "2.2")]
    [InlineData("SPDXTagExample-v2.3.spdx", "2.3")]
    [InlineData("SPDXTagExample-v2.2.spdx", "2.2")]
    [InlineData("SPDXJsonLDExample-v3.0.1.json", "3.0.1")]
    public void A_full_SPDX_document_of_the_SPDX_tools_imports_with_every_package(string name, string version)
    {
        var path = Path.Combine(Corpus("spdx-tools-java"), "testResources", name);
        var sbom = new SbomFile(Path.GetDirectoryName(path)!, name).Read();

        Assert.Equal((SbomFormat.Spdx, version), (sbom.Format, sbom.SpecVersion));
        var text = File.ReadAllText(path);
        // Packages counted in the text itself: "PackageName:" lines, JSON "packages" items, SPDX 3 software_Package elements.
        var expected = name.EndsWith(".spdx", StringComparison.Ordinal) ? text.Split('\n').Count(l => l.StartsWith("PackageName:", StringComparison.Ordinal))
            : version == "3.0.1" ? JsonDocument.Parse(text).RootElement.GetProperty("@graph").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "software_Package")
            : JsonDocument.Parse(text).RootElement.GetProperty("packages").GetArrayLength();
        Assert.Equal(expected, sbom.Components.Count);
        Assert.True(sbom.Components.Count > 0);
    }

    [Theory]
    [InlineData("BadJSON.spdx.json")]
    [InlineData("SPDXWrongVersion.spdx.json")]
    [InlineData("SPDXJSONExample-wrongversion.spdx.json")]
    public void A_broken_or_wrong_version_SPDX_document_of_the_SPDX_tools_is_refused(string name)
    {
        var folder = Path.Combine(Corpus("spdx-tools-java"), "testResources");

        var e = Assert.Throws<SbomFormatException>(new SbomFile(folder, name).Read);

        Assert.Equal(name, e.File);
    }

    [Theory]
    [CorpusData("firmware-and-embedded", typeof(SbomCorpus), nameof(SbomCorpus.CveBinTool))]
    public void A_cve_bin_tool_SBOM_imports(SbomFile file)
    {
        var sbom = file.Read();

        Assert.NotEmpty(sbom.Components);
    }

    [Theory]
    [InlineData("cyclonedx_bad_purl.json", 1, 1)]
    [InlineData("cyclonedx_bad_cpe23.json", 0, 1)]
    [InlineData("cyclonedx_bad_cpe22.json", 0, 1)]
    public void A_bad_purl_or_CPE_drops_the_identifier_and_keeps_the_component(string name, int withPurl, int withCpe)
    {
        var sbom = new SbomFile(Path.Combine(Corpus("firmware-and-embedded"), "cve-bin-tool", "test", "sbom"), name).Read();

        // Read by hand: five components (the product, libjpeg-novendor, libexpat, ncurses-noversion, zlib); only
        // zlib's CPE (cpe:/a:zlib:zlib:1.2.3) is valid; of the purls only pkg:deb//libjpeg@8b parses (empty
        // namespace segments are dropped), libexpat's has no name and ncurses' an empty version.
        Assert.Equal(["CVEBINTOOL-product_1-0-0-66_all-deb", "libjpeg-novendor", "libexpat", "ncurses-noversion", "zlib"], sbom.Components.Select(c => c.Name));
        Assert.Equal((withPurl, withCpe), (sbom.Components.Count(c => c.Purl is not null), sbom.Components.Count(c => c.Cpe is not null)));
        Assert.Equal("cpe:2.3:a:zlib:zlib:1.2.3:*:*:*:*:*:*:*", sbom.Components.Single(c => c.Name == "zlib").Cpe?.ToString());
    }

    [Theory]
    [InlineData("spdx_test.spdx.yaml", "SPDX YAML is not read")]
    [InlineData("spdx_test.spdx.yml", "SPDX YAML is not read")]
    [InlineData("spdx_test.spdx.rdf", "SPDX RDF/XML and SPDX XML are not read")]
    [InlineData("spdx_test.spdx.xml", "SPDX RDF/XML and SPDX XML are not read")]
    [InlineData("swid_test.xml", "a SWID tag, not an SBOM")]
    public void An_SBOM_encoding_Shirube_does_not_read_is_refused_saying_so(string name, string reason)
    {
        var folder = Path.Combine(Corpus("firmware-and-embedded"), "cve-bin-tool", "test", "sbom");

        var e = Assert.Throws<SbomFormatException>(new SbomFile(folder, name).Read);

        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    private static string Corpus(string folder)
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the SBOMs are read from the shared corpora (CI sets it).");
        return Path.Combine(CorpusDataAttribute.Corpora!, folder);
    }
}
