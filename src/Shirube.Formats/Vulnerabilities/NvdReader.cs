using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Vulnerabilities.Dto;

namespace Shirube.Formats.Vulnerabilities;

/// <summary>
/// One page of the NVD CVE API 2.0 (or one CVE read alone), with the paging figures needed to ask for the next page.
/// </summary>
/// <param name="ResultsPerPage">How many results the page was asked to hold.</param>
/// <param name="StartIndex">The index of its first result in the whole answer.</param>
/// <param name="TotalResults">How many results the whole answer has.</param>
/// <param name="Records">The CVEs of the page.</param>
public sealed record NvdPage(int ResultsPerPage, int StartIndex, int TotalResults, IReadOnlyList<VulnerabilityRecord> Records)
{
    /// <summary>Whether more pages follow this one.</summary>
    public bool HasMore => StartIndex + Records.Count < TotalResults;

    /// <summary>The <c>startIndex</c> of the next page.</summary>
    public int NextStartIndex => StartIndex + Records.Count;
}

/// <summary>
/// Reads NVD CVE API 2.0 JSON: an API response page (<c>{"resultsPerPage", "startIndex", "totalResults",
/// "vulnerabilities": [{"cve": …}]}</c>), one item (<c>{"cve": …}</c>) or one bare CVE object. Configurations become
/// <see cref="CpeConfiguration"/>s, metrics <see cref="SeverityScore"/>s (the Primary source's first, newest CVSS
/// version first), weaknesses CWE ids, the English description the details; a "Rejected" CVE is withdrawn.
/// </summary>
public static partial class NvdReader
{
    /// <summary>The largest document read: a full API page of 2,000 CVEs is a few tens of MiB.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads a page, an item or a CVE from a stream of at most <see cref="MaxBytes"/>.</summary>
    /// <exception cref="VulnerabilityFormatException">Not NVD CVE JSON; names the file and the JSON pointer.</exception>
    public static async Task<NvdPage> ReadAsync(Stream stream, string file, CancellationToken ct = default)
    {
        var bytes = await OsvReader.ReadBoundedAsync(stream, MaxBytes, file, ct).ConfigureAwait(false);
        return Read(bytes, file);
    }

    /// <summary>Reads a page, an item or a CVE from its bytes.</summary>
    /// <exception cref="VulnerabilityFormatException">Not NVD CVE JSON; names the file and the JSON pointer.</exception>
    public static NvdPage Read(ReadOnlyMemory<byte> json, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var document = VulnerabilityJson.Parse(json, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new VulnerabilityFormatException(file, "/", "NVD CVE JSON is an object.");
        if (root.TryGetProperty("vulnerabilities", out _))
        {
            var page = VulnerabilityJson.Deserialize<NvdPageDto>(root, file);
            var items = page.Vulnerabilities ?? [];
            var records = new List<VulnerabilityRecord>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var at = $"/vulnerabilities/{i.ToString(CultureInfo.InvariantCulture)}/cve";
                records.Add(Map(items[i].Cve ?? throw new VulnerabilityFormatException(file, at, "missing."), file, at));
            }
            return new NvdPage(page.ResultsPerPage ?? records.Count, page.StartIndex ?? 0, page.TotalResults ?? records.Count, records);
        }
        var (cve, where) = root.TryGetProperty("cve", out var wrapped) ? (wrapped, "/cve") : (root, "");
        if (cve.ValueKind != JsonValueKind.Object || !cve.TryGetProperty("id", out _))
            throw new VulnerabilityFormatException(file, where.Length == 0 ? "/" : where, "neither an NVD API page (vulnerabilities) nor a CVE (id): is this NVD CVE API 2.0 JSON?");
        return new NvdPage(1, 0, 1, [Map(VulnerabilityJson.Deserialize<NvdCveDto>(cve, file, where), file, where)]);
    }

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$", RegexOptions.CultureInvariant)]
    internal static partial Regex CveId();

    [GeneratedRegex(@"^CWE-\d+$", RegexOptions.CultureInvariant)]
    internal static partial Regex CweId();

