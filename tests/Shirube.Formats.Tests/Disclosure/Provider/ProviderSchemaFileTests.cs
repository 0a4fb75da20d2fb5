using Shirube.Formats.Disclosure;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Disclosure.Provider;

/// <summary>The provider metadata schema shipped inside Shirube is the official file, byte for byte.</summary>
public class ProviderSchemaFileTests
{
    [Fact]
    public void EmbeddedProviderSchema_IsByteIdenticalToItsUpstreamCopy()
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the upstream schema is in the shared corpora (CI sets it).");
        using var stream = typeof(CsafValidator).Assembly.GetManifestResourceStream("csaf-schemas/provider_json_schema.json");
        Assert.NotNull(stream);
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);

        var upstream = File.ReadAllBytes(Path.Combine(CorpusDataAttribute.Corpora!, "csaf/csaf_2.0/json_schema/provider_json_schema.json"));

        Assert.Equal(upstream, embedded.ToArray());
    }
}
