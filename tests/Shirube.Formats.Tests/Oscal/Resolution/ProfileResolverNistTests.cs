using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Shirube.Formats.Oscal.Resolution;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Oscal.Resolution;

/// <summary>
/// Conformance: the SP 800-53 rev5 LOW and MODERATE baseline profiles (usnistgov/oscal-content 2021-06-08) resolve to
/// the same controls, groups and parameters as NIST's own resolved-profile catalogs in the same folder. Uuids and
/// timestamps differ by design; the rest of the metadata and the back-matter are compared too.
/// </summary>
/// <remarks>
/// The profiles import <c>NIST_SP-800-53_rev5_catalog.xml</c>; the folder holds the JSON rendition, which
/// <see cref="FileDocumentSource"/> reads in its place.
/// </remarks>
public partial class ProfileResolverNistTests
{
    private static readonly ConcurrentDictionary<string, Lazy<ResolvedProfile>> Resolutions = new();
    private static readonly ConcurrentDictionary<string, Lazy<JsonObject>> NistCatalogs = new();

    private static string Folder() =>
        Path.Combine(OscalTestData.Corpora(), "oscal-content", "rev5-2021-06-08", "nist.gov", "SP800-53", "rev5", "json");

    /// <summary>Our resolution of a baseline profile (LOW, MODERATE, HIGH or PRIVACY), once per test run.</summary>
    private static ResolvedProfile Resolved(string baseline)
    {
        var folder = Folder();
        return Resolutions.GetOrAdd(baseline, b => new Lazy<ResolvedProfile>(() =>
        {
            var source = new FileDocumentSource();
            var uri = FileDocumentSource.ToUri(Path.Combine(folder, $"NIST_SP-800-53_rev5_{b}-baseline_profile.json"));
            return ProfileResolver.Resolve(source.Load(uri), uri, source, OscalTestData.LastModified);
        })).Value;
    }

    /// <summary>Our resolution of the baseline and NIST's resolved catalog (the objects under "catalog").</summary>
    private static (JsonObject Ours, JsonObject Nist, ResolvedProfile Resolved) Run(string baseline)
    {
        var resolved = Resolved(baseline);
        var folder = Folder();
        var nist = NistCatalogs.GetOrAdd(baseline, b => new Lazy<JsonObject>(() => JsonNode.Parse(File.ReadAllText(
            Path.Combine(folder, $"NIST_SP-800-53_rev5_{b}-baseline-resolved-profile_catalog.json")))!["catalog"]!.AsObject())).Value;
        return (resolved.Catalog["catalog"]!.AsObject(), nist, resolved);
    }

    /// <summary>Every control in document order: id, the group it is in, and the control it is nested in.</summary>
    private static List<(string Id, string? Group, string? Parent)> Controls(JsonObject catalog)
    {
        var result = new List<(string, string?, string?)>();
        void Walk(JsonObject container, string? group, string? parent)
        {
            foreach (var control in container["controls"]?.AsArray().Select(c => c!.AsObject()) ?? [])
            {
                result.Add(((string)control["id"]!, group, parent));
                Walk(control, group, (string)control["id"]!);
            }
            foreach (var g in container["groups"]?.AsArray().Select(x => x!.AsObject()) ?? [])
                Walk(g, (string?)g["id"], null);
        }
        Walk(catalog, null, null);
        return result;
    }

    private static Dictionary<string, JsonObject> ControlsById(JsonObject catalog) =>
        ResolutionFixtures.Walk(catalog).Where(o => o.Parent is JsonArray a && a.Parent is JsonObject owner && owner["controls"] == a)
            .ToDictionary(o => (string)o["id"]!);

    private static List<JsonObject> Params(JsonObject catalog) =>
        [.. ResolutionFixtures.Walk(catalog).Where(o => o.Parent is JsonArray a && a.Parent is JsonObject owner && owner["params"] == a)];

    /// <summary>A baseline and the figures of NIST's resolved catalog: controls (enhancements included) and params.</summary>
    public sealed record Baseline(string Name, int Controls, int Params)
    {
        public override string ToString() => $"{Name} ({Controls} controls, {Params} params)";
    }

    public static TheoryData<Baseline> Baselines() => [new Baseline("LOW", 149, 359), new Baseline("MODERATE", 287, 506)];

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Resolve_NistBaseline_GivesNistsControlsInOrderWithGroupsAndNesting(Baseline baseline)
    {
        var (ours, nist, resolved) = Run(baseline.Name);

        var expected = Controls(nist);
        Assert.Equal(baseline.Controls, expected.Count);
        Assert.Equal(expected, Controls(ours));
        Assert.Equal(baseline.Controls, resolved.ControlCount);
        Assert.Null(ours["controls"]);
    }

