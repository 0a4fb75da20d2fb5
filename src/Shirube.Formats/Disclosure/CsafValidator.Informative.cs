using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shirube.Formats.Disclosure;

public static partial class CsafValidator
{
    private sealed partial class Run
    {
        /// <summary>The informative tests (6.3.x): infos.</summary>
        private void Informative()
        {
            foreach (var (vulnerability, path) in VulnerabilityItems())
            {
                if (!Get(vulnerability, "cve", out _))
                    Add("6.3.3", path, "the vulnerability has no CVE id.");
                if (!Get(vulnerability, "cwe", out _))
                    Add("6.3.4", path, "the vulnerability has no CWE.");
                foreach (var (score, scorePath) in Items(vulnerability, "scores", path))
                {
                    if (Get(score, "cvss_v2", out _) && !Get(score, "cvss_v3", out _))
                        Add("6.3.1", scorePath, "CVSS v2 is the only scoring system given.");
                    if (Get(score, "cvss_v3", out var v3) && Text(v3, "version") == "3.0")
                        Add("6.3.2", scorePath + "/cvss_v3", "CVSS v3.0 is used; v3.1 is current.");
                }
            }
            foreach (var (product, path) in _products)
            {
                if (!Get(product, "product_identification_helper", out var helper))
                    continue;
                foreach (var (hash, hashPath) in Items(helper, "hashes", path + "/product_identification_helper"))
                    foreach (var (fileHash, fileHashPath) in Items(hash, "file_hashes", hashPath))
                        if (Text(fileHash, "value") is { Length: < 64 } value)
                            Add("6.3.5", fileHashPath + "/value", $"the hash is {value.Length} characters: shorter than 64 (256 bits).");
            }
            foreach (var (branch, path) in _branches)
            {
                var category = Text(branch, "category");
                if (category == "product_version_range")
                    Add("6.3.10", path, "a product version range is used; product versions are easier to match.");
                if (category == "product_version" && Text(branch, "name") is { } name && VersionPrefix().IsMatch(name))
                    Add("6.3.11", path + "/name", $"the version '{name}' starts with a v.");
            }
            if (Get(root, "product_tree", out var tree))
                foreach (var (branch, path) in Items(tree, "branches", "/product_tree"))
                    BranchCategories(branch, path, 0);
        }

        [GeneratedRegex(@"^[vV][0-9]", RegexOptions.CultureInvariant)]
        private static partial Regex VersionPrefix();

        /// <summary>6.3.9: the branches above each product pass vendor, then product_name, then product_version (or its range), in that order.</summary>
        private void BranchCategories(JsonElement branch, string path, int reached)
        {
            var category = Text(branch, "category");
            var next = reached switch
            {
                0 when category == "vendor" => 1,
                1 when category == "product_name" => 2,
                2 when category is "product_version" or "product_version_range" => 3,
                _ => reached,
            };
            if (Get(branch, "product", out _) && next < 3)
                Add("6.3.9", path + "/product", "the branches above this product do not run vendor, product_name, product_version.");
            foreach (var (child, childPath) in Items(branch, "branches", path))
                BranchCategories(child, childPath, next);
        }
    }
}
