using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shirube.Formats.Tests.Oscal.Resolution;

/// <summary>
/// Selection over the corpus: each SP 800-53 rev5 baseline profile (LOW, MODERATE, HIGH, PRIVACY) resolves to exactly
/// the controls its <c>include-controls</c> name, read here from the profile file itself, each in the family it has in
/// the catalog and nested only in a control the profile names too. PRIVACY names six enhancements without their
/// controls; they come without them, in their family.
/// </summary>
public partial class ProfileResolverNistTests
{
    private static readonly Lazy<JsonObject> SourceCatalog =
        new(() => JsonNode.Parse(File.ReadAllText(OscalTestData.Nist80053Path()))!["catalog"]!.AsObject());

    /// <summary>A baseline profile and how many control ids its <c>with-ids</c> list.</summary>
    public sealed record NamedBaseline(string Name, int Named)
    {
        public override string ToString() => $"{Name} ({Named} controls named)";
    }

    public static TheoryData<NamedBaseline> NamedBaselines() =>
        [new NamedBaseline("LOW", 149), new NamedBaseline("MODERATE", 287), new NamedBaseline("HIGH", 370), new NamedBaseline("PRIVACY", 96)];

    /// <summary>
    /// The ids a baseline profile names, read as the specification reads <c>include-controls</c>: <c>with-ids</c> and
    /// glob <c>matching</c> patterns, with descendants where <c>with-child-controls</c> is yes, and never ancestors.
    /// </summary>
    private static HashSet<string> NamedIds(string baseline)
    {
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(), $"NIST_SP-800-53_rev5_{baseline}-baseline_profile.json")))!;
        var catalog = Controls(SourceCatalog.Value);
        var parents = catalog.ToDictionary(c => c.Id, c => c.Parent);
        bool Descends(string id, string from) => parents[id] is { } parent && (parent == from || Descends(parent, from));
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var import in profile["profile"]!["imports"]!.AsArray().Select(i => i!.AsObject()))
        {
            // This reading knows href and include-controls only; a profile that used more would need more here.
            Assert.Equal(["href", "include-controls"], import.Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var selector in import["include-controls"]!.AsArray().Select(s => s!.AsObject()))
            {
                var ids = selector["with-ids"]?.AsArray().Select(i => (string)i!).ToHashSet(StringComparer.Ordinal) ?? [];
                var patterns = selector["matching"]?.AsArray().Select(m => GlobToRegex((string)m!["pattern"]!)).ToList() ?? [];
                var hits = catalog.Select(c => c.Id).Where(id => ids.Contains(id) || patterns.Exists(p => p.IsMatch(id))).ToList();
                named.UnionWith(hits);
                if ((string?)selector["with-child-controls"] == "yes")
                    named.UnionWith(catalog.Select(c => c.Id).Where(id => hits.Exists(h => Descends(id, h))));
            }
        }
        return named;
    }

    private static Regex GlobToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant);

    [Theory]
    [MemberData(nameof(NamedBaselines))]
    public void Each_baseline_resolves_to_exactly_the_controls_its_profile_names(NamedBaseline baseline)
    {
        var resolved = Resolved(baseline.Name);

        var named = NamedIds(baseline.Name);
        var ours = Controls(resolved.Catalog["catalog"]!.AsObject()).Select(c => c.Id).ToList();
        Assert.Equal(baseline.Named, named.Count);
        Assert.Equal(named.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
        Assert.Equal(baseline.Named, resolved.ControlCount);
    }

    [Theory]
    [MemberData(nameof(NamedBaselines))]
    public void Each_baseline_keeps_the_catalogs_families_order_and_nesting_for_the_controls_it_names(NamedBaseline baseline)
    {
        var ours = Resolved(baseline.Name).Catalog["catalog"]!.AsObject();

        var named = NamedIds(baseline.Name);
        var catalog = Controls(SourceCatalog.Value);
        var parents = catalog.ToDictionary(c => c.Id, c => c.Parent);
        string? NamedAncestor(string? id) => id is null || named.Contains(id) ? id : NamedAncestor(parents[id]);
        var expected = catalog.Where(c => named.Contains(c.Id)).Select(c => (c.Id, c.Group, NamedAncestor(c.Parent))).ToList();
        Assert.Equal(expected, Controls(ours));
        Assert.Equal(expected.Select(c => c.Group).Distinct(), ours["groups"]!.AsArray().Select(g => (string?)g!["id"]));
        Assert.Null(ours["controls"]);
    }

    /// <summary>An enhancement the PRIVACY baseline names without its control, and the family both are in.</summary>
    public sealed record Enhancement(string Id, string Control, string Family)
    {
        public override string ToString() => $"{Id} without {Control}, in {Family}";
    }

    public static TheoryData<Enhancement> PrivacyEnhancementsWithoutTheirControl() =>
    [
        new Enhancement("ac-3.14", "ac-3", "ac"), new Enhancement("au-3.3", "au-3", "au"), new Enhancement("pe-8.3", "pe-8", "pe"),
        new Enhancement("pm-5.1", "pm-5", "pm"), new Enhancement("sa-8.33", "sa-8", "sa"), new Enhancement("sc-7.24", "sc-7", "sc"),
    ];

    [Theory]
    [MemberData(nameof(PrivacyEnhancementsWithoutTheirControl))]
    public void The_PRIVACY_baseline_gives_an_enhancement_named_alone_in_its_family_without_its_control(Enhancement enhancement)
    {
        var ours = Controls(Resolved("PRIVACY").Catalog["catalog"]!.AsObject());

        var named = NamedIds("PRIVACY");
        Assert.Contains(enhancement.Id, named);
        Assert.DoesNotContain(enhancement.Control, named);
        Assert.Contains((enhancement.Id, enhancement.Family, (string?)null), ours);
        Assert.DoesNotContain(ours, c => c.Id == enhancement.Control);
    }

    [Theory]
    [InlineData("HIGH")]
    [InlineData("PRIVACY")]
    public void A_resolved_baseline_is_a_valid_OSCAL_catalog_and_raises_no_warning(string baseline)
    {
        var resolved = Resolved(baseline);

        var errors = OscalTestData.SchemaErrors(resolved.Catalog.ToJsonString());

        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.Empty(resolved.Warnings);
    }
}
