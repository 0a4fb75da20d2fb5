using System.Globalization;
using System.Text.Json.Nodes;
using Shirube.Domain.Vulnerabilities;

namespace Shirube.Domain.Tests.Vulnerabilities.Matching;

/// <summary>
/// The real OSV records of the shared corpora (Go vulndb, RustSec), read into the domain's records with just what
/// matching uses. The OSV reader of Shirube.Formats is another slice's work; the Domain tests cannot reach it.
/// </summary>
internal static class OsvCorpus
{
    public static IReadOnlyList<VulnerabilityRecord> Go() =>
        Read(Path.Combine(SharedCorpora.Folder("osv-golang-vulndb", "the Go vulnerability records"), "data", "osv"));

    public static IReadOnlyList<VulnerabilityRecord> RustSec() =>
        Read(Path.Combine(SharedCorpora.Folder("osv-rustsec", "the RustSec records"), "crates"));

    private static List<VulnerabilityRecord> Read(string folder) =>
        Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => ToRecord(JsonNode.Parse(File.ReadAllText(f))!)).ToList();

    private static VulnerabilityRecord ToRecord(JsonNode json) =>
        new((string)json["id"]!, VulnerabilitySource.Osv, Date(json["modified"]) ?? DateTimeOffset.UnixEpoch)
        {
            Withdrawn = Date(json["withdrawn"]),
            Aliases = json["aliases"]?.AsArray().Select(a => (string)a!).ToList() ?? [],
            Affected = json["affected"]?.AsArray().Select(a => new AffectedPackage((string)a!["package"]!["ecosystem"]!, (string)a["package"]!["name"]!)
            {
                Ranges = a["ranges"]?.AsArray().Select(r => new AffectedRange(
                    (string)r!["type"]! switch { "SEMVER" => RangeType.Semver, "GIT" => RangeType.Git, _ => RangeType.Ecosystem },
                    r["events"]!.AsArray().Select(e => e!.AsObject().Single()).Select(p => new RangeEvent(p.Key switch
                    {
                        "introduced" => RangeEventKind.Introduced,
                        "fixed" => RangeEventKind.Fixed,
                        "last_affected" => RangeEventKind.LastAffected,
                        _ => RangeEventKind.Limit,
                    }, (string)p.Value!)).ToList())).ToList() ?? [],
                Versions = a["versions"]?.AsArray().Select(v => (string)v!).ToList() ?? [],
            }).ToList() ?? [],
        };

    private static DateTimeOffset? Date(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