    /// <summary>One control of one of NIST's resolved baseline catalogs.</summary>
    public sealed record NistControl(string Baseline, string Id)
    {
        public override string ToString() => $"{Baseline} {Id}";
    }

    /// <summary>Every control (enhancements included) of NIST's resolved LOW and MODERATE catalogs in <paramref name="folder"/>, in document order.</summary>
    public static IEnumerable<NistControl> NistControls(string folder) =>
        Baselines().Select(row => row.Data.Name).SelectMany(b => Controls(JsonNode.Parse(File.ReadAllText(
            Path.Combine(folder, $"NIST_SP-800-53_rev5_{b}-baseline-resolved-profile_catalog.json")))!["catalog"]!.AsObject())
            .Select(c => new NistControl(b, c.Id)));

    [Theory]
    [CorpusData("oscal-content/rev5-2021-06-08/nist.gov/SP800-53/rev5/json", typeof(ProfileResolverNistTests), nameof(NistControls))]
    public void Resolve_NistBaseline_GivesThisControlExactlyAsNistResolvedIt(NistControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        var (ours, nist, _) = Run(control.Baseline);
        var mine = ControlsById(ours);
        Assert.True(mine.TryGetValue(control.Id, out var resolved), $"{control.Id} is missing from our resolution of {control.Baseline}.");
        Assert.True(JsonNode.DeepEquals(Without(ControlsById(nist)[control.Id], "controls"), Without(resolved, "controls")),
            $"{control.Id} differs:\nNIST: {Without(ControlsById(nist)[control.Id], "controls").ToJsonString()}\nours: {Without(resolved, "controls").ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Resolve_NistBaseline_KeepsEveryFieldOfEveryControl(Baseline baseline)
    {
        var (ours, nist, _) = Run(baseline.Name);
        var mine = ControlsById(ours);

        var different = ControlsById(nist)
            .Where(c => !JsonNode.DeepEquals(Without(c.Value, "controls"), Without(mine[c.Key], "controls")))
            .Select(c => c.Key).ToList();

        Assert.Equal(baseline.Controls, mine.Count);
        Assert.Empty(different);
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Resolve_NistBaseline_GivesNistsParamsWithValuesSelectionsAndLabels(Baseline baseline)
    {
        var (ours, nist, resolved) = Run(baseline.Name);

        var expected = Params(nist);
        var actual = Params(ours).ToDictionary(p => (string)p["id"]!);
        Assert.Equal(baseline.Params, expected.Count);
        Assert.Equal(expected.Select(p => (string)p["id"]!), Params(ours).Select(p => (string)p["id"]!));
        Assert.All(expected, p => Assert.True(JsonNode.DeepEquals(p, actual[(string)p["id"]!]), $"param {p["id"]} differs"));
        Assert.Equal(baseline.Params, resolved.ParamCount);
        // No loose params: every param a kept control refers to is its own.
        Assert.Null(ours["params"]);
    }

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Resolve_NistBaseline_GivesNistsGroupsMetadataAndBackMatter(Baseline baseline)
    {
        var (ours, nist, resolved) = Run(baseline.Name);

        Assert.Equal(
            nist["groups"]!.AsArray().Select(g => ((string)g!["id"]!, (string)g["class"]!, (string)g["title"]!)),
            ours["groups"]!.AsArray().Select(g => ((string)g!["id"]!, (string)g["class"]!, (string)g["title"]!)));
        var (metadata, nistMetadata) = (ours["metadata"]!.AsObject(), nist["metadata"]!.AsObject());
        foreach (var key in new[] { "title", "version", "oscal-version", "roles", "parties", "responsible-parties" })
            Assert.True(JsonNode.DeepEquals(nistMetadata[key], metadata[key]), $"metadata {key} differs");
        Assert.Equal("2025-04-01T00:30:00Z", (string)metadata["last-modified"]!);
        Assert.Contains(metadata["links"]!.AsArray(), l => (string)l!["rel"]! == "source-profile"
            && (string)l["href"]! == $"NIST_SP-800-53_rev5_{baseline.Name}-baseline_profile.json");
        Assert.NotEqual((string)nist["uuid"]!, (string)ours["uuid"]!);
        Assert.True(Guid.TryParse((string)ours["uuid"]!, out var _));
        // NIST keeps the resources the kept controls cite (#uuid in links and prose), in the catalog's order.
        Assert.Equal(
            nist["back-matter"]!["resources"]!.AsArray().Select(r => (string)r!["uuid"]!),
            ours["back-matter"]!["resources"]!.AsArray().Select(r => (string)r!["uuid"]!));
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void Resolve_NistLowBaseline_ValidatesAgainstOscal106CatalogSchema()
    {
        var (_, _, resolved) = Run("LOW");

        var errors = OscalTestData.SchemaErrors(resolved.Catalog.ToJsonString());

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    private static JsonObject Without(JsonObject obj, string key)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }
}
