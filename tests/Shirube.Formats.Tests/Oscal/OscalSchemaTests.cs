using System.Text.Json.Nodes;

namespace Shirube.Formats.Tests.Oscal;

/// <summary>The schema as the tests load it (see <see cref="OscalTestData"/>) still accepts and refuses what OSCAL does.</summary>
public class OscalSchemaTests
{
    private const string Minimal = """
        {
          "catalog": {
            "uuid": "e70e5b38-48ea-5bcc-b62e-dc48a4226d41",
            "metadata": { "title": "t", "last-modified": "2025-04-01T00:30:00Z", "version": "1", "oscal-version": "1.0.6" },
            "controls": [ { "id": "要点1", "title": "A Japanese token is a token", "props": [ { "name": "label", "value": "要点1" } ] } ]
          }
        }
        """;

    [Fact]
    public void Schema_Nist80053AsPublished_IsValid()
    {
        var errors = OscalTestData.SchemaErrors(File.ReadAllText(OscalTestData.Nist80053Path()));

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Schema_MinimalCatalog_IsValid()
    {
        Assert.Empty(OscalTestData.SchemaErrors(Minimal));
    }

    public static TheoryData<string, string, string> Invalid() => new()
    {
        { "a control id that is not a token", "\"id\": \"要点1\"", "/catalog/controls/0/id" },
        { "a version 1 UUID", "\"uuid\": \"e70e5b38-48ea-5bcc-b62e-dc48a4226d41\"", "/catalog/uuid" },
        { "the 30th of February", "\"last-modified\": \"2025-04-01T00:30:00Z\"", "/catalog/metadata/last-modified" },
        { "a property value on two lines", "\"value\": \"要点1\"", "/catalog/controls/0/props/0/value" },
        { "an unknown member", "\"title\": \"A Japanese", "/catalog/controls/0/colour" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Schema_InvalidCatalog_IsRefusedAtThePlace(string change, string from, string place)
    {
        var to = change switch
        {
            "a control id that is not a token" => "\"id\": \"5.1-1\"",
            "a version 1 UUID" => "\"uuid\": \"e70e5b38-48ea-1bcc-b62e-dc48a4226d41\"",
            "the 30th of February" => "\"last-modified\": \"2025-02-30T00:30:00Z\"",
            "a property value on two lines" => "\"value\": \"two\\nlines\"",
            _ => "\"colour\": \"red\", \"title\": \"A Japanese",
        };
        var json = Minimal.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, json);
        Assert.NotNull(JsonNode.Parse(json));

        var errors = OscalTestData.SchemaErrors(json);

        Assert.Contains(errors, e => e.StartsWith(place + ":", StringComparison.Ordinal));
    }
}
