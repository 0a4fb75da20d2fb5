using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines;

namespace Shirube.Formats.Tests.Guidelines;

public class CatalogYamlReaderTests
{
    private const string Valid = """
        id: test-guide
        name: { en: Test guide, ja: テストガイド }
        shortName: Test
        issuer: Nobody
        region: JP
        year: 2024
        kind: general
        scope: { en: Scope here, ja: 範囲 }
        summary: { en: Summary here, ja: 概要 }
        source: { url: "https://example.org/guide", licence: CC0, reuse: Ours }
        levels: [M, R]
        expectedCount: 2
        groups:
          - id: "1"
            title: { en: Group one, ja: グループ 1 }
        requirements:
          - id: "1.1"
            group: "1"
            title: { en: First, ja: 一つ目 }
            summary: { en: Does the first thing, ja: 一つ目を行う }
            parts: [device, network-local]
            phases: [design]
            level: M
            controls: [authentication]
          - id: "1.2"
            group: "1"
            title: { en: Second, ja: 二つ目 }
            summary: { en: Does the second thing, ja: 二つ目を行う }
            parts: [management]
            phases: [policy, operation]
            controls: [incident-response]
            verified: false
            note: { en: Title from memory, ja: 記憶による }
        """;

    [Fact]
    public void ReadGuideline_ValidDocument_MapsEveryField()
    {
        var g = CatalogYamlReader.ReadGuideline(Valid, "test-guide.yaml");

        Assert.Equal("test-guide", g.Id);
        Assert.Equal("テストガイド", g.Name.Ja);
        Assert.Equal(GuidelineRegion.JP, g.Region);
        Assert.Equal(GuidelineKind.General, g.Kind);
        Assert.Equal(["1.1", "1.2"], g.Requirements.Select(r => r.Id));
        Assert.Equal([IotPart.Device, IotPart.NetworkLocal], g.Requirements[0].Parts);
        Assert.Equal([LifecyclePhase.Policy, LifecyclePhase.Operation], g.Requirements[1].Phases);
        Assert.Equal("M", g.Requirements[0].Level);
        Assert.True(g.Requirements[0].Verified);
        Assert.False(g.Requirements[1].Verified);
        Assert.Equal(1, g.UnverifiedCount);
        Assert.Equal("Group one", Assert.Single(g.Groups).Title.En);
    }

    public sealed record BadCatalog(string Change, string From, string To, string Path, string Reason)
    {
        public override string ToString() => $"{Change}: reported at {Path}";
    }

    public static TheoryData<BadCatalog> BadCatalogs() =>
    [
        new BadCatalog("an unquoted numeric id", "  - id: \"1.1\"", "  - id: 1.1", "/requirements/0/id", "String"),
        new BadCatalog("an unknown IoT part", "parts: [device, network-local]", "parts: [device, cloud]", "/requirements/0/parts/1", ""),
        new BadCatalog("a missing Japanese title", "title: { en: First, ja: 一つ目 }", "title: { en: First }", "/requirements/0/title", "ja"),
        new BadCatalog("an unknown region", "region: JP", "region: Mars", "/region", ""),
        new BadCatalog("an unknown key", "kind: general", "kind: general\nfoo: bar", "/", "foo"),
        new BadCatalog("a duplicate key", "kind: general", "kind: general\nkind: sector", "line 8", "duplicate"),
        new BadCatalog("an anchor", "scope: { en: Scope here, ja: 範囲 }", "scope: &s { en: Scope here, ja: 範囲 }", "/scope", "anchors"),
        new BadCatalog("broken YAML", "levels: [M, R]", "levels: [M, R", "/", "malformed"),
    ];

    [Theory]
    [MemberData(nameof(BadCatalogs))]
    public void ReadGuideline_BadDocument_NamesFileAndPlace(BadCatalog bad)
    {
        var yaml = Valid.Replace(bad.From, bad.To, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);

        var error = Assert.Throws<CatalogFormatException>(() => CatalogYamlReader.ReadGuideline(yaml, "test-guide.yaml"));

        Assert.Equal("test-guide.yaml", error.File);
        Assert.StartsWith(bad.Path, error.Path, StringComparison.Ordinal);
        Assert.Contains(bad.Reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_CountsGroupsControlsAndLevels_AreChecked()
    {
        var g = CatalogYamlReader.ReadGuideline(Valid
            .Replace("expectedCount: 2", "expectedCount: 3", StringComparison.Ordinal)
            .Replace("group: \"1\"\n    title: { en: Second", "group: \"9\"\n    title: { en: Second", StringComparison.Ordinal)
            .Replace("controls: [incident-response]", "controls: [no-such-control]", StringComparison.Ordinal)
            .Replace("level: M", "level: X", StringComparison.Ordinal), "test-guide.yaml");
        var catalog = new Catalog([g], [new CommonControl("authentication", new("a", "a"), new("a", "a")), new CommonControl("incident-response", new("i", "i"), new("i", "i"))]);

        var errors = catalog.Validate();

        Assert.Contains("test-guide: 2 requirements, but the source has 3.", errors);
        Assert.Contains("test-guide 1.2: no group '9'.", errors);
        Assert.Contains("test-guide 1.2: no common control 'no-such-control'.", errors);
        Assert.Contains("test-guide 1.1: level 'X' is not one of the guideline's levels (M, R).", errors);
    }
}
