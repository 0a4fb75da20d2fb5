using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shirube.Domain.Packages;

namespace Shirube.Formats.Disclosure;

public static partial class CsafValidator
{
    private sealed partial class Run
    {
        private static readonly string[] ProfileCategories =
            ["csaf_base", "csaf_security_incident_response", "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex"];

        private static readonly string[] VexStatusKeys = ["fixed", "known_affected", "known_not_affected", "under_investigation"];

        // ---- 6.1.13, 6.1.25, 6.1.31 ----------------------------------------------------------------------------

        private void Purls()
        {
            foreach (var (product, path) in _products)
                if (Get(product, "product_identification_helper", out var helper) && Text(helper, "purl") is { } purl
                    && !PackageUrl.TryParse(purl, out _, out var error))
                    Add("6.1.13", path + "/product_identification_helper/purl", $"'{purl}' is not a valid package URL: {error}");
        }

        private void Hashes()
        {
            foreach (var (product, path) in _products)
            {
                if (!Get(product, "product_identification_helper", out var helper))
                    continue;
                foreach (var (hash, hashPath) in Items(helper, "hashes", path + "/product_identification_helper"))
                {
                    var algorithms = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var (fileHash, fileHashPath) in Items(hash, "file_hashes", hashPath))
                        if (Text(fileHash, "algorithm") is { } algorithm && !algorithms.Add(algorithm))
                            Add("6.1.25", fileHashPath + "/algorithm", $"the hash algorithm {algorithm} is used more than once for this file.");
                }
            }
        }

        private void VersionRanges()
        {
            foreach (var (branch, path) in _branches)
                if (Text(branch, "category") == "product_version" && Text(branch, "name") is { } name && VersionRange().IsMatch(name))
                    Add("6.1.31", path + "/name", $"the product version '{name}' looks like a version range (use product_version_range).");
        }

        [GeneratedRegex(@"<|>|\b(after|all|before|earlier|later|prior|versions)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex VersionRange();

        // ---- 6.1.15, 6.1.26, 6.1.28 ----------------------------------------------------------------------------

        private void DocumentTests()
        {
            var document = Document;
            if (Get(document, "publisher", out var publisher) && Text(publisher, "category") == "translator" && !Get(document, "source_lang", out _))
                Add("6.1.15", "/document/source_lang", "the publisher is a translator but the document has no source_lang.");
            if (Text(document, "lang") is { } lang && Text(document, "source_lang") is { } source
                && string.Equals(lang, source, StringComparison.OrdinalIgnoreCase))
                Add("6.1.28", "/document/source_lang", $"lang and source_lang are both '{lang}'.");
            if (Text(document, "category") is { } category && !ProfileCategories.Contains(category, StringComparer.Ordinal))
            {
                if (category.StartsWith("csaf_", StringComparison.OrdinalIgnoreCase))
                    Add("6.1.26", "/document/category", $"the category '{category}' uses the reserved prefix csaf_.");
                else if (ProfileCategories.Skip(1).Any(p => Normalised(p["csaf_".Length..]) == Normalised(category)))
                    Add("6.1.26", "/document/category", $"the category '{category}' is the name of a profile but not its value.");
            }
        }

        private static string Normalised(string category) =>
            string.Concat(category.Where(c => c is not ('-' or '_') && !char.IsWhiteSpace(c))).ToUpperInvariant();

        // ---- 6.1.27.x ------------------------------------------------------------------------------------------

        private void Profiles()
        {
            var category = Text(Document, "category");
            var hasVulnerabilities = Get(root, "vulnerabilities", out var list) && list.ValueKind == JsonValueKind.Array;
            if (category is "csaf_informational_advisory" or "csaf_security_incident_response")
            {
                if (!Items(Document, "notes", "/document").Any(n => Text(n.Item, "category") is "description" or "details" or "general" or "summary"))
                    Add("6.1.27.1", "/document/notes", "the profile needs a document note of category description, details, general or summary.");
                if (!Items(Document, "references", "/document").Any(r => Text(r.Item, "category") == "external"))
                    Add("6.1.27.2", "/document/references", "the profile needs a document reference of category external.");
            }
            if (category == "csaf_informational_advisory" && hasVulnerabilities)
                Add("6.1.27.3", "/vulnerabilities", "an informational advisory has no vulnerabilities element.");
            if (category is not ("csaf_security_advisory" or "csaf_vex"))
                return;
            if (!Get(root, "product_tree", out _))
                Add("6.1.27.4", "/product_tree", "the profile needs a product tree.");
            if (!hasVulnerabilities)
                Add("6.1.27.11", "/vulnerabilities", "the profile needs vulnerabilities.");
            foreach (var (vulnerability, path) in VulnerabilityItems())
            {
                if (!Get(vulnerability, "notes", out _))
                    Add("6.1.27.5", path + "/notes", "the profile needs notes in every vulnerability.");
                if (category == "csaf_security_advisory")
                {
                    if (!Get(vulnerability, "product_status", out _))
                        Add("6.1.27.6", path + "/product_status", "the profile needs a product status in every vulnerability.");
                    continue;
                }
                Vex(vulnerability, path);
            }
        }

        private void Vex(JsonElement vulnerability, string path)
        {
            Get(vulnerability, "product_status", out var status);
            if (!VexStatusKeys.Any(k => Get(status, k, out _)))
                Add("6.1.27.7", path + "/product_status", "a VEX vulnerability needs fixed, known_affected, known_not_affected or under_investigation.");
            if (!Get(vulnerability, "cve", out _) && !Get(vulnerability, "ids", out _))
                Add("6.1.27.8", path, "a VEX vulnerability needs a cve or ids.");
            var impact = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (flag, flagPath) in Items(vulnerability, "flags", path))
                impact.UnionWith(ProductsOf(flag, flagPath));
            foreach (var (threat, threatPath) in Items(vulnerability, "threats", path))
                if (Text(threat, "category") == "impact")
                    impact.UnionWith(ProductsOf(threat, threatPath));
            foreach (var (id, idPath) in Strings(status, "known_not_affected", path + "/product_status"))
                if (!impact.Contains(id))
                    Add("6.1.27.9", idPath, $"the product '{id}' is known not affected but has no impact statement (a flag or an impact threat).");
            var action = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (remediation, remediationPath) in Items(vulnerability, "remediations", path))
                action.UnionWith(ProductsOf(remediation, remediationPath));
            foreach (var (id, idPath) in Strings(status, "known_affected", path + "/product_status"))
                if (!action.Contains(id))
                    Add("6.1.27.10", idPath, $"the product '{id}' is known affected but has no action statement (a remediation).");
        }

