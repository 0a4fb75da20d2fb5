using System.Text;
using System.Text.Json.Nodes;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports;
using Shirube.Formats.Oscal;
using Shirube.Formats.Tests.Oscal;

namespace Shirube.Formats.Tests.Exports;

public class OscalProfileWriterTests
{
    private const string Ns = OscalCatalogWriter.ShirubeNamespace;

    private static Catalog Catalog => OscalTestData.Bundled.Value;

    private static JsonObject Profile(string lang, BaselineDocument? doc = null) =>
        JsonNode.Parse(OscalProfileWriter.Write(doc ?? BaselineTestData.WithAssessment(), lang, BaselineTestData.Now, Catalog))!["profile"]!.AsObject();

    private static IEnumerable<JsonObject> Objects(JsonNode? array) => array?.AsArray().Select(n => n!.AsObject()) ?? [];

    private static string S(JsonNode? node) => node!.GetValue<string>();

    /// <summary>Every control of a catalog, nested ones included.</summary>
    private static IEnumerable<JsonObject> Controls(JsonObject container) =>
        Objects(container["controls"]).SelectMany(c => Controls(c).Prepend(c))
            .Concat(Objects(container["groups"]).SelectMany(Controls));

    private static string? Label(JsonObject control) => Objects(control["props"]).FirstOrDefault(p => S(p["name"]) == "label" && p["ns"] is null)?["value"]?.GetValue<string>();