    private static VulnerabilityRecord Map(NvdCveDto c, string file, string at)
    {
        if (c.Id is null || !CveId().IsMatch(c.Id))
            throw new VulnerabilityFormatException(file, at + "/id", $"'{VulnerabilityJson.Clip(c.Id ?? "")}' is not a CVE id.");
        var modified = VulnerabilityJson.Time(c.LastModified, file, at + "/lastModified");
        return new VulnerabilityRecord(c.Id, VulnerabilitySource.Nvd, modified)
        {
            Published = VulnerabilityJson.OptionalTime(c.Published, file, at + "/published"),
            // NVD keeps a rejected CVE with this status; since when is not said, so the last change stands for it.
            Withdrawn = string.Equals(c.VulnStatus, "Rejected", StringComparison.OrdinalIgnoreCase) ? modified : null,
            Details = c.Descriptions?.FirstOrDefault(d => string.Equals(d.Lang, "en", StringComparison.OrdinalIgnoreCase))?.Value,
            Severity = Severities(c.Metrics),
            Cwes = [.. (c.Weaknesses ?? []).OrderBy(w => string.Equals(w.Type, "Primary", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .SelectMany(w => w.Description ?? []).Select(d => d.Value).OfType<string>().Where(v => CweId().IsMatch(v)).Distinct(StringComparer.Ordinal)],
            References = [.. (c.References ?? []).Select(r => r.Url).OfType<string>().Where(u => u.Length > 0).Distinct(StringComparer.Ordinal)],
            Configurations = Configurations(c.Configurations, file, at + "/configurations"),
        };
    }

    private static SeverityScore[] Severities(NvdMetricsDto? metrics)
    {
        if (metrics is null)
            return [];
        (List<NvdMetricDto>? List, string Type)[] byVersion = [(metrics.V40, "CVSS_V4"), (metrics.V31, "CVSS_V3"), (metrics.V30, "CVSS_V3"), (metrics.V2, "CVSS_V2")];
        // OrderBy is stable: within Primary and within Secondary, the newest CVSS version comes first.
        return [.. byVersion.SelectMany(v => (v.List ?? []).Select(m => (Metric: m, v.Type)))
            .Where(m => !string.IsNullOrEmpty(m.Metric.CvssData?.VectorString))
            .OrderBy(m => string.Equals(m.Metric.Type, "Primary", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(m => new SeverityScore(m.Type, m.Metric.CvssData!.VectorString!))
            .Distinct()];
    }

    private static CpeConfiguration[] Configurations(List<NvdConfigurationDto>? list, string file, string at)
    {
        var configurations = new List<CpeConfiguration>(list?.Count ?? 0);
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            var c = list![i];
            var here = $"{at}/{i.ToString(CultureInfo.InvariantCulture)}";
            // A negated configuration ("everything but") has no place in the model; NVD does not publish one today.
            // Dropping it loses a match rather than inventing one.
            if (c.Negate == true)
                continue;
            var nodes = new List<CpeNode>(c.Nodes?.Count ?? 0);
            for (var n = 0; n < (c.Nodes?.Count ?? 0); n++)
                nodes.Add(Node(c.Nodes![n], file, $"{here}/nodes/{n.ToString(CultureInfo.InvariantCulture)}"));
            configurations.Add(new CpeConfiguration(Operator(c.Operator, file, here + "/operator"), nodes));
        }
        return [.. configurations];
    }

    private static CpeNode Node(NvdNodeDto node, string file, string at)
    {
        var matches = new List<CpeMatch>(node.CpeMatch?.Count ?? 0);
        for (var m = 0; m < (node.CpeMatch?.Count ?? 0); m++)
        {
            var match = node.CpeMatch![m];
            var here = $"{at}/cpeMatch/{m.ToString(CultureInfo.InvariantCulture)}";
            if (!Cpe.TryParse(match.Criteria, out var cpe, out var error))
                throw new VulnerabilityFormatException(file, here + "/criteria", error);
            var vulnerable = match.Vulnerable ?? throw new VulnerabilityFormatException(file, here + "/vulnerable", "missing.");
            matches.Add(new CpeMatch(cpe, vulnerable)
            {
                VersionStartIncluding = match.VersionStartIncluding,
                VersionStartExcluding = match.VersionStartExcluding,
                VersionEndIncluding = match.VersionEndIncluding,
                VersionEndExcluding = match.VersionEndExcluding,
            });
        }
        return new CpeNode(Operator(node.Operator, file, at + "/operator"), node.Negate ?? false, matches);
    }

    // NVD leaves out the operator of a configuration with a single node; OR is what it means then.
    private static CpeOperator Operator(string? text, string file, string at) => text switch
    {
        null or "OR" => CpeOperator.Or,
        "AND" => CpeOperator.And,
        _ => throw new VulnerabilityFormatException(file, at, $"'{VulnerabilityJson.Clip(text)}' is neither AND nor OR."),
    };
}
