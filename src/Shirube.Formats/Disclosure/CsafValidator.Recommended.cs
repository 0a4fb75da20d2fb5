using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shirube.Domain.Disclosure.Advisories;

namespace Shirube.Formats.Disclosure;

public static partial class CsafValidator
{
    private sealed partial class Run
    {
        private static readonly string[] AffectedKeys = ["first_affected", "known_affected", "last_affected"];
        private static readonly string[] FixedKeys = ["first_fixed", "fixed"];

        /// <summary>The recommended tests (6.2.x): warnings.</summary>
        private void Recommended()
        {
            UnusedProducts();
            foreach (var (vulnerability, path) in VulnerabilityItems())
                RecommendedPerVulnerability(vulnerability, path);
            RevisionDates();
            WeakHashes();
            DocumentMetadata();
            ProductHelpers();
            Sorted(root, "");
        }

        private void UnusedProducts()
        {
            // An informational advisory has no vulnerabilities to refer to its products: the test does not apply.
            if (Text(Document, "category") == "csaf_informational_advisory")
                return;
            var referenced = _productReferences.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, path) in _productDefinitions)
                if (!referenced.Contains(id))
                    Add("6.2.1", path, $"the product id '{id}' is defined but never referenced.");
        }

        private void RecommendedPerVulnerability(JsonElement vulnerability, string path)
        {
            Get(vulnerability, "product_status", out var status);
            var remediated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (remediation, remediationPath) in Items(vulnerability, "remediations", path))
                remediated.UnionWith(ProductsOf(remediation, remediationPath));
            var scored = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (score, scorePath) in Items(vulnerability, "scores", path))
                foreach (var (id, idPath) in Strings(score, "products", scorePath))
                    scored.TryAdd(id, idPath);
            foreach (var key in AffectedKeys)
                foreach (var (id, idPath) in Strings(status, key, path + "/product_status"))
                {
                    if (!remediated.Contains(id))
                        Add("6.2.2", idPath, $"the affected product '{id}' has no remediation.");
                    if (!scored.ContainsKey(id))
                        Add("6.2.3", idPath, $"the affected product '{id}' has no score.");
                }
            FixedScores(vulnerability, path, status);
            foreach (var (involvement, involvementPath) in Items(vulnerability, "involvements", path))
                if (!Get(involvement, "date", out _))
                    Add("6.2.7", involvementPath, "the involvement has no date.");
            foreach (var (id, idPath) in Items(vulnerability, "ids", path))
                if (Text(id, "text") is { } text && CveId().IsMatch(text))
                    Add("6.2.17", idPath + "/text", $"'{text}' is a CVE id; it belongs in cve.");
        }

        /// <summary>6.2.19: a score of a fixed product says, in its environmental metrics, that nothing is left to impact.</summary>
        private void FixedScores(JsonElement vulnerability, string path, JsonElement status)
        {
            var fixedIds = FixedKeys.SelectMany(k => Strings(status, k, path + "/product_status")).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (score, scorePath) in Items(vulnerability, "scores", path))
            {
                var fixedId = Strings(score, "products", scorePath).Select(p => p.Id).FirstOrDefault(fixedIds.Contains);
                if (fixedId is null)
                    continue;
                if (Get(score, "cvss_v3", out var v3)
                    && !new[] { ("modifiedConfidentialityImpact", "MC"), ("modifiedIntegrityImpact", "MI"), ("modifiedAvailabilityImpact", "MA") }
                        .All(m => Metric(v3, m.Item1, m.Item2, CvssJsonNames.V3Value) == "N"))
                    Add("6.2.19", scorePath + "/cvss_v3", $"the fixed product '{fixedId}' is scored without setting the modified impacts (MC, MI, MA) to None.");
                if (Get(score, "cvss_v2", out var v2) && Metric(v2, "targetDistribution", "TD", CvssJsonNames.V2Value) != "N")
                    Add("6.2.19", scorePath + "/cvss_v2", $"the fixed product '{fixedId}' is scored without setting the target distribution (TD) to None.");
            }
        }

        /// <summary>A CVSS metric as the vector writes it: from the JSON property when given, else from the vector string.</summary>
        private static string? Metric(JsonElement cvss, string property, string abbreviation, Func<string, string> toVector)
        {
            if (Text(cvss, property) is { } value)
                return toVector(value);
            var prefix = abbreviation + ":";
            return Text(cvss, "vectorString")?.Split('/').FirstOrDefault(p => p.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        }

        [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant)]
        private static partial Regex CveId();

        private void RevisionDates()
        {
            if (!Get(Document, "tracking", out var tracking))
                return;
            var dates = Items(tracking, "revision_history", "/document/tracking")
                .Select(r => Date(Text(r.Item, "date")))
                .OfType<DateTimeOffset>()
                .ToList();
            foreach (var (item, path) in Items(tracking, "revision_history", "/document/tracking"))
                if (Text(item, "number") is { } number && number.Contains('+', StringComparison.Ordinal))
                    Add("6.2.4", path + "/number", $"the revision number {number} has build metadata.");
            if (dates.Count == 0)
                return;
            if (Date(Text(tracking, "initial_release_date")) is { } initial && initial < dates.Min())
                Add("6.2.5", "/document/tracking/initial_release_date", "the initial release date is older than the oldest revision.");
            if (Date(Text(tracking, "current_release_date")) is { } current && current < dates.Max())
                Add("6.2.6", "/document/tracking/current_release_date", "the current release date is earlier than the newest revision.");
        }

        private static DateTimeOffset? Date(string? text) =>
            text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

        private void WeakHashes()
        {
            foreach (var (product, path) in _products)
            {
                if (!Get(product, "product_identification_helper", out var helper))
                    continue;
                foreach (var (hash, hashPath) in Items(helper, "hashes", path + "/product_identification_helper"))
                {
                    var algorithms = Items(hash, "file_hashes", hashPath).Select(h => Text(h.Item, "algorithm")).OfType<string>().ToList();
                    if (algorithms.Count > 0 && algorithms.All(a => string.Equals(a, "md5", StringComparison.OrdinalIgnoreCase)))
                        Add("6.2.8", hashPath, "MD5 is the only hash algorithm given for this file.");
                    if (algorithms.Count > 0 && algorithms.All(a => string.Equals(a, "sha1", StringComparison.OrdinalIgnoreCase)))
                        Add("6.2.9", hashPath, "SHA-1 is the only hash algorithm given for this file.");
                }
            }
        }

        private void DocumentMetadata()
        {
            var document = Document;
            if (document.ValueKind != JsonValueKind.Object)
                return;
            if (!(Get(document, "distribution", out var distribution) && Get(distribution, "tlp", out var tlp) && Get(tlp, "label", out _)))
                Add("6.2.10", "/document/distribution/tlp/label", "the document has no TLP label.");
            if (!Get(document, "lang", out _))
                Add("6.2.12", "/document/lang", "the document has no lang.");
            foreach (var name in new[] { "lang", "source_lang" })
            {
                if (Text(document, name) is not { } lang)
                    continue;
                if (PrivateLanguage().IsMatch(lang))
                    Add("6.2.14", "/document/" + name, $"the language tag '{lang}' uses a private-use subtag.");
                if (string.Equals(lang, "i-default", StringComparison.OrdinalIgnoreCase))
                    Add("6.2.15", "/document/" + name, "the language tag i-default says nothing about the language.");
            }
            CanonicalUrl(document);
        }

        // BCP 47 private use: the language subtags qaa-qtz, the scripts Qaaa-Qabx, the regions AA, QM-QZ, XA-XZ and
        // ZZ, and any x- section.
        [GeneratedRegex(@"^(q[a-t][a-z])(-|$)|(^|-)x-|-(qaa[a-z]|qab[a-x])(-|$)|-(aa|q[m-z]|x[a-z]|zz)(-|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex PrivateLanguage();

        private void CanonicalUrl(JsonElement document)
        {
            var id = Get(document, "tracking", out var tracking) ? Text(tracking, "id") : null;
            if (id is null)
                return;
            var file = AdvisoryComposer.FileName(id);
            var found = Items(document, "references", "/document").Any(r =>
                Text(r.Item, "category") == "self" && Text(r.Item, "url") is { } url
                && url.StartsWith("https://", StringComparison.Ordinal) && url.EndsWith("/" + file, StringComparison.Ordinal));
            if (!found)
                Add("6.2.11", "/document/references", $"no reference of category self gives the canonical https URL ending in {file}.");
        }

        private void ProductHelpers()
        {
            foreach (var (product, path) in _products)
                if (!Get(product, "product_identification_helper", out _))
                    Add("6.2.16", path, $"the product '{Text(product, "product_id")}' has no product identification helper.");
            foreach (var (branch, path) in _branches)
                if (Text(branch, "category") == "product_version_range" && Text(branch, "name") is { } name
                    && !name.StartsWith("vers:", StringComparison.Ordinal))
                    Add("6.2.18", path + "/name", $"the version range '{name}' is not written in vers.");
        }

        private void Sorted(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                string? previous = null;
                var reported = false;
                foreach (var property in element.EnumerateObject())
                {
                    if (!reported && previous is not null && string.CompareOrdinal(previous, property.Name) > 0)
                    {
                        Add("6.2.13", path.Length == 0 ? "" : path, $"the key '{property.Name}' comes after '{previous}': the keys are not sorted.");
                        reported = true;
                    }
                    previous = property.Name;
                    Sorted(property.Value, path + "/" + Escape(property.Name));
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    Sorted(item, path + "/" + (i++).ToString(CultureInfo.InvariantCulture));
            }
        }

        private static string Escape(string name) =>
            name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }
}
