using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;
using static Shirube.Domain.Tests.Vulnerabilities.Matching.Records;

namespace Shirube.Domain.Tests.Vulnerabilities.Matching;

/// <summary>"Which product versions contain X?" and "which product versions does this new record affect?".</summary>
public sealed class PortfolioIndexTests
{
    private static readonly Guid Router1 = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Router2 = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Camera = new("00000000-0000-0000-0000-000000000003");

    private static PortfolioIndex Portfolio()
    {
        var portfolio = new PortfolioIndex();
        portfolio.Set(Router1, [Component("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"), Component("pkg:pypi/django@4.2.0"),
            CpeComponent("fw", "cpe:2.3:o:acme:router_firmware:1.0:*:*:*:*:*:*:*")]);
        portfolio.Set(Router2, [Component("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"), Component("pkg:cargo/serde_json@1.0.0")]);
        portfolio.Set(Camera, [Component("pkg:golang/github.com/gin-gonic/gin@v1.5.0"), CpeComponent("ssl", "cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*")]);
        return portfolio;
    }

    private static Guid[] Versions(IEnumerable<PortfolioHit> hits) => [.. hits.Select(h => h.ProductVersionId).Distinct().Order()];

    [Theory]
    [InlineData("log4j-core")]
    [InlineData("Log4j-Core")]
    [InlineData("org.apache.logging.log4j:log4j-core")]
    public void A_package_name_finds_every_product_version_that_ships_it(string name) =>
        Assert.Equal([Router1, Router2], Versions(Portfolio().FindName(name)));

    [Fact]
    public void A_purl_without_a_version_finds_every_version_of_the_package()
    {
        var hits = Portfolio().Find(PackageUrl.Parse("pkg:maven/org.apache.logging.log4j/log4j-core"));

        Assert.Equal(["2.14.1", "2.17.1"], hits.Select(h => h.Component.Version).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_purl_with_a_version_finds_only_that_version()
    {
        var hit = Assert.Single(Portfolio().Find(PackageUrl.Parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")));

        Assert.Equal((Router2, "2.17.1"), (hit.ProductVersionId, hit.Component.Version));
    }

    [Fact]
    public void A_purl_finds_a_crate_written_with_the_other_separator() =>
        Assert.Equal([Router2], Versions(Portfolio().Find(PackageUrl.Parse("pkg:cargo/serde-json"))));

    [Theory]
    [InlineData("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*", true)]
    [InlineData("cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*", true)]
    [InlineData("cpe:2.3:a:openssl:openssl:1.1.1:*:*:*:*:*:*:*", false)]
    public void A_CPE_finds_the_product_versions_with_that_vendor_and_product(string cpe, bool found) =>
        Assert.Equal(found ? [Camera] : [], Versions(Portfolio().Find(Cpe.Parse(cpe))));

    [Fact]
    public void A_new_record_affects_only_the_product_versions_whose_component_is_in_its_range()
    {
        var record = Osv("GHSA-jfh8-c2jp-5v3q",
            Package("Maven", "org.apache.logging.log4j:log4j-core", RangeType.Semver, "introduced:2.0.0 fixed:2.15.0"));

        var match = Assert.Single(Portfolio().Affected(record));

        Assert.Equal(Router1, match.ProductVersionId);
        Assert.Equal("2.14.1", match.Match.Component.Version);
    }

    [Fact]
    public void A_new_NVD_record_affects_the_product_versions_whose_CPE_component_it_meets()
    {
        var record = Nvd("CVE-2020-1967", Or(Vulnerable("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*") with { VersionStartIncluding = "1.0.2", VersionEndExcluding = "1.0.2u" }));

        Assert.Equal([Camera], Portfolio().Affected(record).Select(m => m.ProductVersionId));
    }

    [Fact]
    public void Replacing_a_product_versions_components_drops_the_old_ones()
    {
        var portfolio = Portfolio();

        portfolio.Set(Router1, [Component("pkg:pypi/django@5.0.0")]);

        Assert.Equal([Router2], Versions(portfolio.FindName("log4j-core")));
        Assert.Equal("5.0.0", Assert.Single(portfolio.FindName("django")).Component.Version);
    }
}
