using System.Text.Json.Nodes;
using Shirube.Domain.Versions;

namespace Shirube.Domain.Tests.Versions;

/// <summary>Which OSV ecosystems have a scheme, and how a scheme refuses what it cannot read.</summary>
public sealed class VersionSchemesTests
{
    /// <summary>Ecosystems of ecosystems.json without a known scheme, each with why (docs/issue12/versions.md lists them too).</summary>
    private static readonly string[] WithoutScheme =
    [
        "Alpaquita", "Android", "Azure Linux", "BellSoft Hardened Containers", "CleanStart", "ConanCenter", "Docker Hardened Images",
        "Echo", "FreeBSD", "GHC", "GitHub Actions", "Julia", "Kubernetes", "Linux", "MinimOS", "opam", "OSS-Fuzz", "Root", "TuxCare", "VSCode",
    ];

    [Fact]
    public void Every_ecosystem_of_the_OSV_schema_either_has_a_scheme_or_is_listed_as_having_none()
    {
        var path = Path.Combine(SharedCorpora.Folder("osv-schema", "OSV's ecosystem list"), "ecosystems.json");
        var ecosystems = JsonNode.Parse(File.ReadAllText(path))!.AsObject().Select(p => p.Key).ToList();

        var known = ecosystems.Where(e => VersionSchemes.TryFor(e, out _)).ToList();
        Assert.Equal(ecosystems.Except(WithoutScheme).Order(StringComparer.Ordinal), known.Order(StringComparer.Ordinal));
        Assert.All(known, e => Assert.Equal(e, VersionSchemes.TryFor(e, out var s) ? s.Name : null));
        Assert.Equal(VersionSchemes.Ecosystems.Order(StringComparer.Ordinal), known.Append("SEMVER").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GIT")]
    [InlineData("Linux")]
    [InlineData("OSS-Fuzz")]
    [InlineData("Android")]
    [InlineData("GitHub Actions")]
    [InlineData("")]
    [InlineData("Debianish")]
    public void An_ecosystem_without_a_known_scheme_has_none_rather_than_a_guessed_one(string ecosystem) =>
        Assert.False(VersionSchemes.TryFor(ecosystem, out _));

    [Theory]
    [InlineData("Debian:12", "Debian")]
    [InlineData("Alpine:v3.20", "Alpine")]
    [InlineData("Ubuntu:Pro:18.04:LTS", "Ubuntu")]
    [InlineData("Red Hat:rhel_aus:8.4::appstream", "Red Hat")]
    [InlineData("Maven:https://maven.google.com", "Maven")]
    [InlineData("Photon OS:3.0", "Photon OS")]
    [InlineData("pypi", "PyPI")]
    public void An_ecosystem_with_a_release_suffix_takes_the_scheme_of_its_base_name(string ecosystem, string scheme)
    {
        Assert.True(VersionSchemes.TryFor(ecosystem, out var found));
        Assert.Equal(scheme, found.Name);
    }

    [Theory]
    [InlineData("npm", "1.x", "a '.' must be followed by a number")]
    [InlineData("Go", "latest", "must start with a number")]
    [InlineData("Pub", "1.0.0-", "prerelease")]
    [InlineData("Hackage", "1.0-beta", "'-' at position 4")]
    [InlineData("CRAN", "1.0..1", "a number is missing at position 5")]
    [InlineData("Debian", "a:1.0-1", "epoch")]
    [InlineData("Ubuntu", "1.0-", "revision")]
    [InlineData("NuGet", "1.2.3.4.5", "four dot-separated numbers")]
    [InlineData("RubyGems", "1.0#1", "'#' at position 4")]
    [InlineData("PyPI", "1.0 beta", "neither a PEP 440 version nor a legacy version")]
    [InlineData("Maven", " ", "empty")]
    [InlineData("Alpine", "1.0 r1", "space")]
    [InlineData("Red Hat", "", "empty")]
    public void A_version_the_scheme_cannot_read_is_refused_with_a_reason_naming_the_scheme(string ecosystem, string text, string why)
    {
        Assert.True(VersionSchemes.TryFor(ecosystem, out var scheme));
        Assert.False(scheme.TryParse(text, out _, out var reason));
        Assert.Contains($"is not a {ecosystem} version", reason, StringComparison.Ordinal);
        Assert.Contains(why, reason, StringComparison.Ordinal);
        Assert.Equal(reason, Assert.Throws<FormatException>(() => scheme.Parse(text)).Message);
    }

    [Fact]
    public void Versions_of_different_schemes_do_not_compare()
    {
        var npm = SemverLikeScheme.Npm.Parse("1.0.0");
        var debian = DpkgScheme.Debian.Parse("1.0.0");
        Assert.Throws<ArgumentException>(() => npm.CompareTo(debian));
    }

    [Theory]
    [InlineData("npm", "1.2.3", "v1.2.3")]
    [InlineData("Go", "v1.2.3+incompatible", "1.2.3")]
    [InlineData("PyPI", "1.0.0-RC1", "1rc1")]
    [InlineData("PyPI", "v1.0.post0", "1.0-0")]
    [InlineData("Maven", "1.0.0.RELEASE", "1")]
    [InlineData("NuGet", "1.0.0.0", "1.0")]
    [InlineData("RubyGems", "1.0-rc1", "1.0.pre.rc1")]
    [InlineData("Debian", "0:1.0", "1.0-0")]
    [InlineData("Red Hat", "0:1.0-1", "1.0-1")]
    [InlineData("Alpine", "1.0~abc1-r0", "1.0")]
    public void Spellings_the_scheme_holds_equal_compare_equal(string ecosystem, string a, string b)
    {
        Assert.True(VersionSchemes.TryFor(ecosystem, out var scheme));
        Assert.Equal(0, scheme.Compare(a, b));
    }
}
