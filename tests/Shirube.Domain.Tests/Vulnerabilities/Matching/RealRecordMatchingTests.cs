using Semver;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Domain.Tests.Vulnerabilities.Matching;

/// <summary>
/// The real Go and RustSec records of the corpora against SBOM components built from their own ranges: by rule for
/// every record, and a sample checked by hand against the records' text.
/// </summary>
public sealed class RealRecordMatchingTests
{
    private static readonly Lazy<(IReadOnlyList<VulnerabilityRecord> Records, VulnerabilityIndex Index)> Go = new(() => Indexed(OsvCorpus.Go()));
    private static readonly Lazy<(IReadOnlyList<VulnerabilityRecord> Records, VulnerabilityIndex Index)> Rust = new(() => Indexed(OsvCorpus.RustSec()));

    private static (IReadOnlyList<VulnerabilityRecord>, VulnerabilityIndex) Indexed(IReadOnlyList<VulnerabilityRecord> records) =>
        (records, VulnerabilityIndex.Build(records));

    public static TheoryData<string> Corpora => new("Go", "RustSec");

    /// <summary>
    /// By rule, for every record that is not withdrawn: each last_affected version is matched to that record; each
    /// introduced version is, and each fixed version is not, as the record's intervals for that package say (checked
    /// here with the Semver library directly, pairing each introduced with the next fixed: a few RustSec ranges
    /// introduce and fix at one version, an empty interval, so that introduced version is not affected).
    /// </summary>
    [Theory]
    [MemberData(nameof(Corpora))]
    public void Versions_inside_the_ranges_match_and_fixed_versions_do_not(string corpus)
    {
        var (records, index) = corpus == "Go" ? Go.Value : Rust.Value;
        var checkedVersions = 0;
        var failures = new List<string>();
        foreach (var record in records.Where(r => !r.IsWithdrawn))
        {
            foreach (var affected in record.Affected)
            {
                var intervals = record.Affected.Where(a => a.Name == affected.Name).SelectMany(a => a.Ranges).SelectMany(Intervals).ToList();
                foreach (var e in affected.Ranges.SelectMany(r => r.Events))
                {
                    if (e.Version == "0" || !TryComponent(affected, e.Version, out var component))
                        continue;
                    var matched = index.Match([component]).Any(m => m.Record.Id == record.Id);
                    var expected = e.Kind == RangeEventKind.LastAffected || intervals.Any(i => i.Holds(SemVersion.Parse(e.Version, SemVersionStyles.Any)));
                    checkedVersions++;
                    if (matched != expected)
                        failures.Add($"{record.Id} {affected.Name} {e.Kind} {e.Version}: {(matched ? "matched" : "not matched")}");
                }
            }
        }
        Assert.Empty(failures);
        Assert.True(checkedVersions > (corpus == "Go" ? 5000 : 1000), $"only {checkedVersions} versions checked");
    }

    [Fact]
    public void Withdrawn_records_of_the_corpus_match_nothing_even_inside_their_own_ranges()
    {
        var (records, index) = Go.Value;
        var withdrawn = records.Where(r => r.IsWithdrawn).ToList();
        Assert.NotEmpty(withdrawn);

        foreach (var record in withdrawn)
        {
            foreach (var affected in record.Affected)
            {
                var introduced = affected.Ranges.SelectMany(r => r.Events).First(e => e.Kind == RangeEventKind.Introduced).Version;
                if (TryComponent(affected, introduced == "0" ? "0.0.1" : introduced, out var component))
                    Assert.DoesNotContain(index.Match([component]), m => m.Record.Id == record.Id);
            }
        }
    }

    /// <summary>A component, and the record ids that must and must not match it, read off the records by hand.</summary>
    public sealed record Sample(string Corpus, string Purl, string Record, bool Affected, string Reading)
    {
        public override string ToString() => $"{Purl} is {(Affected ? "" : "not ")}affected by {Record}: {Reading}";
    }

