using System.Text.Json.Nodes;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;

namespace Shirube.Formats.Tests.Oscal;

public class OscalCatalogWriterTests
{
    private const string Ns = OscalCatalogWriter.ShirubeNamespace;

    [Theory]
    [MemberData(nameof(OscalTestData.BundledGuidelines), MemberType = typeof(OscalTestData))]
    public void Write_BundledGuideline_ValidatesAgainstOscal106CatalogSchema(string guidelineId, string language)
    {
        var json = OscalCatalogWriter.Write(OscalTestData.BundledGuideline(guidelineId), language, OscalTestData.LastModified);

        var errors = OscalTestData.SchemaErrors(json);

        Assert.True(errors.Count == 0, $"{guidelineId} ({language}):\n{string.Join('\n', errors)}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Write_GuidelineWithEveryFeature_ValidatesAgainstOscal106CatalogSchema(string language)
    {
        var json = OscalCatalogWriter.Write(OscalTestData.EveryFeature(), language, OscalTestData.LastModified);

        var errors = OscalTestData.SchemaErrors(json);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Write_SameGuidelineTwice_GivesTheSameBytes()
    {
        var guideline = OscalTestData.BundledGuideline("etsi-en-303-645");

        var first = OscalCatalogWriter.Write(guideline, "en", OscalTestData.LastModified);
        var second = OscalCatalogWriter.Write(guideline with { }, "en", OscalTestData.LastModified);

        Assert.Equal(first, second);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnotherTimestamp_ChangesOnlyLastModified()
    {
        var guideline = OscalTestData.BundledGuideline("etsi-en-303-645");

        var before = OscalCatalogWriter.Write(guideline, "ja", OscalTestData.LastModified).Split('\n');
        var after = OscalCatalogWriter.Write(guideline, "ja", OscalTestData.LastModified.AddDays(30)).Split('\n');

        Assert.Equal(before.Length, after.Length);
        var changed = before.Zip(after).Where(x => x.First != x.Second).ToList();
        var line = Assert.Single(changed);
        Assert.Contains("\"last-modified\"", line.First, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("etsi-en-303-645", "en", "e70e5b38-48ea-5bcc-b62e-dc48a4226d41")]
    [InlineData("etsi-en-303-645", "ja", "ce4a0951-725b-55c4-8600-7be3258f649a")]
    public void Write_CatalogUuid_IsVersion5OfGuidelineIdAndLanguage(string guidelineId, string language, string expected)
    {
        // Expected values from Python: uuid5(uuid5(NAMESPACE_URL, "https://shirube.dev/ns/oscal"), "catalog/<id>/<lang>").
        var catalog = Catalog(OscalCatalogWriter.Write(OscalTestData.BundledGuideline(guidelineId), language, OscalTestData.LastModified));

        Assert.Equal(expected, (string?)catalog["uuid"]);
        Assert.Equal(Guid.Parse(expected), OscalCatalogWriter.CatalogUuid(guidelineId, language));
    }

    [Fact]
    public void Write_LastModifiedWithAnOffset_IsWrittenInUtc()
    {
        var metadata = Catalog(OscalCatalogWriter.Write(OscalTestData.EveryFeature(), "en", new DateTimeOffset(2025, 4, 1, 9, 30, 15, TimeSpan.FromHours(9))))["metadata"]!;

        Assert.Equal("2025-04-01T00:30:15Z", (string?)metadata["last-modified"]);
        Assert.Equal("1.0.6", (string?)metadata["oscal-version"]);
    }

    [Fact]
    public void Write_Metadata_HasTitleVersionFactsSourceAndLicence()
    {
        var metadata = Catalog(OscalCatalogWriter.Write(OscalTestData.EveryFeature(), "ja", OscalTestData.LastModified))["metadata"]!;

        Assert.Equal("サンプルガイド", (string?)metadata["title"]);
        Assert.Equal("1.0 (2024-04)", (string?)metadata["version"]);
        var props = Props(metadata);
        Assert.Contains((Ns, "issuer", "Nobody in particular"), props);
        Assert.Contains((Ns, "region", "JP"), props);
        Assert.Contains((Ns, "kind", "sector"), props);
        Assert.Contains((Ns, "year", "2024"), props);
        Assert.Contains((Ns, "verified", "false"), props);
        Assert.Equal(["M", "R", "M C"], props.Where(p => p.Name == "levels").Select(p => p.Value));
        var link = Assert.Single(metadata["links"]!.AsArray());
        Assert.Equal("https://example.org/guide", (string?)link!["href"]);
        Assert.Contains("CC0-1.0", (string?)metadata["remarks"], StringComparison.Ordinal);
        Assert.Contains("Identifiers only.", (string?)metadata["remarks"], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_GuidelineWithoutVersion_UsesItsYear()
    {
        var metadata = Catalog(OscalCatalogWriter.Write(OscalTestData.EveryFeature() with { Version = null }, "en", OscalTestData.LastModified))["metadata"]!;

        Assert.Equal("2024", (string?)metadata["version"]);
    }

    [Theory]
    [InlineData("5.1-1", "_5.1-1")]
    [InlineData("要点1", "要点1")]
    [InlineData("CLP13-5.1", "CLP13-5.1")]
    [InlineData("I(2)(a)", "I_2_a")]
    [InlineData("V1.1.1", "V1.1.1")]
    [InlineData("CSC 1", "CSC_1")]
    [InlineData("7.2.2.2(a)", "_7.2.2.2_a")]
    [InlineData("ac-2.1", "ac-2.1")]
    public void Write_RequirementId_BecomesADeterministicTokenAndKeepsTheOriginalAsLabel(string id, string token)
    {
        var guideline = Single(id);

        var control = Assert.Single(Catalog(OscalCatalogWriter.Write(guideline, "en", OscalTestData.LastModified))["controls"]!.AsArray())!;

        Assert.Equal(token, (string?)control["id"]);
        Assert.Contains((null, "label", id), Props(control));
    }

    [Fact]
    public void Write_GroupWithTheSameIdAsARequirement_GetsADistinctToken()
    {
        var catalog = Catalog(OscalCatalogWriter.Write(OscalTestData.EveryFeature(), "en", OscalTestData.LastModified));

        var group = Groups(catalog).Single(g => Props(g).Contains((null, "label", "V.C")));
        var control = Controls(catalog).Single(c => Props(c).Contains((null, "label", "V.C")));

        Assert.Equal("V.C", (string?)control["id"]);
        Assert.Equal("V.C-2", (string?)group["id"]);
        var ids = Groups(catalog).Concat(Controls(catalog)).Select(x => (string?)x["id"]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Write_Enhancements_NestUnderTheirParentControl()
    {
        var catalog = Catalog(OscalCatalogWriter.Write(OscalTestData.EveryFeature(), "en", OscalTestData.LastModified));

        var section = Groups(catalog).Single(g => Props(g).Contains((null, "label", "5.1")));
        var parent = Assert.Single(section["controls"]!.AsArray())!;
        var child = Assert.Single(parent["controls"]!.AsArray())!;
        var grandchild = Assert.Single(child["controls"]!.AsArray())!;

        Assert.Equal(["5.1-1", "5.1-1(a)", "5.1-1(a)(i)"], new[] { parent, child, grandchild }.Select(c => Props(c).Single(p => p.Name == "label").Value));
    }

    [Fact]
    public void Write_RequirementTagsAndSummary_AreShirubeNamespacePropsAndAStatement()
    {
        var catalog = Catalog(OscalCatalogWriter.Write(OscalTestData.EveryFeature(), "ja", OscalTestData.LastModified));
        var control = Controls(catalog).Single(c => (string?)c["id"] == "_5.1-1");

        Assert.Equal("初期パスワードを使わない", (string?)control["title"]);
        var props = Props(control);
        Assert.Contains((Ns, "level", "M"), props);
        Assert.Equal(["device", "network-local"], props.Where(p => p.Ns == Ns && p.Name == "iot-part").Select(p => p.Value));
        Assert.Equal(["design", "build"], props.Where(p => p.Ns == Ns && p.Name == "phase").Select(p => p.Value));
        Assert.Equal(["no-default-passwords", "authentication"], props.Where(p => p.Ns == Ns && p.Name == "common-control").Select(p => p.Value));
        Assert.DoesNotContain(props, p => p.Name == "verified");
        var statement = Assert.Single(control["parts"]!.AsArray())!;
        Assert.Equal("statement", (string?)statement["name"]);
        Assert.Equal("パスワードは機器ごとに固有とする。", (string?)statement["prose"]);
    }

    [Fact]
    public void Write_Parameters_BecomeOscalParamsWithLabelValuesAndSelection()
    {
        var catalog = Catalog(OscalCatalogWriter.Write(OscalTestData.EveryFeature(), "en", OscalTestData.LastModified));
        var parameters = Controls(catalog).Single(c => (string?)c["id"] == "_5.1-1")["params"]!.AsArray();

        Assert.Equal(["_5.1-1_prm_1", "_5.1-1_prm_2", "_5.1-1_prm_3"], parameters.Select(p => (string?)p!["id"]));
        Assert.Equal("organization-defined length", (string?)parameters[0]!["label"]);
        Assert.Equal(["12", "sixteen characters"], parameters[0]!["values"]!.AsArray().Select(v => (string?)v));
        Assert.Null(parameters[0]!["select"]);
        Assert.Equal("one-or-more", (string?)parameters[1]!["select"]!["how-many"]);
        Assert.Equal(["unique", "user-defined"], parameters[1]!["select"]!["choice"]!.AsArray().Select(v => (string?)v));
        Assert.Null(parameters[2]!["select"]!["how-many"]);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public void Write_UnknownLanguage_Throws(string language)
    {
        var error = Assert.Throws<ArgumentException>(() => OscalCatalogWriter.Write(OscalTestData.EveryFeature(), language, OscalTestData.LastModified));

        Assert.Equal("language", error.ParamName);
    }

    [Fact]
    public void Write_DuplicateRequirementIds_Throws()
    {
        var g = OscalTestData.EveryFeature();
        var broken = g with { Requirements = [.. g.Requirements, g.Requirements[0]] };

        var error = Assert.Throws<ArgumentException>(() => OscalCatalogWriter.Write(broken, "en", OscalTestData.LastModified));

        Assert.Contains("'5.1-1' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ParentsInACycle_Throws()
    {
        var g = OscalTestData.EveryFeature();
        var broken = g with { Requirements = [.. g.Requirements.Select(r => r.Id == "5.1-1" ? r with { Parent = "5.1-1(a)(i)" } : r)] };

        var error = Assert.Throws<ArgumentException>(() => OscalCatalogWriter.Write(broken, "en", OscalTestData.LastModified));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    private static Guideline Single(string id)
    {
        var g = OscalTestData.EveryFeature();
        return g with { Groups = [], Requirements = [g.Requirements[0] with { Id = id, Group = null, Parameters = [] }], ExpectedCount = 1 };
    }

    private static JsonNode Catalog(string json) => JsonNode.Parse(json)!["catalog"]!;

    private static List<(string? Ns, string? Name, string? Value)> Props(JsonNode owner) =>
        [.. (owner["props"]?.AsArray() ?? []).Select(p => ((string?)p!["ns"], (string?)p["name"], (string?)p["value"]))];

    private static IEnumerable<JsonNode> Groups(JsonNode owner) =>
        (owner["groups"]?.AsArray() ?? []).SelectMany(g => Groups(g!).Prepend(g!));

    private static IEnumerable<JsonNode> Controls(JsonNode owner) =>
        (owner["controls"]?.AsArray() ?? []).SelectMany(c => Controls(c!).Prepend(c!))
            .Concat((owner["groups"]?.AsArray() ?? []).SelectMany(g => Controls(g!)));
}
