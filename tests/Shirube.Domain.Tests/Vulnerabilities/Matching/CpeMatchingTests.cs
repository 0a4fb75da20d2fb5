using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;
using static Shirube.Domain.Tests.Vulnerabilities.Matching.Records;

namespace Shirube.Domain.Tests.Vulnerabilities.Matching;

/// <summary>NVD and JVN CPE configurations on components that only have a CPE: the guards and AND configurations.</summary>
public sealed class CpeMatchingTests
{
    private static readonly CpeMatch OpenSslBounded = Vulnerable("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*") with
    {
        VersionStartIncluding = "1.0.2",
        VersionEndExcluding = "1.0.2u",
    };

    private static IReadOnlyList<ComponentMatch> Match(VulnerabilityRecord record, params Domain.Components.SbomComponent[] components) =>
        VulnerabilityIndex.Build([record]).Match(components);

    [Fact]
    public void A_component_inside_the_bounds_matches_and_the_match_says_which_bounds()
    {
        var match = Assert.Single(Match(Nvd("CVE-2020-1967", Or(OpenSslBounded)), CpeComponent("fw-ssl", "cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*")));

        Assert.Equal("CVE-2020-1967 (nvd): CPE cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:* meets cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:* "
            + "in configuration 1: version 1.0.2k is from 1.0.2 (including), below 1.0.2u", match.MatchedBy);
    }

    [Theory]
    [InlineData("cpe:2.3:a:openssl:openssl:1.0.2u:*:*:*:*:*:*:*", "the excluded end")]
    [InlineData("cpe:2.3:a:openssl:openssl:1.0.1t:*:*:*:*:*:*:*", "below the start")]
    [InlineData("cpe:2.3:a:opensssl:openssl:1.0.2k:*:*:*:*:*:*:*", "another vendor")]
    [InlineData("cpe:2.3:a:openssl:openssl_fips:1.0.2k:*:*:*:*:*:*:*", "another product")]
    [InlineData("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*", "a version-less component")]
    [InlineData("cpe:2.3:a:*:openssl:1.0.2k:*:*:*:*:*:*:*", "a component with any vendor")]
    [InlineData("cpe:2.3:h:openssl:openssl:1.0.2k:*:*:*:*:*:*:*", "hardware, not an application")]
    public void A_component_the_guards_refuse_does_not_match(string cpe, string what)
    {
        Assert.True(Match(Nvd("CVE-2020-1967", Or(OpenSslBounded)), CpeComponent("c", cpe)).Count == 0, what);
    }

    [Fact]
    public void Vendor_and_product_match_with_dash_for_underscore_and_in_any_case()
    {
        var record = Nvd("CVE-2024-0001", Or(Vulnerable("cpe:2.3:a:acme_corp:web_server:2.4.1:*:*:*:*:*:*:*")));

        Assert.Single(Match(record, CpeComponent("c", "cpe:2.3:a:Acme-Corp:Web-Server:2.4.1:*:*:*:*:*:*:*")));
    }

    [Fact]
    public void A_criterion_naming_a_version_matches_only_that_version()
    {
        var record = Nvd("CVE-2024-0002", Or(Vulnerable("cpe:2.3:a:acme:router_os:2.4.1:*:*:*:*:*:*:*")));

        Assert.Single(Match(record, CpeComponent("a", "cpe:2.3:a:acme:router_os:2.4.1:*:*:*:*:*:*:*")));
        Assert.Empty(Match(record, CpeComponent("b", "cpe:2.3:a:acme:router_os:2.4.2:*:*:*:*:*:*:*")));
    }

