using System.Text.Json;
using Shirube.Domain.Vulnerabilities;

namespace Shirube.Domain.Tests.Vulnerabilities;

public class AliasGroupsTests
{
    /// <summary>Records (id: aliases), and the groups a user expects: each written canonical id first.</summary>
    public sealed record Grouping(string Name, (string Id, string[] Aliases)[] Records, string[][] Expected)
    {
        public override string ToString() => Name;
    }

    private static (string, string[]) R(string id, params string[] aliases) => (id, aliases);

    public static TheoryData<Grouping> Groupings => new(
        new Grouping("A Go record and the GitHub advisory it names are one vulnerability shown under its CVE",
            [R("GO-2020-0001", "CVE-2020-36567", "GHSA-6vm3-jj99-7229"), R("GHSA-6vm3-jj99-7229", "CVE-2020-36567")],
            [["CVE-2020-36567", "GHSA-6vm3-jj99-7229", "GO-2020-0001"]]),
        new Grouping("An alias is symmetric: the record named need not name back",
            [R("PYSEC-2021-1", "GHSA-aaaa-bbbb-cccc"), R("GHSA-aaaa-bbbb-cccc")],
            [["GHSA-aaaa-bbbb-cccc", "PYSEC-2021-1"]]),
        new Grouping("Aliases are transitive across databases: RUSTSEC to CVE to JVNDB",
            [R("RUSTSEC-2021-0001", "CVE-2021-1111"), R("JVNDB-2021-000001", "CVE-2021-1111"), R("GHSA-xxxx-yyyy-zzzz", "JVNDB-2021-000001")],
            [["CVE-2021-1111", "GHSA-xxxx-yyyy-zzzz", "JVNDB-2021-000001", "RUSTSEC-2021-0001"]]),
        new Grouping("Without a CVE the GitHub advisory id is shown",
            [R("PYSEC-2020-5", "GHSA-2222-3333-4444")],
            [["GHSA-2222-3333-4444", "PYSEC-2020-5"]]),
        new Grouping("Two CVEs in one group: the older by number leads, not by text",
            [R("GHSA-1111-2222-3333", "CVE-2021-44228", "CVE-2021-4104")],
            [["CVE-2021-4104", "CVE-2021-44228", "GHSA-1111-2222-3333"]]),
        new Grouping("Ids differing only in case are one id, spelled as first met",
            [R("GHSA-abcd-efgh-ijkl", "CVE-2022-0001"), R("RUSTSEC-2022-0001", "ghsa-ABCD-efgh-ijkl")],
            [["CVE-2022-0001", "GHSA-abcd-efgh-ijkl", "RUSTSEC-2022-0001"]]),
        new Grouping("Records with no alias in common stay apart",
            [R("GO-2022-0001", "CVE-2022-1000"), R("GO-2022-0002", "CVE-2022-2000")],
            [["CVE-2022-1000", "GO-2022-0001"], ["CVE-2022-2000", "GO-2022-0002"]]));

    [Theory]
    [MemberData(nameof(Groupings))]
    public void Ids_of_the_same_vulnerability_form_one_group_with_a_canonical_id(Grouping g)
    {
        var groups = AliasGroups.Build(g.Records.Select(r => (r.Id, (IEnumerable<string>)r.Aliases)));

        Assert.Equal(g.Expected.Select(e => string.Join(" ", e)).Order(StringComparer.Ordinal), groups.Groups.Select(x => string.Join(" ", x.Ids)).Order(StringComparer.Ordinal));
        foreach (var id in g.Expected.SelectMany(e => e))
            Assert.Equal(g.Expected.Single(e => e.Contains(id, StringComparer.OrdinalIgnoreCase))[0], groups.CanonicalOf(id));
    }

    [Fact]
    public void Related_and_upstream_ids_do_not_join_a_group()
    {
        var record = new VulnerabilityRecord("USN-6315-1", VulnerabilitySource.Osv, DateTimeOffset.UnixEpoch) { Related = ["CVE-2023-4004"] };

        var groups = AliasGroups.Build([record, new VulnerabilityRecord("CVE-2023-4004", VulnerabilitySource.Nvd, DateTimeOffset.UnixEpoch)]);

        Assert.False(groups.AreSame("USN-6315-1", "CVE-2023-4004"));
    }

    [Fact]
    public void An_id_no_record_names_is_a_group_of_its_own()
    {
        var groups = AliasGroups.Build(Array.Empty<VulnerabilityRecord>());

        Assert.Equal(new AliasGroup("CVE-2024-3094", ["CVE-2024-3094"]), groups.GroupOf("CVE-2024-3094"), new GroupComparer());
    }

    [Fact]
    public void The_alias_samples_of_the_OSV_site_merge_by_aliases_and_not_by_upstream()
    {
        var folder = SharedCorpora.Folder("nvd-cve-samples/osv-website-testdata", "the OSV site's alias samples");
        var statements = Directory.GetFiles(folder, "*.json").Select(f =>
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(f));
            var root = json.RootElement;
            var aliases = root.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            return (root.GetProperty("id").GetString()!, (IEnumerable<string>)aliases);
        }).ToList();

        var groups = AliasGroups.Build(statements);

        // ALIAS-CVE-1 names CVE-1 and ALIAS; CVE-2 names CVE-1: one vulnerability. CVE-3 names CVE-4.
        Assert.Equal(["CVE-1", "ALIAS", "ALIAS-CVE-1", "CVE-2"], groups.GroupOf("ALIAS").Ids);
        Assert.Equal(["CVE-3", "CVE-4"], groups.GroupOf("CVE-4").Ids);
        // The CYCLE-ROOT records name each other only as upstream; the Ubuntu records only as upstream of CVEs.
        Assert.Equal(["CYCLE-ROOT-1"], groups.GroupOf("CYCLE-ROOT-1").Ids);
        Assert.False(groups.AreSame("UBUNTU-CVE-2023-4004", "CVE-2023-4004"));
        Assert.Equal(statements.Count - 4, groups.Groups.Count);
    }

    private sealed class GroupComparer : IEqualityComparer<AliasGroup>
    {
        public bool Equals(AliasGroup? x, AliasGroup? y) => x is not null && y is not null && x.Canonical == y.Canonical && x.Ids.SequenceEqual(y.Ids);
        public int GetHashCode(AliasGroup obj) => obj.Canonical.GetHashCode(StringComparison.Ordinal);
    }
}
