using Shirube.Formats.Disclosure;

namespace Shirube.Formats.Tests.Disclosure;

/// <summary>The CSAF and CVSS schemas shipped inside Shirube are the official files, byte for byte.</summary>
public class CsafSchemaFilesTests
{
    [Theory]
    [InlineData("csaf_json_schema.json", "csaf/csaf_2.0/json_schema")]
    [InlineData("cvss-v2.0.json", "csaf/csaf_2.0/referenced_schema/first")]
    [InlineData("cvss-v2.0_strict.json", "csaf/csaf_2.0/referenced_schema/first")]
    [InlineData("cvss-v3.0.json", "csaf/csaf_2.0/referenced_schema/first")]
    [InlineData("cvss-v3.0_strict.json", "csaf/csaf_2.0/referenced_schema/first")]
    [InlineData("cvss-v3.1.json", "csaf/csaf_2.0/referenced_schema/first")]
    [InlineData("cvss-v3.1_strict.json", "csaf/csaf_2.0/referenced_schema/first")]
    public void An_embedded_CSAF_schema_is_byte_identical_to_its_upstream_copy(string name, string folder)
    {
        Assert.SkipWhen(Shirube.Testing.CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the upstream schemas are in the shared corpora (CI sets it).");
        using var stream = typeof(CsafValidator).Assembly.GetManifestResourceStream("csaf-schemas/" + name);
        Assert.NotNull(stream);
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);

        var upstream = File.ReadAllBytes(Path.Combine(Shirube.Testing.CorpusDataAttribute.Corpora!, folder, name));

        Assert.Equal(upstream, embedded.ToArray());
    }
}