    private static JsonObject Resource(JsonObject profile, string href) =>
        Objects(profile["back-matter"]!["resources"]).Single(r => "#" + S(r["uuid"]) == href);

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Write_AssessedBaseline_ValidatesAgainstOscal106ProfileSchema(string lang)
    {
        var json = OscalProfileWriter.Write(BaselineTestData.WithAssessment(), lang, BaselineTestData.Now, Catalog);

        var errors = ExportTestSchemas.ProfileErrors(json);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory]
    [InlineData("an unknown merge directive", "\"as-is\": true", "\"as-is\": true, \"shuffle\": true", "/profile/merge")]
    [InlineData("an add at no known position", "\"position\": \"ending\"", "\"position\": \"middle\"", "/profile/modify/alters/0/adds/0/position")]
    [InlineData("a with-id that is not a token", "\"OWN-1\"", "\"OWN 1\"", "/profile/imports/2/include-controls/0/with-ids/0")]
    public void Schema_BrokenProfile_IsRefusedAtThePlace(string change, string from, string to, string place)
    {
        var json = OscalProfileWriter.Write(BaselineTestData.WithAssessment(), "en", BaselineTestData.Now, Catalog);
        var broken = json.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(json, broken);

        // anyOf branches report noise at deeper places: look at every error, not the deepest ten.
        var errors = ExportTestSchemas.ProfileErrors(broken, int.MaxValue);

        Assert.True(errors.Any(e => e.StartsWith(place, StringComparison.Ordinal)), $"{change}:\n{string.Join('\n', errors.Where(e => !e.Contains("/props/", StringComparison.Ordinal)).Take(10))}");
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void OwnCatalog_ValidatesAgainstOscal106CatalogSchema(string lang)
    {
        var json = OscalProfileWriter.OwnCatalog(BaselineTestData.WithAssessment(), lang, BaselineTestData.Now)!;

        var errors = OscalTestData.SchemaErrors(json);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Write_IncludedControlIds_ResolveInTheCatalogsOscalCatalogWriterExportsToTheIncludedRequirements(string lang)
    {
        var doc = BaselineTestData.WithAssessment();
        var profile = Profile(lang, doc);
        var resolved = new List<string>();

        foreach (var import in Objects(profile["imports"]))
        {
            var resource = Resource(profile, S(import["href"]));
            JsonObject catalog;
            string guidelineId;
            if (resource["rlinks"] is { } rlinks)
            {
                var href = S(rlinks[0]!["href"]);
                guidelineId = href[..href.IndexOf('.', StringComparison.Ordinal)];
                Assert.Equal(OscalProfileWriter.CatalogFileName(guidelineId, lang), href);
                Assert.Equal(OscalProfileWriter.CatalogMediaType, S(rlinks[0]!["media-type"]));
                catalog = JsonNode.Parse(OscalCatalogWriter.Write(OscalTestData.BundledGuideline(guidelineId), lang, BaselineTestData.Now))!["catalog"]!.AsObject();
            }
            else
            {
                guidelineId = "own";
                Assert.Equal("application/oscal.catalog+json", S(resource["base64"]!["media-type"]));
                catalog = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(S(resource["base64"]!["value"]))))!["catalog"]!.AsObject();
            }
            var byId = Controls(catalog).ToDictionary(c => S(c["id"]));
            foreach (var id in import["include-controls"]![0]!["with-ids"]!.AsArray().Select(S))
            {
                Assert.True(byId.TryGetValue(id, out var control), $"{guidelineId}: control '{id}' is not in the catalog export");
                resolved.Add($"{(guidelineId == "own" ? "own" : guidelineId)}/{Label(control!)}");
            }
        }

        Assert.Equal(doc.Lines.Where(l => !l.Excluded).Select(l => l.Key).Order(StringComparer.Ordinal), resolved.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_Imports_PointToDeterministicBackMatterResources()
    {
        var profile = Profile("ja");

        var hrefs = Objects(profile["imports"]).Select(i => S(i["href"])).ToList();

        Assert.Equal(3, hrefs.Count);
        Assert.Equal("#" + OscalProfileWriter.CatalogResourceUuid("etsi-en-303-645", "ja").ToString("D"), hrefs[0]);
        Assert.Equal("#" + OscalProfileWriter.CatalogResourceUuid("jc-star-star1", "ja").ToString("D"), hrefs[1]);
        Assert.Equal(hrefs.Count, Objects(profile["back-matter"]!["resources"]).Count());
        Assert.True(profile["merge"]!["as-is"]!.GetValue<bool>());
    }

    [Fact]
    public void Write_ExcludedLine_IsNotSelected()
    {
        var excludedId = OscalCatalogWriter.ControlIds(BaselineTestData.Etsi)["5.13-1"];

        var profile = Profile("en");

        var etsi = Objects(profile["imports"]).First();
        Assert.DoesNotContain(excludedId, etsi["include-controls"]![0]!["with-ids"]!.AsArray().Select(S));
        Assert.DoesNotContain(Objects(profile["modify"]!["alters"]), a => S(a["control-id"]) == excludedId);
        Assert.Null(etsi["include-controls"]![0]!["with-child-controls"]);
    }

    [Fact]
    public void Write_EveryIncludedControl_GetsItsLevelAsAProp()
    {
        var doc = BaselineTestData.WithAssessment();
        var ids = OscalCatalogWriter.ControlIds(BaselineTestData.Etsi);

        var alters = Objects(Profile("en", doc)["modify"]!["alters"]).ToList();

        Assert.Equal(doc.Lines.Count(l => !l.Excluded), alters.Count);
        foreach (var line in doc.Lines.Where(l => l.GuidelineId == "etsi-en-303-645" && !l.Excluded))
        {
            var alter = alters.Single(a => S(a["control-id"]) == ids[line.RequirementId]);
            var add = Objects(alter["adds"]).Single();
            Assert.Equal("ending", S(add["position"]));
            var prop = Objects(add["props"]).Single();
            Assert.Equal(("baseline-level", Ns), (S(prop["name"]), S(prop["ns"])));
            Assert.Equal(line.Level switch { RequirementLevel.Must => "MUST", RequirementLevel.Should => "SHOULD", _ => "BETTER" }, S(prop["value"]));
        }
        Assert.Contains(alters, a => S(Objects(a["adds"]).Single()["props"]![0]!["value"]) == "BETTER");
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Write_RewordedLine_AddsARewordingPartAndOthersDoNot(string lang)
    {
        var ids = OscalCatalogWriter.ControlIds(BaselineTestData.Etsi);

        var alters = Objects(Profile(lang)["modify"]!["alters"]).ToList();

        var reworded = Objects(alters.Single(a => S(a["control-id"]) == ids["5.1-1"])["adds"]).Single();
        var part = Objects(reworded["parts"]).Single();
        Assert.Equal((OscalProfileWriter.RewordingPart, Ns, BaselineTestData.Rewording.In(lang)), (S(part["name"]), S(part["ns"]), S(part["prose"])));
        Assert.Single(alters, a => Objects(a["adds"]).Any(add => add["parts"] is not null));
    }

    [Fact]
    public void Write_OwnRequirements_AreAnEmbeddedCatalogWithTheirTitles()
    {
        var doc = BaselineTestData.WithAssessment();
        var profile = Profile("ja", doc);

        var own = Objects(profile["imports"]).Last();
        var resource = Resource(profile, S(own["href"]));
        var catalog = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(S(resource["base64"]!["value"]))))!["catalog"]!.AsObject();

        Assert.Null(resource["rlinks"]);
        Assert.Equal(["OWN-1", "OWN-2"], own["include-controls"]![0]!["with-ids"]!.AsArray().Select(S));
        Assert.Equal(
            doc.Lines.Where(l => l.GuidelineId is null).Select(l => l.Title.Ja),
            Controls(catalog).Select(c => S(c["title"])));
        Assert.Equal(OscalProfileWriter.OwnCatalog(doc, "ja", BaselineTestData.Now), Encoding.UTF8.GetString(Convert.FromBase64String(S(resource["base64"]!["value"]))));
    }

    [Fact]
    public void Write_Metadata_NamesTheBaselineVersionAndOscalVersion()
    {
        var metadata = Profile("ja")["metadata"]!;

        Assert.Equal("製品セキュリティガイドライン: ネットワークカメラ NC-200 ベースライン", S(metadata["title"]));
        Assert.Equal("3", S(metadata["version"]));
        Assert.Equal("1.0.6", S(metadata["oscal-version"]));
        Assert.Equal("2025-06-02T01:00:00Z", S(metadata["last-modified"]));
        Assert.Equal("2025-04-21T06:00:00Z", S(metadata["published"]));
    }

    [Fact]
    public void Write_SameBaselineTwice_GivesTheSameBytes()
    {
        var doc = BaselineTestData.WithAssessment();

        Assert.Equal(
            OscalProfileWriter.Write(doc, "en", BaselineTestData.Now, Catalog),
            OscalProfileWriter.Write(doc with { }, "en", BaselineTestData.Now, Catalog));
    }

    [Fact]
    public void Write_LineOfAGuidelineNotInTheCatalog_IsRefusedNamingIt()
    {
        var doc = BaselineTestData.WithAssessment();
        var catalog = new Catalog(Catalog.Guidelines.Where(g => g.Id != "jc-star-star1"), Catalog.Controls);

        var error = Assert.Throws<ArgumentException>(() => OscalProfileWriter.Write(doc, "en", BaselineTestData.Now, catalog));

        Assert.Contains("jc-star-star1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OscalTestData.BundledGuidelines), MemberType = typeof(OscalTestData))]
    public void ControlIds_BundledGuideline_AreTheIdsOfTheCatalogExport(string guidelineId, string language)
    {
        var guideline = OscalTestData.BundledGuideline(guidelineId);
        var catalog = JsonNode.Parse(OscalCatalogWriter.Write(guideline, language, BaselineTestData.Now))!["catalog"]!.AsObject();

        var exported = Controls(catalog).ToDictionary(c => Label(c)!, c => S(c["id"]));

        Assert.Equal(exported.OrderBy(x => x.Key, StringComparer.Ordinal), OscalCatalogWriter.ControlIds(guideline).OrderBy(x => x.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void ControlIds_GuidelineWithClashingIds_AreTheIdsOfTheCatalogExport()
    {
        var guideline = OscalTestData.EveryFeature();
        var catalog = JsonNode.Parse(OscalCatalogWriter.Write(guideline, "en", BaselineTestData.Now))!["catalog"]!.AsObject();

        var exported = Controls(catalog).ToDictionary(c => Label(c)!, c => S(c["id"]));

        Assert.Equal(exported.OrderBy(x => x.Key, StringComparer.Ordinal), OscalCatalogWriter.ControlIds(guideline).OrderBy(x => x.Key, StringComparer.Ordinal));
        Assert.Equal("_5.1-1", OscalCatalogWriter.ControlIds(guideline)["5.1-1"]);
    }
}