        // ---- 6.1.14, 6.1.16 – 6.1.22, 6.1.30 --------------------------------------------------------------------

        private void Revisions()
        {
            if (!Get(Document, "tracking", out var tracking))
                return;
            var status = Text(tracking, "status");
            var released = status is "final" or "interim";
            var version = Text(tracking, "version") is { } v ? CsafVersion.Parse(v) : null;
            var history = Items(tracking, "revision_history", "/document/tracking")
                .Select(r => (Number: Text(r.Item, "number") is { } n ? CsafVersion.Parse(n) : null,
                    Date: Text(r.Item, "date") is { } d && DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : (DateTimeOffset?)null,
                    r.Path))
                .Where(r => r.Number is not null)
                .ToList();

            if (version is not null)
            {
                if (version.IsZero || version.PreRelease is not null)
                    if (status != "draft")
                        Add("6.1.17", "/document/tracking/status", $"the version {version.Text} is a draft version but the status is {status}.");
                if (released && version.PreRelease is not null)
                    Add("6.1.20", "/document/tracking/version", $"the document is {status} but its version {version.Text} has a pre-release part.");
            }
            var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (number, _, path) in history)
            {
                if (released && number!.IsZero)
                    Add("6.1.18", path + "/number", $"the document is {status} but the revision history holds version {number.Text}.");
                if (number!.PreRelease is not null)
                    Add("6.1.19", path + "/number", $"the revision {number.Text} has a pre-release part.");
                if (!numbers.TryAdd(number.WithoutBuild, path))
                    Add("6.1.22", path + "/number", $"the revision number {number.Text} is also in {numbers[number.WithoutBuild]}.");
            }
            var all = history.Select(h => (h.Number!, Path: h.Path + "/number")).ToList();
            if (version is not null)
                all.Add((version, "/document/tracking/version"));
            if (all.Select(a => a.Item1.IsInteger).Distinct().Count() > 1)
            {
                foreach (var (number, path) in all.Where(a => a.Item1.IsInteger != all[0].Item1.IsInteger))
                    Add("6.1.30", path, $"integer and semantic versioning are mixed ({number.Text}).");
                return;
            }
            if (history.Count == 0)
                return;
            if (history.Any(h => h.Date is null))
                return;
            var byDate = history.OrderBy(h => h.Date).ThenBy(h => h.Number!, CsafVersion.Precedence).ToList();
            for (var i = 1; i < byDate.Count; i++)
                if (CsafVersion.Precedence.Compare(byDate[i - 1].Number, byDate[i].Number) > 0)
                {
                    Add("6.1.14", byDate[i].Path + "/number", $"the revision {byDate[i].Number!.Text} is dated after {byDate[i - 1].Number!.Text} but numbered before it.");
                    break;
                }
            if (version is not null)
            {
                var last = byDate[^1].Number!;
                var ignorePreRelease = status == "draft";
                if (!string.Equals(version.Comparable(ignorePreRelease), last.Comparable(ignorePreRelease), StringComparison.Ordinal))
                    Add("6.1.16", "/document/tracking/version", $"the version {version.Text} is not the number of the latest revision ({last.Text}).");
            }
            var majors = history.Select(h => h.Number!.Major).Distinct().Order().ToList();
            if (majors[0] > 1)
                Add("6.1.21", "/document/tracking/revision_history", $"the revision history starts at {majors[0].ToString(CultureInfo.InvariantCulture)}, not 0 or 1.");
            for (var i = 1; i < majors.Count; i++)
                if (majors[i] != majors[i - 1] + 1)
                {
                    Add("6.1.21", "/document/tracking/revision_history", $"the revision history misses version {(majors[i - 1] + 1).ToString(CultureInfo.InvariantCulture)}.");
                    break;
                }
        }
    }
}
