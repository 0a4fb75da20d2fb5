using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Domain.Scoring;

namespace Shirube.Formats.Disclosure;

public static partial class CsafValidator
{
    private sealed partial class Run
    {
        // 6.1.6: the four groups of product status that contradict each other.
        private static readonly (string Group, string[] Keys)[] StatusGroups =
        [
            ("affected", ["first_affected", "known_affected", "last_affected"]),
            ("not affected", ["known_not_affected"]),
            ("fixed", ["first_fixed", "fixed"]),
            ("under investigation", ["under_investigation"]),
        ];

        private void Vulnerabilities()
        {
            var cves = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (vulnerability, path) in VulnerabilityItems())
            {
                if (Text(vulnerability, "cve") is { } cve && !cves.TryAdd(cve, path))
                    Add("6.1.23", path + "/cve", $"the CVE {cve} is also the subject of {cves[cve]}.");
                ContradictingStatus(vulnerability, path);
                Scores(vulnerability, path);
                Involvements(vulnerability, path);
                WithoutProducts(vulnerability, path, "remediations", "6.1.29", "remediation");
                WithoutProducts(vulnerability, path, "flags", "6.1.32", "flag");
                FlagsPerProduct(vulnerability, path);
            }
        }

        private void ContradictingStatus(JsonElement vulnerability, string path)
        {
            if (!Get(vulnerability, "product_status", out var status))
                return;
            var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (group, keys) in StatusGroups)
                foreach (var key in keys)
                    foreach (var (id, idPath) in Strings(status, key, path + "/product_status"))
                    {
                        if (!groupOf.TryAdd(id, group) && !string.Equals(groupOf[id], group, StringComparison.Ordinal))
                            Add("6.1.6", idPath, $"the product '{id}' is both {groupOf[id]} and {group}.");
                    }
        }

        private void Scores(JsonElement vulnerability, string path)
        {
            var seen = new HashSet<(string, string)>();
            foreach (var (score, scorePath) in Items(vulnerability, "scores", path))
            {
                var versions = new List<string>();
                foreach (var kind in new[] { "cvss_v2", "cvss_v3" })
                {
                    if (!Get(score, kind, out var cvss) || cvss.ValueKind != JsonValueKind.Object)
                        continue;
                    var version = Text(cvss, "version") ?? "";
                    versions.Add(kind == "cvss_v2" ? "2.0" : version);
                    Cvss(cvss, scorePath + "/" + kind, kind == "cvss_v2" ? "2.0" : version);
                }
                foreach (var (id, idPath) in Strings(score, "products", scorePath))
                    foreach (var version in versions)
                        if (!seen.Add((id, version)))
                            Add("6.1.7", idPath, $"the product '{id}' has more than one CVSS {version} score in this vulnerability.");
            }
        }

        private void Involvements(JsonElement vulnerability, string path)
        {
            var seen = new HashSet<(string?, string?)>();
            foreach (var (involvement, itemPath) in Items(vulnerability, "involvements", path))
                if (!seen.Add((Text(involvement, "party"), Text(involvement, "date"))))
                    Add("6.1.24", itemPath, "another involvement has the same party and date.");
        }

        private void WithoutProducts(JsonElement vulnerability, string path, string list, string test, string what)
        {
            foreach (var (item, itemPath) in Items(vulnerability, list, path))
                if (!Get(item, "product_ids", out _) && !Get(item, "group_ids", out _))
                    Add(test, itemPath, $"the {what} names neither product_ids nor group_ids.");
        }

        private void FlagsPerProduct(JsonElement vulnerability, string path)
        {
            var flagged = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (flag, flagPath) in Items(vulnerability, "flags", path))
                foreach (var id in ProductsOf(flag, flagPath))
                    if (!flagged.Add(id))
                        Add("6.1.33", flagPath, $"the product '{id}' has more than one flag in this vulnerability.");
        }

        // ---- 6.1.8, 6.1.9, 6.1.10 ------------------------------------------------------------------------------

        private void Cvss(JsonElement cvss, string path, string version)
        {
            var strict = CsafSchemas.StrictErrors(version, JsonNode.Parse(cvss.GetRawText()));
            if (strict is { Count: > 0 })
                Add("6.1.8", path + strict[0].Path, $"the CVSS {version} object does not match FIRST's strict schema: {strict[0].Message}");
            if (Text(cvss, "vectorString") is not { } vector)
                return;
            Consistency(cvss, path, version, vector);
            Computation(cvss, path, version, vector);
        }

        private void Computation(JsonElement cvss, string path, string version, string vector)
        {
            decimal baseScore, temporal, environmental;
            if (version == "2.0")
            {
                if (!Cvss2Vector.TryParse(vector, out var v2, out _))
                    return;
                (baseScore, temporal, environmental) = (v2.BaseScore, v2.TemporalScore, v2.EnvironmentalScore);
            }
            else
            {
                if (!Cvss3Vector.TryParse(vector, out var v3, out _))
                    return;
                (baseScore, temporal, environmental) = (v3.BaseScore, v3.TemporalScore, v3.EnvironmentalScore);
            }
            foreach (var (name, expected) in new[] { ("baseScore", baseScore), ("temporalScore", temporal), ("environmentalScore", environmental) })
            {
                if (Get(cvss, name, out var given) && given.ValueKind == JsonValueKind.Number && given.GetDecimal() != expected)
                    Add("6.1.9", path + "/" + name, string.Create(CultureInfo.InvariantCulture, $"{name} is {given.GetDecimal()} but the vector gives {expected}."));
                var severityName = name.Replace("Score", "Severity", StringComparison.Ordinal);
                if (version != "2.0" && Text(cvss, severityName) is { } severity && !string.Equals(severity, Severity(expected), StringComparison.Ordinal))
                    Add("6.1.9", path + "/" + severityName, $"{severityName} is {severity} but the score {expected.ToString(CultureInfo.InvariantCulture)} is {Severity(expected)}.");
            }
        }

        private static string Severity(decimal score) => score switch
        {
            0m => "NONE",
            < 4.0m => "LOW",
            < 7.0m => "MEDIUM",
            < 9.0m => "HIGH",
            _ => "CRITICAL",
        };

        private void Consistency(JsonElement cvss, string path, string version, string vector)
        {
            var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in vector.Split('/'))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                    metrics[part[..colon]] = part[(colon + 1)..];
            }
            if (version != "2.0" && metrics.TryGetValue("CVSS", out var prefix) && !string.Equals(prefix, version, StringComparison.Ordinal))
                Add("6.1.10", path + "/version", $"version is {version} but the vector is CVSS {prefix}.");
            var names = version == "2.0" ? CvssJsonNames.V2 : CvssJsonNames.V3;
            // Only the metrics the vector contains are compared (6.1.10): a member the vector leaves out may say anything.
            foreach (var (property, abbreviation) in names)
            {
                if (Text(cvss, property) is not { } value || !metrics.TryGetValue(abbreviation, out var actual))
                    continue;
                var expected = version == "2.0" ? CvssJsonNames.V2Value(value) : CvssJsonNames.V3Value(value);
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                    Add("6.1.10", path + "/" + property, $"{property} is {value} but the vector says {abbreviation}:{actual}.");
            }
        }
    }
}
