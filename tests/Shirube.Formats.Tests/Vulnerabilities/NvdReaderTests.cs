using System.Text;
using System.Text.Json;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public class NvdReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NvdPage ReadCorpus(string relative) => NvdReader.Read(File.ReadAllBytes(VulnerabilityCorpus.Path(relative)), Path.GetFileName(relative));

    [Theory]
    [InlineData("nvd-cve-samples/nvdcve-2.0", 23)]
    [InlineData("dependency-track-testdata/vuln-data-source/nvd/src/test/resources", 7)]
    public void Every_NVD_sample_reads_with_as_many_configurations_and_matches_as_it_holds(string folder, int files)
    {
        var paths = Directory.GetFiles(VulnerabilityCorpus.Path(folder), "*.json");
        Assert.Equal(files, paths.Length);
        foreach (var path in paths)
        {
            using var plain = JsonDocument.Parse(File.ReadAllBytes(path));
            var cve = plain.RootElement.TryGetProperty("vulnerabilities", out var list) ? list[0].GetProperty("cve") : plain.RootElement.GetProperty("cve");
            var configurations = cve.TryGetProperty("configurations", out var c) ? c.EnumerateArray().ToList() : [];

            var record = Assert.Single(NvdReader.Read(File.ReadAllBytes(path), Path.GetFileName(path)).Records);

            Assert.Equal(cve.GetProperty("id").GetString(), record.Id);
            Assert.Equal(VulnerabilitySource.Nvd, record.Source);
            Assert.Equal(configurations.Count, record.Configurations.Count);
            Assert.Equal(configurations.Sum(x => x.GetProperty("nodes").EnumerateArray().Sum(n => n.GetProperty("cpeMatch").GetArrayLength())),
                record.Configurations.Sum(x => x.Nodes.Sum(n => n.Matches.Count)));
            Assert.Equal(cve.GetProperty("vulnStatus").GetString() == "Rejected", record.IsWithdrawn);
        }
    }

    [Fact]
    public void An_AND_configuration_keeps_the_vulnerable_firmware_and_the_chip_it_runs_on()
    {
        var page = ReadCorpus("nvd-cve-samples/nvdcve-2.0/CVE-2020-13595.json");

        Assert.Equal((1, 0, 1, false), (page.ResultsPerPage, page.StartIndex, page.TotalResults, page.HasMore));
        var record = Assert.Single(page.Records);
        Assert.Equal("CVE-2020-13595", record.Id);
        Assert.Equal(new DateTimeOffset(2020, 9, 8, 21, 9, 33, 517, TimeSpan.Zero), record.Modified);
        Assert.Equal(new DateTimeOffset(2020, 8, 31, 15, 15, 10, 680, TimeSpan.Zero), record.Published);
        Assert.Equal(["CWE-617"], record.Cwes);
        Assert.Equal([new SeverityScore("CVSS_V3", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), new SeverityScore("CVSS_V2", "AV:A/AC:L/Au:N/C:N/I:N/A:P")], record.Severity);
        Assert.Equal("en", record.Language);
        Assert.StartsWith("The Bluetooth Low Energy (BLE) controller", record.Details, StringComparison.Ordinal);
        Assert.Equal(3, record.References.Count);

        var configuration = Assert.Single(record.Configurations);
        Assert.Equal(CpeOperator.And, configuration.Operator);
        Assert.Equal(2, configuration.Nodes.Count);
        var firmware = Assert.Single(configuration.Nodes[0].Matches);
        Assert.Equal((CpeOperator.Or, false), (configuration.Nodes[0].Operator, configuration.Nodes[0].Negate));
        Assert.Equal(("espressif", "esp-idf", "*", true), (firmware.Criteria.Vendor, firmware.Criteria.Product, firmware.Criteria.Version, firmware.Vulnerable));
        Assert.Equal(("4.0.0", null, "4.2", null), (firmware.VersionStartIncluding, firmware.VersionStartExcluding, firmware.VersionEndIncluding, firmware.VersionEndExcluding));
        var chip = Assert.Single(configuration.Nodes[1].Matches);
        Assert.Equal((CpePart.Hardware, "esp32", "-", false), (chip.Criteria.Part, chip.Criteria.Product, chip.Criteria.Version, chip.Vulnerable));
    }

    [Fact]
    public void A_CVSS_4_metric_is_kept_as_a_CVSS_V4_vector()
    {
        var record = Assert.Single(ReadCorpus("dependency-track-testdata/vuln-data-source/nvd/src/test/resources/CVE-2017-5638-cvssv4-rating.json").Records);

        Assert.Equal([new SeverityScore("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H")], record.Severity);
    }

    private const string Cve = """
        {"id":"CVE-2025-0001","published":"2025-01-01T00:00:00.000","lastModified":"2025-02-01T00:00:00.000","vulnStatus":"Analyzed",
         "descriptions":[{"lang":"es","value":"Texto"},{"lang":"en","value":"Text"}],
         "metrics":{
           "cvssMetricV2":[{"source":"nvd@nist.gov","type":"Primary","cvssData":{"version":"2.0","vectorString":"AV:N/AC:L/Au:N/C:P/I:N/A:N"}}],
           "cvssMetricV31":[{"source":"cna@example.org","type":"Secondary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}},
                            {"source":"nvd@nist.gov","type":"Primary","cvssData":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"}}]},
         "weaknesses":[{"source":"cna@example.org","type":"Secondary","description":[{"lang":"en","value":"CWE-20"}]},
                       {"source":"nvd@nist.gov","type":"Primary","description":[{"lang":"en","value":"NVD-CWE-Other"},{"lang":"en","value":"CWE-79"}]}],
         "configurations":[{"nodes":[{"operator":"OR","negate":false,"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:example:demo:*:*:*:*:*:*:*:*","versionStartExcluding":"1.0","versionEndExcluding":"2.0"}]}]}]}
        """;

    [Fact]
    public void Primary_scores_come_first_newest_version_first_and_only_real_CWE_ids_are_kept()
    {
        var record = Assert.Single(NvdReader.Read(Encoding.UTF8.GetBytes(Cve), "cve.json").Records);

        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", "AV:N/AC:L/Au:N/C:P/I:N/A:N", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"], record.Severity.Select(s => s.Score));
        Assert.Equal(["CWE-79", "CWE-20"], record.Cwes);
        Assert.Equal("Text", record.Details);
        var match = Assert.Single(Assert.Single(record.Configurations).Nodes).Matches[0];
        Assert.Equal(CpeOperator.Or, record.Configurations[0].Operator);
        Assert.Equal(("1.0", "2.0"), (match.VersionStartExcluding, match.VersionEndExcluding));
    }

    [Fact]
    public void A_rejected_CVE_is_withdrawn()
    {
        var rejected = Cve.Replace("\"Analyzed\"", "\"Rejected\"", StringComparison.Ordinal);

        var record = Assert.Single(NvdReader.Read(Encoding.UTF8.GetBytes($$"""{"cve":{{rejected}}}"""), "cve.json").Records);

        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), record.Withdrawn);
    }

    [Fact]
    public async Task A_page_keeps_its_paging_figures_to_ask_for_the_next_one()
    {
        var json = $$"""{"resultsPerPage":2,"startIndex":4,"totalResults":7,"format":"NVD_CVE","version":"2.0","vulnerabilities":[{"cve":{{Cve}}},{"cve":{{Cve.Replace("0001", "0002", StringComparison.Ordinal)}}}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var page = await NvdReader.ReadAsync(stream, "page.json", Ct);

        Assert.Equal(["CVE-2025-0001", "CVE-2025-0002"], page.Records.Select(r => r.Id));
        Assert.Equal((true, 6), (page.HasMore, page.NextStartIndex));
    }

    public sealed record BadCve(string Name, string Json, string Path)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<BadCve> BadCves => new(
        new BadCve("A criteria that is no CPE is refused at the criteria", Cve.Replace("cpe:2.3:a:example:demo", "cpe:9:a", StringComparison.Ordinal), "/cve/configurations/0/nodes/0/cpeMatch/0/criteria"),
        new BadCve("An operator that is neither AND nor OR is refused at the operator", Cve.Replace("\"operator\":\"OR\"", "\"operator\":\"XOR\"", StringComparison.Ordinal), "/cve/configurations/0/nodes/0/operator"),
        new BadCve("Configurations given as a text are refused at configurations", Cve.Replace("\"configurations\":[", "\"configurations\":\"x\",\"other\":[", StringComparison.Ordinal), "/cve/configurations"),
        new BadCve("An id that is no CVE id is refused at the id", Cve.Replace("CVE-2025-0001", "GHSA-xxxx", StringComparison.Ordinal), "/cve/id"),
        new BadCve("A match that does not say whether it is vulnerable is refused there", Cve.Replace("\"vulnerable\":true,", "", StringComparison.Ordinal), "/cve/configurations/0/nodes/0/cpeMatch/0/vulnerable"));

    [Theory]
    [MemberData(nameof(BadCves))]
    public void A_bad_CVE_names_the_file_and_the_place(BadCve bad)
    {
        var e = Assert.Throws<VulnerabilityFormatException>(() => NvdReader.Read(Encoding.UTF8.GetBytes($$"""{"cve":{{bad.Json}}}"""), "cve.json"));

        Assert.Equal(("cve.json", bad.Path), (e.File, e.Path));
    }

    [Fact]
    public void A_JSON_document_that_is_not_NVD_is_refused_as_such()
    {
        var e = Assert.Throws<VulnerabilityFormatException>(() => NvdReader.Read("""{"catalogVersion":"1"}"""u8.ToArray(), "kev.json"));

        Assert.Contains("NVD", e.Reason, StringComparison.Ordinal);
    }
}
