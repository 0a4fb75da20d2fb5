using System.Text.RegularExpressions;
using Shirube.Domain.Versions;
using Shirube.Testing;

namespace Shirube.Domain.Tests.Versions;

/// <summary>
/// Every line of OSV's version-ordering fixtures holds in both directions (A op B and B reverse-op A), and each
/// scheme's order over the fixtures' versions is a consistent order: antisymmetric and transitive.
/// </summary>
public sealed partial class VersionSchemeConformanceTests
{
    /// <summary>
    /// Fixture versions left out of the transitivity check because the fixtures themselves demand an order that
    /// cannot be transitive over them (each line still holds in the line-by-line theory).
    /// </summary>
    private static bool IntransitiveByTheFixtures(string ecosystem, string version) => ecosystem switch
    {
        // PHP's version_compare: the fixtures demand 1.2.3.# = 1.2.3 and 1.2.3.# = 1.2.3.1, yet 1.2.3 < 1.2.3.1.
        "Packagist" => version.Contains('#', StringComparison.Ordinal),
        // apk compares two versions that break its grammar as text, and such a version with a valid one by its
        // parts: the fixtures demand .2 > .1 (text) and .1 < 1 and 0...1...0 < 0...1...1 (text) at once.
        "Alpine" or "Wolfi" or "Chainguard" => !ApkGrammar().IsMatch(version),
        _ => false,
    };

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)*)?[a-z]?(_(alpha|beta|pre|rc|cvs|svn|git|hg|p)[0-9]*)*(~[0-9a-f]+)?(-r.*)?$")]
    private static partial Regex ApkGrammar();

    [Theory]
    [CorpusData("osv-semantic-versions", typeof(VersionOrderCorpus), nameof(VersionOrderCorpus.Cases))]
    public void Every_fixture_line_orders_both_ways_as_the_fixture_says(VersionOrderCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Assert.True(VersionSchemes.TryFor(c.Ecosystem, out var scheme), $"No scheme for {c.Ecosystem}.");
        Assert.True(scheme.TryParse(c.A, out var a, out var whyA), whyA);
        Assert.True(scheme.TryParse(c.B, out var b, out var whyB), whyB);
        Assert.Equal((c.Expected, -c.Expected), (Math.Sign(a.CompareTo(b)), Math.Sign(b.CompareTo(a))));
    }

    [Fact]
    public void The_fixtures_hold_every_line_of_every_file_once_per_ecosystem_it_applies_to()
    {
        // Lines that are neither blank nor comments, counted in the files themselves.
        var lines = new Dictionary<string, int>
        {
            ["alpine-versions.txt"] = 778, ["cran-versions.txt"] = 21, ["debian-versions.txt"] = 30, ["hackage-versions.txt"] = 11,
            ["maven-versions.txt"] = 102, ["nuget-versions.txt"] = 35, ["packagist-versions.txt"] = 95, ["pub-versions.txt"] = 100,
            ["pypi-versions.txt"] = 37, ["redhat-versions.txt"] = 165, ["rubygems-versions.txt"] = 25, ["semver-versions.txt"] = 86,
        };
        var cases = VersionOrderCorpus.ReadAll();
        foreach (var (file, count) in lines)
        {
            foreach (var ecosystem in VersionOrderCorpus.EcosystemsByFile[file])
                Assert.Equal((file, ecosystem, count), (file, ecosystem, cases.Count(c => c.File == file && c.Ecosystem == ecosystem)));
        }
        Assert.Equal(lines.Sum(l => l.Value * VersionOrderCorpus.EcosystemsByFile[l.Key].Length), cases.Count);
    }

    public static TheoryData<string> CorpusEcosystems => [.. VersionOrderCorpus.EcosystemsByFile.Values.SelectMany(e => e)];

    [Theory]
    [MemberData(nameof(CorpusEcosystems))]
    public void Each_schemes_order_over_the_fixture_versions_is_antisymmetric_and_transitive(string ecosystem)
    {
        Assert.True(VersionSchemes.TryFor(ecosystem, out var scheme));
        var versions = VersionOrderCorpus.ReadAll().Where(c => c.Ecosystem == ecosystem)
            .SelectMany(c => new[] { c.A, c.B }).Distinct(StringComparer.Ordinal)
            .Where(v => !IntransitiveByTheFixtures(ecosystem, v)).Select(scheme.Parse).ToList();
        Assert.NotEmpty(versions);
        foreach (var x in versions)
        {
            foreach (var y in versions)
                Assert.True(Math.Sign(x.CompareTo(y)) == -Math.Sign(y.CompareTo(x)), $"{ecosystem}: {x} vs {y} is not antisymmetric.");
        }
        // Transitive: sorted, the order must agree with the positions, and equal versions must be neighbours.
        var sorted = versions.Order(Comparer<SchemeVersion>.Create((x, y) => x.CompareTo(y))).ToList();
        var classOf = new int[sorted.Count];
        for (var i = 1; i < sorted.Count; i++)
            classOf[i] = classOf[i - 1] + (sorted[i - 1].CompareTo(sorted[i]) == 0 ? 0 : 1);
        for (var i = 0; i < sorted.Count; i++)
        {
            for (var j = i + 1; j < sorted.Count; j++)
            {
                var expected = classOf[i] == classOf[j] ? 0 : -1;
                Assert.True(Math.Sign(sorted[i].CompareTo(sorted[j])) == expected,
                    $"{ecosystem}: {sorted[i]} vs {sorted[j]} breaks transitivity (sorted positions {i} and {j}).");
            }
        }
    }
}
