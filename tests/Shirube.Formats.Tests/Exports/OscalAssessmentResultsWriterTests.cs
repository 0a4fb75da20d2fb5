using System.Text.Json.Nodes;
using Shirube.Domain.Assessments;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports;
using Shirube.Formats.Oscal;
using Shirube.Formats.Tests.Oscal;

namespace Shirube.Formats.Tests.Exports;

public class OscalAssessmentResultsWriterTests
{
    private const string Ns = OscalCatalogWriter.ShirubeNamespace;

    private static Catalog Catalog => OscalTestData.Bundled.Value;

    private static JsonObject Results(string lang, BaselineDocument? doc = null) =>
        JsonNode.Parse(OscalAssessmentResultsWriter.Write(doc ?? BaselineTestData.WithAssessment(), lang, BaselineTestData.Now, Catalog))!["assessment-results"]!.AsObject();

    private static IEnumerable<JsonObject> Objects(JsonNode? array) => array?.AsArray().Select(n => n!.AsObject()) ?? [];

    private static string S(JsonNode? node) => node!.GetValue<string>();

    private static string? Prop(JsonObject owner, string name) =>
        Objects(owner["props"]).FirstOrDefault(p => S(p["name"]) == name && p["ns"]?.GetValue<string>() == Ns)?["value"]?.GetValue<string>();

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Write_Assessment_ValidatesAgainstOscal106AssessmentResultsSchema(string lang)
    {
        var json = OscalAssessmentResultsWriter.Write(BaselineTestData.WithAssessment(), lang, BaselineTestData.Now, Catalog);

        var errors = ExportTestSchemas.AssessmentResultsErrors(json);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory]
    [InlineData("a status state OSCAL does not know", "\"state\": \"satisfied\"", "\"state\": \"passed\"", "/assessment-results/results/0/findings/")]
    [InlineData("a finding without a target type", "\"type\": \"objective-id\",", "", "/assessment-results/results/0/findings/")]
    public void Schema_BrokenAssessmentResults_AreRefusedAtThePlace(string change, string from, string to, string place)
    {
        var json = OscalAssessmentResultsWriter.Write(BaselineTestData.WithAssessment(), "en", BaselineTestData.Now, Catalog);
        var broken = json.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(json, broken);

        // anyOf branches report noise at deeper places: look at every error, not the deepest ten.
        var errors = ExportTestSchemas.AssessmentResultsErrors(broken, int.MaxValue);

        Assert.True(errors.Any(e => e.StartsWith(place, StringComparison.Ordinal)), $"{change}:\n{string.Join('\n', errors.Where(e => !e.Contains("/props/", StringComparison.Ordinal)).Take(10))}");
    }

    /// <summary>How one status maps to a finding's target; <see cref="ToString"/> reads as the row's sentence.</summary>
    public sealed record StatusCase(ImplementationStatus Status, string State, string Reason, string? Implementation)
    {
        public override string ToString() => $"{Status} is {State} ({Reason}), implementation {Implementation ?? "left out"}";
    }

    public static TheoryData<StatusCase> StatusCases() =>
    [
        new StatusCase(ImplementationStatus.Implemented, "satisfied", "pass", "implemented"),
        new StatusCase(ImplementationStatus.Partial, "not-satisfied", "fail", "partial"),
        new StatusCase(ImplementationStatus.NotImplemented, "not-satisfied", "fail", null),
        new StatusCase(ImplementationStatus.NotApplicable, "satisfied", "other", "not-applicable"),
    ];

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void Write_Finding_MapsTheStatusToTheTarget(StatusCase c)
    {
        var doc = BaselineTestData.WithAssessment();
        var line = doc.Lines.First(l => l.GuidelineId == "etsi-en-303-645" && l.Result?.Status == c.Status);
        var controlId = OscalCatalogWriter.ControlIds(BaselineTestData.Etsi)[line.RequirementId];

        var finding = Objects(Results("en", doc)["results"]![0]!["findings"]).Single(f => Prop(f, "line") == line.Key);

        var target = finding["target"]!;
        Assert.Equal(("objective-id", controlId), (S(target["type"]), S(target["target-id"])));
        Assert.Equal((c.State, c.Reason), (S(target["status"]!["state"]), S(target["status"]!["reason"])));
        Assert.Equal(c.Implementation, target["implementation-status"]?["state"]?.GetValue<string>());
        Assert.Equal(line.Result!.Justification, target["remarks"]?.GetValue<string>());
        Assert.Equal(BaselineText(c.Status), Prop(finding, "status"));
    }

    private static string BaselineText(ImplementationStatus status) => status switch
    {
        ImplementationStatus.Implemented => "implemented",
        ImplementationStatus.Partial => "partial",
        ImplementationStatus.NotImplemented => "not-implemented",
        _ => "not-applicable",
    };

