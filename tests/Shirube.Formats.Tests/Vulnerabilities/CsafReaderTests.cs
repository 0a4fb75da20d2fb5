using System.Text;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public partial class CsafReaderTests
{
    private static CsafAdvisory ReadCorpus(string relative) =>
        CsafReader.Read(File.ReadAllBytes(VulnerabilityCorpus.Path(relative)), Path.GetFileName(relative));

    private static string[] Cpes(VulnerabilityRecord record) =>
        [.. record.Configurations.SelectMany(c => c.Nodes).SelectMany(n => n.Matches).Select(m => m.Criteria.ToString()).Order(StringComparer.Ordinal)];

    public static TheoryData<string, string[], int> CorpusDocuments => new()
    {
        // Every document of the CSAF examples and the Red Hat advisories of osv-schema, with the record ids it gives
        // and how many of its affected products name nothing to match (every one of them names no purl or CPE). The
        // Cisco advisory names its 259 affected IOS releases by name only; RHSA-2019:1862 has no vulnerabilities.
        { "csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json", ["BSI-2022-0001#CVE-2022-27193"], 0 },
        { "csaf/csaf_2.0/examples/csaf/cisco-sa-20180328-smi2.json", ["cisco-sa-20180328-smi2#CVE-2018-0171"], 259 },
        { "csaf/csaf_2.0/examples/csaf/rhsa-2019_1862.json", [], 0 },
        { "csaf/csaf_2.0/examples/csaf/rhsa-2021_5186.json", ["RHSA-2021:5186#CVE-2021-4104", "RHSA-2021:5186#CVE-2021-4125"], 0 },
        { "csaf/csaf_2.0/examples/csaf/rhsa-2022_0011.json", ["RHSA-2022:0011#CVE-2020-10188"], 0 },
        { "csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-a-001.json", ["2022-EVD-UC-01-A-001#CVE-2021-44228"], 1 },
        { "csaf/csaf_2.0/examples/csaf/csaf_vex/sec-vex-2022-0001.json", ["SEC-VEX-2022-0001#CVE-2021-44228", "SEC-VEX-2022-0001#CVE-2021-45046", "SEC-VEX-2022-0001#CVE-2021-45105"], 0 },
        { "osv-schema/tools/redhat/testdata/CSAF/rhsa-2024_4546.json", ["RHSA-2024:4546#CVE-2023-45288"], 0 },
        { "osv-schema/tools/redhat/testdata/CSAF/rhsa-2015_0008.json", ["RHSA-2015:0008#CVE-2014-7823"], 0 },
    };

    [Theory]
    [MemberData(nameof(CorpusDocuments))]
    public void A_corpus_document_gives_one_record_per_vulnerability_named_by_tracking_id_and_CVE_with_the_CVE_as_alias(string relative, string[] ids, int skipped)
    {
        using var plain = VulnerabilityCorpus.Json(relative);
        var vulnerabilities = plain.RootElement.TryGetProperty("vulnerabilities", out var list) ? list.EnumerateArray().ToList() : [];

        var advisory = ReadCorpus(relative);

        Assert.Equal(ids, advisory.Records.Select(r => r.Id));
        Assert.Equal(plain.RootElement.GetProperty("document").GetProperty("tracking").GetProperty("id").GetString(), advisory.TrackingId);
        Assert.Equal(skipped, advisory.Skipped.Count);
        Assert.All(advisory.Skipped, s => Assert.Equal("no purl or CPE in its product identification helper", s.Reason));
        for (var i = 0; i < vulnerabilities.Count; i++)
        {
            var record = advisory.Records[i];
            Assert.Equal(VulnerabilitySource.Csaf, record.Source);
            Assert.Contains(vulnerabilities[i].GetProperty("cve").GetString(), record.Aliases);
            Assert.Equal(DateTimeOffset.Parse(plain.RootElement.GetProperty("document").GetProperty("tracking").GetProperty("current_release_date").GetString()!,
                System.Globalization.CultureInfo.InvariantCulture), record.Modified);
        }
    }

    [Fact]
    public void The_Red_Hat_advisories_list_only_fixed_packages_so_their_records_affect_nothing()
    {
        // Red Hat's RHSAs name the fixed builds (fixed) and nothing as affected: nothing is inferred from a fixed build.
        foreach (var name in new[] { "rhsa-2015_0008", "rhsa-2024_4420", "rhsa-2024_4546", "rhsa-2024_6220" })
        {
            var relative = $"osv-schema/tools/redhat/testdata/CSAF/{name}.json";
            using var plain = VulnerabilityCorpus.Json(relative);
            var advisory = ReadCorpus(relative);

            Assert.Equal(plain.RootElement.GetProperty("vulnerabilities").GetArrayLength(), advisory.Records.Count);
            Assert.All(advisory.Records, r => Assert.Equal((0, 0), (r.Affected.Count, r.Configurations.Count)));
            Assert.Empty(advisory.Skipped);
        }
    }

    [Fact]
    public void The_git_lfs_advisory_keeps_title_CWE_CVSS_and_language_and_leaves_out_the_bare_Bugzilla_number()
    {
        var record = Assert.Single(ReadCorpus("osv-schema/tools/redhat/testdata/CSAF/rhsa-2024_4546.json").Records);

        Assert.Equal("RHSA-2024:4546#CVE-2023-45288", record.Id);
        Assert.Equal(["CVE-2023-45288"], record.Aliases);
        Assert.Equal("golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS", record.Summary);
        Assert.Equal(["CWE-400"], record.Cwes);
        Assert.Equal([new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H")], record.Severity);
        Assert.Equal("en", record.Language);
        Assert.Equal(new DateTimeOffset(2024, 7, 16, 13, 38, 3, TimeSpan.Zero), record.Modified);
        Assert.Contains("https://access.redhat.com/security/cve/CVE-2023-45288", record.References);
    }

    [Fact]
    public void The_BSI_advisory_affects_the_five_converter_versions_by_CPE_and_not_the_fixed_rc2()
    {
        var record = Assert.Single(ReadCorpus("csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json").Records);

        Assert.Equal(
            ["1.0.0-alpha", "1.0.0-dev1", "1.0.0-dev2", "1.0.0-dev3", "1.0.0-rc1"],
            record.Configurations.SelectMany(c => c.Nodes).SelectMany(n => n.Matches).Select(m => m.Criteria.Version).Order(StringComparer.Ordinal));
        Assert.All(Cpes(record), c => Assert.StartsWith("cpe:2.3:a:csaf-tools:cvrf-csaf-converter:", c, StringComparison.Ordinal));
        Assert.Empty(record.Affected);
        // Its other id is an issue reference of a repository, not a database id: not an alias.
        Assert.Equal(["CVE-2022-27193"], record.Aliases);
        Assert.Equal(["CWE-611"], record.Cwes);
        Assert.Equal([new SeverityScore("CVSS_V3", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C")], record.Severity);
        Assert.StartsWith("CSAF Tools CVRF-CSAF-Converter 1.0.0-rc1 resolves XML External Entities", record.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_VEX_product_without_purl_or_CPE_is_skipped_and_named()
    {
        var advisory = ReadCorpus("csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-a-001.json");

        var skipped = Assert.Single(advisory.Skipped);
        Assert.Equal("CSAFPID-0001", skipped.ProductId);
        Assert.Contains("no purl or CPE", skipped.Reason, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(advisory.Records).Affected);
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