    public static TheoryData<Sample> Samples => new(
        new Sample("Go", "pkg:golang/github.com/gin-gonic/gin@v1.5.0", "GO-2020-0001", true, "introduced 0, fixed 1.6.0"),
        new Sample("Go", "pkg:golang/github.com/gin-gonic/gin@v1.6.0", "GO-2020-0001", false, "1.6.0 is the fix"),
        new Sample("Go", "pkg:golang/github.com/rancher/wrangler@v0.7.3", "GO-2023-1515", true, "below the fix 0.7.4-security1"),
        new Sample("Go", "pkg:golang/github.com/rancher/wrangler@v0.7.4-security1", "GO-2023-1515", false, "the fix"),
        new Sample("Go", "pkg:golang/github.com/rancher/wrangler@v0.8.5", "GO-2023-1515", false, "after the fix 0.8.5-security1, its pre-release"),
        new Sample("Go", "pkg:golang/github.com/rancher/wrangler@v0.8.7", "GO-2023-1515", true, "introduced 0.8.6, fixed 0.8.11"),
        new Sample("Go", "pkg:golang/github.com/rancher/wrangler@v1.0.1", "GO-2023-1515", false, "introduced 1.0.0, fixed 1.0.1"),
        new Sample("Go", "pkg:golang/github.com/argoproj/argo-cd/v2@v2.6.0-rc4", "GO-2023-1512", true, "introduced 2.6.0-rc4, fixed 2.6.0-rc5"),
        new Sample("Go", "pkg:golang/github.com/argoproj/argo-cd/v2@v2.6.0", "GO-2023-1512", false, "after the fix 2.6.0-rc5"),
        new Sample("Go", "pkg:golang/k8s.io/kubernetes@v1.20.0", "GO-2022-0617", false, "withdrawn, though introduced 0 with no fix"),
        new Sample("RustSec", "pkg:cargo/tokio@1.18.3", "RUSTSEC-2023-0001", true, "introduced 1.7.0, fixed 1.18.4"),
        new Sample("RustSec", "pkg:cargo/tokio@1.18.4", "RUSTSEC-2023-0001", false, "the first fix"),
        new Sample("RustSec", "pkg:cargo/tokio@1.19.5", "RUSTSEC-2023-0001", true, "introduced 1.19.0, fixed 1.20.3"),
        new Sample("RustSec", "pkg:cargo/tokio@1.23.1", "RUSTSEC-2023-0001", false, "the last fix"),
        new Sample("RustSec", "pkg:cargo/tokio@1.6.0", "RUSTSEC-2023-0001", false, "before introduced 1.7.0"),
        new Sample("RustSec", "pkg:cargo/libgit2-sys@0.13.4", "RUSTSEC-2023-0003", true, "introduced 0.0.0-0, fixed 0.13.5"),
        new Sample("RustSec", "pkg:cargo/libgit2-sys@0.14.1", "RUSTSEC-2023-0003", true, "introduced 0.14.0, fixed 0.14.2"),
        new Sample("RustSec", "pkg:cargo/libgit2-sys@0.14.2", "RUSTSEC-2023-0003", false, "the second fix"));

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_hand_checked_sample_of_the_corpus_matches_as_its_record_reads(Sample row)
    {
        var (_, index) = row.Corpus == "Go" ? Go.Value : Rust.Value;
        var purl = PackageUrl.Parse(row.Purl);

        var matches = index.Match([new SbomComponent(row.Purl, purl.Name) { Version = purl.Version, Purl = purl }]);

        Assert.Equal(row.Affected, matches.Any(m => m.Record.Id == row.Record));
    }

    private static bool TryComponent(AffectedPackage affected, string version, out SbomComponent component)
    {
        // Go module versions carry a 'v' in go.mod and in purls; the records write them without.
        var written = affected.Ecosystem == "Go" ? "v" + version : version;
        component = null!;
        if (!PackageNames.TryToPurl(affected.Ecosystem, affected.Name, written, out var purl))
            return false;
        component = new SbomComponent(purl.ToString(), purl.Name) { Version = written, Purl = purl };
        return true;
    }

    private sealed record Interval(SemVersion? From, SemVersion? To)
    {
        public bool Holds(SemVersion v) =>
            (From is null || SemVersion.ComparePrecedence(v, From) >= 0) && (To is null || SemVersion.ComparePrecedence(v, To) < 0);
    }

    private static IEnumerable<Interval> Intervals(AffectedRange range)
    {
        var events = range.Events.Where(e => e.Kind is RangeEventKind.Introduced or RangeEventKind.Fixed)
            .Select(e => (e.Kind, Version: e.Version == "0" ? null : SemVersion.Parse(e.Version, SemVersionStyles.Any)))
            .OrderBy(e => e.Version, Comparer<SemVersion?>.Create((a, b) => a is null ? (b is null ? 0 : -1) : b is null ? 1 : SemVersion.ComparePrecedence(a, b)))
            .ToList();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind != RangeEventKind.Introduced)
                continue;
            var fix = events.Skip(i + 1).FirstOrDefault(e => e.Kind == RangeEventKind.Fixed);
            yield return new Interval(events[i].Version, fix.Version);
        }
    }
}