    [Fact]
    public void A_criterion_without_version_or_bounds_matches_every_version_and_says_so()
    {
        var record = Nvd("CVE-2024-0003", Or(Vulnerable("cpe:2.3:o:acme:camera_firmware:*:*:*:*:*:*:*:*")));

        var match = Assert.Single(Match(record, CpeComponent("fw", "cpe:2.3:o:acme:camera_firmware:3.1:*:*:*:*:*:*:*")));

        Assert.Contains("every version: the criterion names no version and no bounds, so 3.1 matches", match.MatchedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_criterion_naming_an_update_does_not_match_a_component_silent_about_its_update()
    {
        var record = Nvd("CVE-2024-0004", Or(Vulnerable("cpe:2.3:o:acme:os:5.0:sp1:*:*:*:*:*:*")));

        Assert.Empty(Match(record, CpeComponent("os", "cpe:2.3:o:acme:os:5.0:*:*:*:*:*:*:*")));
        Assert.Single(Match(record, CpeComponent("os", "cpe:2.3:o:acme:os:5.0:sp1:*:*:*:*:*:*")));
    }

    private static VulnerabilityRecord FirmwareOnDevice() => Nvd("CVE-2024-0005", new CpeConfiguration(CpeOperator.And,
    [
        new CpeNode(CpeOperator.Or, false, [Vulnerable("cpe:2.3:o:acme:cam_firmware:*:*:*:*:*:*:*:*") with { VersionEndExcluding = "2.0" }]),
        new CpeNode(CpeOperator.Or, false, [Platform("cpe:2.3:h:acme:cam_100:-:*:*:*:*:*:*:*")]),
    ]));

    [Fact]
    public void An_AND_configuration_matches_when_the_set_holds_its_platform_too()
    {
        var matches = Match(FirmwareOnDevice(),
            CpeComponent("fw", "cpe:2.3:o:acme:cam_firmware:1.5:*:*:*:*:*:*:*"),
            CpeComponent("hw", "cpe:2.3:h:acme:cam_100:-:*:*:*:*:*:*:*"));

        var match = Assert.Single(matches);
        Assert.Equal("fw", match.Component.Ref);
        Assert.Contains("AND of 2 nodes, every part found in this set", match.MatchedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void An_AND_configuration_does_not_match_without_its_platform()
    {
        Assert.Empty(Match(FirmwareOnDevice(), CpeComponent("fw", "cpe:2.3:o:acme:cam_firmware:1.5:*:*:*:*:*:*:*")));
        Assert.Empty(Match(FirmwareOnDevice(),
            CpeComponent("fw", "cpe:2.3:o:acme:cam_firmware:1.5:*:*:*:*:*:*:*"),
            CpeComponent("hw", "cpe:2.3:h:acme:cam_200:-:*:*:*:*:*:*:*")));
    }

    [Fact]
    public void A_negated_node_excludes_the_sets_that_hold_what_it_names()
    {
        var record = Nvd("CVE-2024-0006", new CpeConfiguration(CpeOperator.And,
        [
            new CpeNode(CpeOperator.Or, false, [Vulnerable("cpe:2.3:a:acme:agent:*:*:*:*:*:*:*:*") with { VersionEndIncluding = "3.0" }]),
            new CpeNode(CpeOperator.Or, true, [Platform("cpe:2.3:o:acme:hardened_os:*:*:*:*:*:*:*:*")]),
        ]));
        var agent = CpeComponent("agent", "cpe:2.3:a:acme:agent:3.0:*:*:*:*:*:*:*");

        Assert.Single(Match(record, agent));
        Assert.Empty(Match(record, agent, CpeComponent("os", "cpe:2.3:o:acme:hardened_os:7:*:*:*:*:*:*:*")));
    }

    [Fact]
    public void A_component_matched_through_its_purl_is_not_matched_again_through_its_CPE()
    {
        var osv = Osv("GHSA-TEST-2", Package("Go", "example.com/ssl", RangeType.Semver, "introduced:0"));
        var nvd = Nvd("CVE-2024-0007", Or(Vulnerable("cpe:2.3:a:example:ssl:*:*:*:*:*:*:*:*")));
        var component = Component("pkg:golang/example.com/ssl@1.0.0") with { Cpe = Domain.Packages.Cpe.Parse("cpe:2.3:a:example:ssl:1.0.0:*:*:*:*:*:*:*") };

        var match = Assert.Single(VulnerabilityIndex.Build([osv, nvd]).Match([component]));

        Assert.Equal("GHSA-TEST-2", match.Record.Id);
    }

    [Theory]
    [InlineData("1.0.2", "1.0.2k", -1)]
    [InlineData("1.0.2k", "1.0.2u", -1)]
    [InlineData("1.0.2a", "1.0.2", 1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("2.0-rc1", "2.0", -1)]
    [InlineData("2.0.beta", "2.0.1", -1)]
    [InlineData("01.2", "1.2", 0)]
    [InlineData("1.0-1", "1.0.1", 0)]
    [InlineData("5.4R2", "5.4r2", 0)]
    [InlineData("1.0.0.100000000000000000001", "1.0.0.100000000000000000000", 1)]
    public void CPE_versions_are_ordered_piece_by_piece(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(CpeVersionOrder.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(CpeVersionOrder.Compare(b, a)));
    }
}
