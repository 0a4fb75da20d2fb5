using System.Text.Json.Nodes;
using Shirube.Formats.Disclosure.Vex;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Disclosure.Vex;

/// <summary>The OpenVEX schema shipped inside Shirube is the official file, and it accepts the upstream 0.2.0 examples.</summary>
public class VexSchemaFilesTests
{
    [Fact]
    public void OpenVexSchema_Embedded_IsByteIdenticalToItsUpstreamCopy()
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the upstream schema is in the shared corpora (CI sets it).");

        var upstream = File.ReadAllBytes(Path.Combine(CorpusDataAttribute.Corpora!, "openvex/spec/openvex_json_schema.json"));

        Assert.Equal(upstream, OpenVexWriter.SchemaFile());
    }

    [Theory]
    [InlineData("openvex/go-vex/pkg/vex/testdata/v0.2.0.json")]
    [InlineData("openvex/vexctl/examples/openvex/document1.vex.json")]
    [InlineData("openvex/vexctl/examples/openvex/document2.vex.json")]
    [InlineData("openvex/vexctl/examples/openvex/demo.vex.json")]
    public void OpenVexWriter_SchemaErrors_AnUpstreamExample_HasNone(string file)
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the OpenVEX examples are in the shared corpora (CI sets it).");
        var document = JsonNode.Parse(File.ReadAllBytes(Path.Combine(CorpusDataAttribute.Corpora!, file)))!;

        Assert.Empty(OpenVexWriter.SchemaErrors(document));
    }
}
