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
        Assert.Equal(json.RootElement.GetProperty("packages").GetArrayLength(), sbom.Components.Count);
    }

    [Theory]
    [CorpusData("spdx-ntia-docfest", typeof(SbomCorpus), nameof(SbomCorpus.NtiaRealWorld))]
    public void A_real_world_SPDX_document_imports(SbomFile file)
    {
        var sbom = file.Read();

        Assert.Equal(SbomFormat.Spdx, sbom.Format);
    }
}