    [Fact]
    public void Write_ReviewedControls_AreTheIncludedLinesControlIds()
    {
        var doc = BaselineTestData.WithAssessment();
        var etsi = OscalCatalogWriter.ControlIds(BaselineTestData.Etsi);
        var jcStar = OscalCatalogWriter.ControlIds(BaselineTestData.JcStar);
        var expected = doc.Lines.Where(l => !l.Excluded)
            .Select(l => l.GuidelineId switch { "etsi-en-303-645" => etsi[l.RequirementId], "jc-star-star1" => jcStar[l.RequirementId], _ => l.RequirementId })
            .Distinct();

        var reviewed = Results("en", doc)["results"]![0]!["reviewed-controls"]!["control-selections"]![0]!["include-controls"]!.AsArray().Select(c => S(c!["control-id"]));

        Assert.Equal(expected, reviewed);
        Assert.DoesNotContain(etsi["5.13-1"], reviewed);
    }

    [Fact]
    public void Write_EveryAssessedLine_HasAnObservationAndAFindingThatRefersToIt()
    {
        var doc = BaselineTestData.WithAssessment();
        var result = Results("ja", doc)["results"]![0]!;

        var observations = Objects(result["observations"]).ToDictionary(o => S(o["uuid"]));
        var findings = Objects(result["findings"]).ToList();

        Assert.Equal(doc.Lines.Count(l => l.Result is not null), findings.Count);
        Assert.Equal(findings.Count, observations.Count);
        Assert.All(findings, f => Assert.True(observations.ContainsKey(S(f["related-observations"]![0]!["observation-uuid"]))));
    }

    [Fact]
    public void Write_Observation_CarriesEvidenceLinksAndFilesAndTheAssessorAsAParty()
    {
        var doc = BaselineTestData.WithAssessment();
        var line = doc.Lines.First(l => l.Result is { Status: ImplementationStatus.Implemented });
        var results = Results("en", doc);
        var finding = Objects(results["results"]![0]!["findings"]).Single(f => Prop(f, "line") == line.Key);
        var observation = Objects(results["results"]![0]!["observations"]).Single(o => S(o["uuid"]) == S(finding["related-observations"]![0]!["observation-uuid"]));

        var evidence = Objects(observation["relevant-evidence"]).Select(e => (e["href"]?.GetValue<string>(), S(e["description"]))).ToList();

        Assert.Equal(
            [(null, line.Result!.Evidence!), (line.Result.Links[0], line.Result.Links[0]), (null, line.Result.Links[1]), (null, line.Result.Files[0])],
            evidence);
        Assert.Equal(["EXAMINE"], observation["methods"]!.AsArray().Select(S));
        Assert.Equal("2025-05-12", S(observation["collected"])[..10]);
        var actor = S(observation["origins"]![0]!["actors"]![0]!["actor-uuid"]);
        var party = Objects(results["metadata"]!["parties"]).Single(p => S(p["uuid"]) == actor);
        Assert.Equal(("person", line.Result.Assessor), (S(party["type"]), S(party["name"])));
    }

    [Fact]
    public void Write_Result_CarriesStartEndSharesAndLevels()
    {
        var doc = BaselineTestData.WithAssessment();

        var result = Results("en", doc)["results"]![0]!.AsObject();

        Assert.Equal("2025-05-12T00:30:00Z", S(result["start"]));
        Assert.Equal("2025-05-30T08:00:00Z", S(result["end"]));
        Assert.Equal("2.4.1", Prop(result, "product-version"));
        Assert.Equal("none", Prop(result, "actual-level"));
        Assert.Equal("SHOULD", Prop(result, "required-level"));
        var shares = Objects(result["props"]).Where(p => S(p["name"]) == "share-met").Select(p => S(p["class"])).ToList();
        Assert.Equal(["MUST", "SHOULD", "BETTER"], shares);
    }

    [Fact]
    public void Write_ImportAp_PointsToABackMatterResourceThatLinksTheProfile()
    {
        var doc = BaselineTestData.WithAssessment();
        var results = Results("en", doc);

        var href = S(results["import-ap"]!["href"]);

        var resource = Objects(results["back-matter"]!["resources"]).Single(r => "#" + S(r["uuid"]) == href);
        Assert.Equal(OscalProfileWriter.FileName(doc, "en"), S(resource["rlinks"]![0]!["href"]));
        Assert.Equal("application/oscal.profile+json", S(resource["rlinks"]![0]!["media-type"]));
    }

    [Fact]
    public void Write_DocumentWithoutAssessment_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            OscalAssessmentResultsWriter.Write(BaselineTestData.WithoutAssessment(), "en", BaselineTestData.Now, Catalog));
    }

    [Fact]
    public void Write_SameAssessmentTwice_GivesTheSameBytes()
    {
        var doc = BaselineTestData.WithAssessment();

        Assert.Equal(
            OscalAssessmentResultsWriter.Write(doc, "ja", BaselineTestData.Now, Catalog),
            OscalAssessmentResultsWriter.Write(doc with { }, "ja", BaselineTestData.Now, Catalog));
    }
}
