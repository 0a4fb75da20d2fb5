using Shirube.Formats.Components;

namespace Shirube.Formats.Tests.Components;

/// <summary>The schemas shipped inside Shirube are the official files, byte for byte.</summary>
public class SbomSchemaFilesTests
{
    [Theory]
    [InlineData("bom-1.2.schema.json", "cyclonedx-spec/schema")]
    [InlineData("bom-1.3.schema.json", "cyclonedx-spec/schema")]
    [InlineData("bom-1.4.schema.json", "cyclonedx-spec/schema")]
    [InlineData("bom-1.5.schema.json", "cyclonedx-spec/schema")]
    [InlineData("bom-1.6.schema.json", "cyclonedx-spec/schema")]
    [InlineData("spdx.schema.json", "cyclonedx-spec/schema")]
    [InlineData("jsf-0.82.schema.json", "cyclonedx-spec/schema")]
    [InlineData("spdx-schema-v2.2.json", "spdx-tools-java/resources")]
    [InlineData("spdx-schema-v2.3.json", "spdx-tools-java/resources")]
    [InlineData("spdx-schema-v3.0.1.json", "spdx-tools-java/resources")]
    public void An_embedded_schema_is_byte_identical_to_its_upstream_copy(string name, string folder)
    {
        Assert.SkipWhen(Shirube.Testing.CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the upstream schemas are in the shared corpora (CI sets it).");
        using var stream = typeof(SbomReader).Assembly.GetManifestResourceStream("sbom-schemas/" + name);
        Assert.NotNull(stream);
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);

        var upstream = File.ReadAllBytes(Path.Combine(Shirube.Testing.CorpusDataAttribute.Corpora!, folder, name));

        Assert.Equal(upstream, embedded.ToArray());
    }
}
