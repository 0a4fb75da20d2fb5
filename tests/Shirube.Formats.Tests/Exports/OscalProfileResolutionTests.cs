using System.Text.Json.Nodes;
using Shirube.Formats.Exports;
using Shirube.Formats.Oscal;
using Shirube.Formats.Oscal.Resolution;
using Shirube.Formats.Tests.Oscal;

namespace Shirube.Formats.Tests.Exports;

/// <summary>
/// The exported profile resolved by <see cref="ProfileResolver"/> against the catalogs <see cref="OscalCatalogWriter"/>
/// exports, served from memory under the file names the profile's rlinks give: the round trip a user makes with the
/// downloaded files.
/// </summary>
public class OscalProfileResolutionTests
{
    private static readonly Uri Folder = new("memory://exports/");

    private static IEnumerable<JsonObject> Objects(JsonNode? array) => array?.AsArray().Select(n => n!.AsObject()) ?? [];

    private static IEnumerable<JsonObject> Controls(JsonObject container) =>
        Objects(container["controls"]).SelectMany(c => Controls(c).Prepend(c))
            .Concat(Objects(container["groups"]).SelectMany(Controls));

    private static string? Prop(JsonObject control, string name, string? ns) =>
        Objects(control["props"]).FirstOrDefault(p => p["name"]!.GetValue<string>() == name && p["ns"]?.GetValue<string>() == ns)?["value"]?.GetValue<string>();

    private static ResolvedProfile Resolve(BaselineDocument doc, string lang)
    {
        var source = new InMemoryDocumentSource();
        foreach (var g in doc.Guidelines)
        {
            var catalog = OscalCatalogWriter.Write(OscalTestData.BundledGuideline(g.Id), lang, BaselineTestData.Now);
            source.Add(new Uri(Folder, OscalProfileWriter.CatalogFileName(g.Id, lang)), JsonNode.Parse(catalog)!.AsObject());
        }
        var profile = JsonNode.Parse(OscalProfileWriter.Write(doc, lang, BaselineTestData.Now, OscalTestData.Bundled.Value))!.AsObject();
        return ProfileResolver.Resolve(profile, new Uri(Folder, OscalProfileWriter.FileName(doc, lang)), source, BaselineTestData.Now);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Resolve_ExportedProfile_GivesExactlyTheIncludedRequirementsWithTheirLevels(string lang)
    {
        var doc = BaselineTestData.WithAssessment();

        var resolved = Resolve(doc, lang);

        var controls = Controls(resolved.Catalog["catalog"]!.AsObject()).ToList();
        var included = doc.Lines.Where(l => !l.Excluded).ToList();
        Assert.Equal(included.Select(l => l.RequirementId).Order(StringComparer.Ordinal), controls.Select(c => Prop(c, "label", null)!).Order(StringComparer.Ordinal));
        foreach (var line in included)
        {
            var control = controls.Single(c => Prop(c, "label", null) == line.RequirementId);
            Assert.Equal(line.Level.ToString().ToUpperInvariant(), Prop(control, OscalProfileWriter.LevelProp, OscalCatalogWriter.ShirubeNamespace));
        }
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void Resolve_ExportedProfile_CarriesTheRewordingAndTheOwnRequirementsTitles()
    {
        var doc = BaselineTestData.WithAssessment();

        var resolved = Resolve(doc, "ja");

        var controls = Controls(resolved.Catalog["catalog"]!.AsObject()).ToList();
        var reworded = controls.Single(c => Prop(c, "label", null) == "5.1-1");
        var part = Objects(reworded["parts"]).Single(p => p["name"]!.GetValue<string>() == OscalProfileWriter.RewordingPart);
        Assert.Equal(BaselineTestData.Rewording.Ja, part["prose"]!.GetValue<string>());
        foreach (var own in doc.Lines.Where(l => l.GuidelineId is null))
            Assert.Equal(own.Title.Ja, controls.Single(c => Prop(c, "label", null) == own.RequirementId)["title"]!.GetValue<string>());
    }
}
