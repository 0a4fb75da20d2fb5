using System.Text;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public class JvnReaderTests
{
    private const string MyJvn = "jvn/MyJVN-np/examples/hnd/";
    private const string Detail = "jvn/vuls-data-update/pkg/fetch/jvn/feed/detail/testdata/fixtures/";
    private const string Feeds = "jvn/vuls-data-update/pkg/fetch/jvn/feed/rss/testdata/fixtures/";

    private static IReadOnlyList<VulnerabilityRecord> ReadCorpus(string relative)
    {
        using var stream = File.OpenRead(VulnerabilityCorpus.Path(relative));
        return JvnReader.Read(stream, Path.GetFileName(relative));
    }

    /// <summary>What INDEX.md and the file itself say a JVN file holds: its record ids, and for the first record its CVEs (from advisory related items or CVE/NVD references) and the vendor:product of its CPEs.</summary>
    public sealed record JvnFile(string File, string[] Ids, string[] FirstCves, string[] FirstCpes)
    {
        public override string ToString() => $"{System.IO.Path.GetFileName(File)} holds {string.Join(", ", Ids)}";
    }

    public static TheoryData<JvnFile> Files => new(
        new JvnFile(MyJvn + "getVulnDetailInfo_hnd_JVNDB-2017-009608.xml", ["JVNDB-2017-009608"], ["CVE-2017-14937"], ["pcu:pcu"]),
        new JvnFile(MyJvn + "getVulnDetailInfo_hnd_JVNDB-2018-009328.xml", ["JVNDB-2018-009328"], [], ["veritas:netbackup", "hitachi:jp1_veritas_netbackup"]),
        new JvnFile(MyJvn + "getVulnDetailInfo_hnd_JVNDB-2021-002774.xml", ["JVNDB-2021-002774"], ["CVE-2021-36745"], ["trendmicro:serverprotect"]),
        new JvnFile(MyJvn + "getVulnDetailInfo_hnd_JVNDB-2022-000097.xml", ["JVNDB-2022-000097"], ["CVE-2022-41993", "CVE-2022-46287", "CVE-2022-46288"], ["jacic:electronic_bidding_core_system"]),
        new JvnFile(MyJvn + "dataFeed_jvndb_detail_hnd.xml", ["JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003", "JVNDB-2017-009608", "JVNDB-2018-009328", "JVNDB-2021-002774", "JVNDB-2022-000097"], [], ["planex:mzk-dp300n"]),
        new JvnFile(MyJvn + "getVulnOverviewList_hnd.xml", ["JVNDB-2025-002953", "JVNDB-2025-002884"], ["CVE-2025-31084"], ["sunshinephotocart:sunshine_photo_cart"]),
        // This excerpt names CVE-2021-44228 only in its texts, not in a related item: no alias.
        new JvnFile(Detail + "jvndb_detail_2021.rdf", ["JVNDB-2021-005429"], [], ["apache:log4j", "nec:acos_access_toolkit"]),
        new JvnFile(Detail + "jvndb_detail_2022.rdf", ["JVNDB-2022-000001", "JVNDB-2022-000002"], [], []),
        new JvnFile(Detail + "jvndb_detail_2023.rdf", ["JVNDB-2022-017704", "JVNDB-2023-004315"], [], ["linux:linux_kernel"]),
        new JvnFile(Feeds + "jvndb_2007.rdf", ["JVNDB-2007-000127"], ["CVE-2007-0851"], ["trendmicro:scan_engine"]),
        new JvnFile(Feeds + "jvndb_2011.rdf", ["JVNDB-2011-001013"], ["CVE-2011-0346"], ["microsoft:internet_explorer"]),
        new JvnFile(Feeds + "jvndb_2021.rdf", ["JVNDB-2021-005429"], ["CVE-2021-44228"], ["apache:log4j"]),
        new JvnFile(Feeds + "jvndb_2022.rdf", ["JVNDB-2021-018345", "JVNDB-2022-000001", "JVNDB-2023-002068"], [], []),
        new JvnFile(Feeds + "jvndb_2023.rdf", ["JVNDB-2022-017708", "JVNDB-2023-000001"], [], []),
        new JvnFile(Feeds + "jvndb.rdf", ["JVNDB-2023-000001"], ["CVE-2022-46648", "CVE-2022-47318"], ["misc:ruby-git_ruby-git"]),
        new JvnFile(Feeds + "jvndb_new.rdf", ["JVNDB-2023-004814", "JVNDB-2022-020469"], [], []));

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_JVN_file_gives_its_records_in_Japanese_with_their_CVEs_and_CPEs(JvnFile expected)
    {
        var records = ReadCorpus(expected.File);

        Assert.Equal(expected.Ids, records.Select(r => r.Id));
        Assert.All(records, r => Assert.Equal(("ja", VulnerabilitySource.Jvn), (r.Language, r.Source)));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.Summary)));
        if (expected.FirstCves.Length > 0 || expected.Ids.Length == 1)
            Assert.Equal(expected.FirstCves.Order(StringComparer.Ordinal), records[0].Aliases.Order(StringComparer.Ordinal));
        if (expected.FirstCpes.Length > 0)
            Assert.Equal(expected.FirstCpes, records[0].Configurations.SelectMany(c => c.Nodes).SelectMany(n => n.Matches).Select(m => $"{m.Criteria.Vendor}:{m.Criteria.Product}").Distinct());
    }

    [Fact]
    public void A_VULDEF_record_keeps_its_title_dates_scores_CWE_and_each_CVE_once()
    {
        var record = Assert.Single(ReadCorpus(MyJvn + "getVulnDetailInfo_hnd_JVNDB-2017-009608.xml"));

        Assert.Equal("エアバッグコントロールユニットにおける暗号アルゴリズムの使用に関する脆弱性", record.Summary);
        Assert.StartsWith("2014 年以降に製造された不特定の乗用車", record.Details, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2017, 11, 16, 15, 6, 40, TimeSpan.FromHours(9)), record.Published);
        Assert.Equal(new DateTimeOffset(2017, 11, 16, 15, 6, 40, TimeSpan.FromHours(9)), record.Modified);
        Assert.Equal([new SeverityScore("CVSS_V2", "AV:L/AC:M/Au:N/C:P/I:N/A:N"), new SeverityScore("CVSS_V3", "CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N")], record.Severity);
        Assert.Equal(["CWE-327"], record.Cwes);
        Assert.Equal(["CVE-2017-14937"], record.Aliases);
        // The empty VersionNumber states no version: the match is version-less.
        var match = Assert.Single(Assert.Single(Assert.Single(record.Configurations).Nodes).Matches);
        Assert.Equal(("*", null, null, null), (match.Criteria.Version, match.VersionStartIncluding, match.VersionEndIncluding, match.VersionEndExcluding));
    }

    [Fact]
    public void A_record_without_Cvss_has_no_score()
    {
        Assert.Empty(Assert.Single(ReadCorpus(MyJvn + "getVulnDetailInfo_hnd_JVNDB-2021-002774.xml")).Severity);
    }

    [Fact]
    public void Version_texts_in_a_common_form_bound_the_match_and_others_leave_it_version_less()
    {
        var log4j = Assert.Single(ReadCorpus(Detail + "jvndb_detail_2021.rdf"));

        var apache = log4j.Configurations[0].Nodes[0].Matches;
        Assert.Equal(2, apache.Count);
        Assert.Equal(("2.13.0", "2.15.0"), (apache[0].VersionStartIncluding, apache[0].VersionEndExcluding));
        // "core 2.0-beta9 から 2.12.1 より前のバージョン" names a component: no bound is read from it.
        Assert.Equal(("*", null, null, null), (apache[1].Criteria.Version, apache[1].VersionStartIncluding, apache[1].VersionEndExcluding, apache[1].VersionEndIncluding));
        var kernel = ReadCorpus(Detail + "jvndb_detail_2023.rdf")[0].Configurations[0].Nodes[0].Matches[0];
        Assert.Equal(("linux_kernel", "5.16.3"), (kernel.Criteria.Product, kernel.VersionEndExcluding));
    }

    [Fact]
    public void A_plain_version_makes_an_exact_match_and_an_item_without_a_CPE_makes_none()
    {
        var feed = ReadCorpus(MyJvn + "dataFeed_jvndb_detail_hnd.xml");

        var exact = feed.SelectMany(r => r.Configurations).SelectMany(c => c.Nodes).SelectMany(n => n.Matches).Where(m => m.Criteria.Version != "*").Select(m => m.Criteria.Version).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["7.7", "8.0", "8.1"], exact);
        var firmware = feed[0].Configurations[0].Nodes[0].Matches[0];
        Assert.Equal(("mzk-dp300n", "1.05"), (firmware.Criteria.Product, firmware.VersionEndIncluding));
    }

    [Fact]
    public void An_old_namespace_RSS_feed_keeps_its_CVE_score_and_a_description_without_carriage_returns()
    {
        var record = Assert.Single(ReadCorpus(Feeds + "jvndb_2021.rdf"));

        Assert.Equal("Apache Log4j における任意のコードが実行可能な脆弱性", record.Summary);
        Assert.DoesNotContain('\r', record.Details!);
        Assert.Equal(["CWE-20"], record.Cwes);
        Assert.Equal([new SeverityScore("CVSS_V2", "AV:N/AC:M/Au:N/C:C/I:C/A:C"), new SeverityScore("CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")], record.Severity);
        Assert.Equal(new DateTimeOffset(2022, 12, 15, 10, 24, 0, TimeSpan.FromHours(9)), record.Modified);
        Assert.Equal(new DateTimeOffset(2021, 12, 14, 16, 37, 0, TimeSpan.FromHours(9)), record.Published);
    }

    [Fact]
    public void The_JVNDB_RSS_data_feed_that_is_not_well_formed_is_refused_at_its_line()
    {
        var e = Assert.Throws<VulnerabilityFormatException>(() => ReadCorpus(MyJvn + "dataFeed_jvndb_rss_hnd.xml"));

        Assert.StartsWith("line 116,", e.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_MyJVN_product_dictionary_is_refused_as_no_vulnerability_data()
    {
        var e = Assert.Throws<VulnerabilityFormatException>(() => ReadCorpus("jvn/vuls-data-update/pkg/fetch/jvn/feed/product/testdata/fixtures/myjvn_product_202311.rdf"));

        Assert.Equal("/Result", e.Path);
    }

    public sealed record HostileXml(string Name, string Xml)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<HostileXml> HostileDocuments => new(
        new HostileXml("An internal entity expansion (billion laughs) is refused", """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><VULDEF-Document xmlns="http://jvn.jp/vuldef/">&b;</VULDEF-Document>"""),
        new HostileXml("An external entity naming a local file is refused", """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><VULDEF-Document xmlns="http://jvn.jp/vuldef/"><Vulinfo><VulinfoID>&x;</VulinfoID></Vulinfo></VULDEF-Document>"""),
        new HostileXml("A document that ends early is refused", """<VULDEF-Document xmlns="http://jvn.jp/vuldef/"><Vulinfo>"""));

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void Hostile_XML_is_refused_before_anything_is_read(HostileXml hostile)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(hostile.Xml));

        var e = Assert.Throws<VulnerabilityFormatException>(() => JvnReader.Read(stream, "hostile.xml"));

        Assert.Equal("hostile.xml", e.File);
        Assert.StartsWith("line ", e.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_its_id_is_refused_at_the_element()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""<VULDEF-Document xmlns="http://jvn.jp/vuldef/"><Vulinfo><VulinfoData/></Vulinfo></VULDEF-Document>"""));

        var e = Assert.Throws<VulnerabilityFormatException>(() => JvnReader.Read(stream, "bad.xml"));

        Assert.Equal("/VULDEF-Document/Vulinfo[1]/VulinfoID", e.Path);
    }
}
