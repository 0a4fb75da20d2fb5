using System.Text;
using System.Text.Json;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public partial class OsvReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Theory]
    [InlineData("osv-golang-vulndb/data/osv", 4291)]
    [InlineData("osv-rustsec/crates", 1206)]
    public async Task Every_real_record_of_a_database_reads_with_its_packages_ranges_and_withdrawal(string folder, int count)
    {
        var directory = VulnerabilityCorpus.Path(folder);
        var records = await VulnerabilityCorpus.ToListAsync(OsvReader.ReadDirectoryAsync(directory, ct: Ct));

        // What each file says, read as plain JSON.
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement).ToList();
        Assert.Equal(count, records.Count);
        Assert.Equal(files.Select(f => f.GetProperty("id").GetString()), records.Select(r => r.Id));
        Assert.Equal(files.Where(f => f.TryGetProperty("withdrawn", out _)).Select(f => f.GetProperty("id").GetString()), records.Where(r => r.IsWithdrawn).Select(r => r.Id));
        Assert.Contains(records, r => r.IsWithdrawn);
        Assert.Equal(files.Sum(f => Items(f, "affected").Length), records.Sum(r => r.Affected.Count));
        Assert.Equal(files.Sum(f => Items(f, "affected").SelectMany(a => Items(a, "ranges")).SelectMany(g => Items(g, "events")).Count()),
            records.Sum(r => r.Affected.Sum(a => a.Ranges.Sum(g => g.Events.Count))));
        // Some Go records list an alias twice; it is kept once.
        Assert.Equal(files.Sum(f => Items(f, "aliases").Select(a => a.GetString()).Distinct().Count()), records.Sum(r => r.Aliases.Count));
        // Every real range starts somewhere, and every package is named in an ecosystem.
        Assert.All(records.SelectMany(r => r.Affected), a => Assert.All(a.Ranges, g => Assert.Contains(g.Events, e => e.Kind == RangeEventKind.Introduced)));
        Assert.All(records.SelectMany(r => r.Affected), a => Assert.False(string.IsNullOrEmpty(a.Name) || string.IsNullOrEmpty(a.Ecosystem)));
    }

    private static JsonElement[] Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    [Fact]
    public async Task A_Go_record_keeps_its_aliases_package_range_and_references()
    {
        await using var file = File.OpenRead(VulnerabilityCorpus.Path("osv-golang-vulndb/data/osv/GO-2020-0001.json"));
        var record = await OsvReader.ReadAsync(file, "GO-2020-0001.json", ct: Ct);

        Assert.Equal(("GO-2020-0001", VulnerabilitySource.Osv), (record.Id, record.Source));
        Assert.Equal(DateTimeOffset.MinValue, record.Modified);
        Assert.Equal(new DateTimeOffset(2021, 4, 14, 20, 4, 52, TimeSpan.Zero), record.Published);
        Assert.Equal(["CVE-2020-36567", "GHSA-6vm3-jj99-7229"], record.Aliases);
        Assert.Equal("Arbitrary log line injection in github.com/gin-gonic/gin", record.Summary);
        Assert.False(record.IsWithdrawn);
        var affected = Assert.Single(record.Affected);
        Assert.Equal(("Go", "github.com/gin-gonic/gin"), (affected.Ecosystem, affected.Name));
        var range = Assert.Single(affected.Ranges);
        Assert.Equal(RangeType.Semver, range.Type);
        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "0"), new RangeEvent(RangeEventKind.Fixed, "1.6.0")], range.Events);
        Assert.Equal(["https://github.com/gin-gonic/gin/pull/2237", "https://github.com/gin-gonic/gin/commit/a71af9c144f9579f6dbe945341c1df37aaf09c0d"], record.References);
        Assert.Empty(record.Severity);
    }

    [Fact]
    public async Task A_RustSec_record_keeps_its_CVSS_vector_purl_and_prerelease_lower_bound()
    {
        await using var file = File.OpenRead(VulnerabilityCorpus.Path("osv-rustsec/crates/RUSTSEC-2016-0001.json"));
        var record = await OsvReader.ReadAsync(file, "RUSTSEC-2016-0001.json", ct: Ct);

        Assert.Equal(new DateTimeOffset(2023, 6, 13, 13, 10, 24, TimeSpan.Zero), record.Modified);
        Assert.Equal(["CVE-2016-10931", "GHSA-34p9-f4q3-c4r7"], record.Aliases);
        Assert.Empty(record.Related);
        Assert.Equal([new SeverityScore("CVSS_V3", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H")], record.Severity);
        var affected = Assert.Single(record.Affected);
        Assert.Equal(("crates.io", "openssl", "pkg:cargo/openssl"), (affected.Ecosystem, affected.Name, affected.Purl?.ToString()));
        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "0.0.0-0"), new RangeEvent(RangeEventKind.Fixed, "0.9.0")], Assert.Single(affected.Ranges).Events);
        Assert.Empty(affected.Versions);
        Assert.Equal(3, record.References.Count);
    }

    [Fact]
    public async Task A_withdrawn_Go_record_says_when_it_was_withdrawn()
    {
        await using var file = File.OpenRead(VulnerabilityCorpus.Path("osv-golang-vulndb/data/osv/GO-2022-0617.json"));
        var record = await OsvReader.ReadAsync(file, "GO-2022-0617.json", ct: Ct);

        Assert.True(record.IsWithdrawn);
        Assert.Equal(new DateTimeOffset(2024, 8, 21, 16, 25, 56, TimeSpan.Zero), record.Withdrawn);
    }

    [Fact]
    public async Task A_GitHub_advisory_gives_its_CWE_ids_and_purl()
    {
        await using var file = File.OpenRead(VulnerabilityCorpus.Path("dependency-track-testdata/vuln-data-source/osv/src/test/resources/osv-GHSA-77rv-6vfw-x4gc.json"));
        var record = await OsvReader.ReadAsync(file, "osv-GHSA-77rv-6vfw-x4gc.json", ct: Ct);

        Assert.Equal(["CWE-601"], record.Cwes);
        Assert.Equal(["CVE-2019-3778"], record.Aliases);
        Assert.Equal("pkg:maven/org.springframework.security.oauth/spring-security-oauth", Assert.Single(record.Affected).Purl?.ToString());
    }

    [Fact]
    public void Last_affected_limit_and_a_GIT_repository_are_kept_as_written()
    {
        const string commit = "e818b74be2170fbe957a07b0da4401c2b694b3b8";
        var json = $$"""
            {"id":"OSV-2025-1","modified":"2025-01-02T03:04:05Z","affected":[
              {"package":{"ecosystem":"PyPI","name":"demo"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"last_affected":"1.4"}]}],"versions":["1.0","1.4"]},
              {"ranges":[{"type":"GIT","repo":"https://example.org/demo.git","events":[{"introduced":"0"},{"limit":"{{commit}}"}]}]}]}
            """;

        var record = OsvReader.Read(Utf8(json), "demo.json");

        Assert.Equal([new RangeEvent(RangeEventKind.Introduced, "1.0"), new RangeEvent(RangeEventKind.LastAffected, "1.4")], record.Affected[0].Ranges[0].Events);
        Assert.Equal(["1.0", "1.4"], record.Affected[0].Versions);
        var git = record.Affected[1].Ranges[0];
        Assert.Equal((RangeType.Git, "https://example.org/demo.git"), (git.Type, git.Repository));
        Assert.Equal(new RangeEvent(RangeEventKind.Limit, commit), git.Events[1]);
    }

    [Fact]
    public void The_shipped_OSV_schema_is_byte_identical_to_the_corpus_copy()
    {
        var corpus = File.ReadAllBytes(VulnerabilityCorpus.Path("osv-schema/validation/schema.json"));
        using var shipped = OsvSchema.Open();
        using var copy = new MemoryStream();
        shipped.CopyTo(copy);

        Assert.Equal(corpus, copy.ToArray());
    }
}
