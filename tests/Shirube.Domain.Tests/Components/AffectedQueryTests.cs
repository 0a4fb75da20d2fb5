using Shirube.Domain.Components;
using Shirube.Domain.Packages;

namespace Shirube.Domain.Tests.Components;

/// <summary>What an "am I affected?" query is read as, and the search keys packages are stored under.</summary>
public sealed class AffectedQueryTests
{
    /// <summary>A typed query, the kind it must be read as, the text kept and the version it asks for.</summary>
    public sealed record Reads(string Typed, AffectedQueryKind Kind, string Text, string? Version)
    {
        public override string ToString() => $"'{Typed}' is a {Kind} query for {Text}" + (Version is null ? " in every version" : $" in {Version}");
    }

    public static TheoryData<Reads> Readings => new(
        new Reads("log4j-core", AffectedQueryKind.PackageName, "log4j-core", null),
        new Reads("spring-boot-starter", AffectedQueryKind.PackageName, "spring-boot-starter", null),
        new Reads("go-yaml", AffectedQueryKind.PackageName, "go-yaml", null),
        new Reads("  openssl ", AffectedQueryKind.PackageName, "openssl", null),
        new Reads("pkg:maven/org.apache.logging.log4j/log4j-core", AffectedQueryKind.Purl, "pkg:maven/org.apache.logging.log4j/log4j-core", null),
        new Reads("pkg:npm/%40babel/core@7.0.0", AffectedQueryKind.Purl, "pkg:npm/%40babel/core@7.0.0", "7.0.0"),
        new Reads("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*", AffectedQueryKind.Cpe, "cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*", null),
        new Reads("cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*", AffectedQueryKind.Cpe, "cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*", "1.1.1k"),
        new Reads("cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*", AffectedQueryKind.Cpe, "cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*", null),
        new Reads("cve-2021-44228", AffectedQueryKind.VulnerabilityId, "CVE-2021-44228", null),
        new Reads("GHSA-JFH8-C2JP-5V3Q", AffectedQueryKind.VulnerabilityId, "GHSA-jfh8-c2jp-5v3q", null),
        new Reads("GO-2022-0969", AffectedQueryKind.VulnerabilityId, "GO-2022-0969", null),
        new Reads("RUSTSEC-2021-0078", AffectedQueryKind.VulnerabilityId, "RUSTSEC-2021-0078", null),
        new Reads("JVNDB-2021-005555", AffectedQueryKind.VulnerabilityId, "JVNDB-2021-005555", null),
        new Reads("RHSA-2021:5137", AffectedQueryKind.VulnerabilityId, "RHSA-2021:5137", null));

    [Theory]
    [MemberData(nameof(Readings))]
    public void A_query_is_read_by_what_it_starts_with(Reads c)
    {
        var query = AffectedQuery.Parse(c.Typed);
        Assert.Equal((c.Kind, c.Text, c.Version), (query.Kind, query.Text, query.Version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_query_is_refused_naming_q(string typed) =>
        Assert.Equal(("Components.QueryRequired", "q"), Refusal(typed));

    [Fact]
    public void A_purl_that_does_not_parse_is_refused_naming_q() =>
        Assert.Equal(("Common.UnknownValue", "q"), Refusal("pkg:"));

    private static (string, string?) Refusal(string typed)
    {
        var e = Assert.Throws<DomainException>(() => AffectedQuery.Parse(typed));
        return (e.Error.Code, e.Field);
    }

    /// <summary>A purl, the search key it is stored under and the purl that finds all its versions.</summary>
    public sealed record Keyed(string Purl, string? Ecosystem, string Name, string ShortName, string Base)
    {
        public override string ToString() => $"{Purl} is kept as {Ecosystem} {Name}";
    }

    public static TheoryData<Keyed> Keys => new(
        new Keyed("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "maven", "org.apache.logging.log4j:log4j-core", "log4j-core", "pkg:maven/org.apache.logging.log4j/log4j-core"),
        new Keyed("pkg:pypi/Zope.Interface@5.0", "pypi", "zope-interface", "zope-interface", "pkg:pypi/zope.interface"),
        new Keyed("pkg:npm/%40babel/core@7.0.0", "npm", "@babel/core", "core", "pkg:npm/%40babel/core"),
        new Keyed("pkg:golang/github.com/gin-gonic/gin@v1.9.0", "go", "github.com/gin-gonic/gin", "gin", "pkg:golang/github.com/gin-gonic/gin"),
        new Keyed("pkg:deb/debian/openssl@1.1.1n-0+deb11u5?arch=amd64", "debian", "openssl", "openssl", "pkg:deb/debian/openssl"),
        new Keyed("pkg:apk/alpine/busybox@1.36.1-r5", "alpine", "busybox", "busybox", "pkg:apk/alpine/busybox"),
        new Keyed("pkg:cargo/openssl@0.10.55", "crates.io", "openssl", "openssl", "pkg:cargo/openssl"));

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_purl_is_kept_under_its_ecosystem_and_normalised_name(Keyed c)
    {
        var purl = PackageUrl.Parse(c.Purl);
        var key = SearchKey.Of(purl);
        Assert.Equal((c.Ecosystem, c.Name, c.ShortName, c.Base), (key.Ecosystem, key.Name, ProductComponent.ShortOf(key.Name), AffectedQuery.BaseOf(purl)));
    }

    [Fact]
    public void A_records_package_meets_the_components_key_whatever_the_release_suffix_and_case() =>
        Assert.Equal(SearchKey.Of(PackageUrl.Parse("pkg:deb/debian/OpenSSL@3.0.11")), SearchKey.Of("Debian:12", "openssl"));
}
