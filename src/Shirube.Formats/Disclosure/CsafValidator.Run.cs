using System.Globalization;
using System.Text.Json;

namespace Shirube.Formats.Disclosure;

public static partial class CsafValidator
{
    /// <summary>One validation: the document, the results so far, and the indexes several tests share.</summary>
    private sealed partial class Run(JsonElement root, List<CsafResult> results)
    {
        private static readonly string[] StatusKeys =
            ["first_affected", "first_fixed", "fixed", "known_affected", "known_not_affected", "last_affected", "recommended", "under_investigation"];

        private readonly List<(string Id, string Path)> _productDefinitions = [];
        private readonly List<(string Id, string Path)> _productReferences = [];
        private readonly List<(string Id, string Path)> _groupDefinitions = [];
        private readonly List<(string Id, string Path)> _groupReferences = [];
        private readonly List<(JsonElement Product, string Path)> _products = [];
        private readonly List<(JsonElement Branch, string Path)> _branches = [];
        private readonly Dictionary<string, List<string>> _groups = new(StringComparer.Ordinal);

        private void Add(string test, string path, string message)
        {
            var severity = test.StartsWith("6.1.", StringComparison.Ordinal) ? CsafSeverity.Error
                : test.StartsWith("6.2.", StringComparison.Ordinal) ? CsafSeverity.Warning : CsafSeverity.Info;
            results.Add(new CsafResult(test, severity, path, message));
        }

        public void All()
        {
            if (root.ValueKind != JsonValueKind.Object)
                return;
            Index();
            ProductIds();
            GroupIds();
            CircularProducts();
            Vulnerabilities();
            Purls();
            Hashes();
            Revisions();
            DocumentTests();
            Profiles();
            VersionRanges();
            Recommended();
            Informative();
        }

        // ---- reading helpers ---------------------------------------------------------------------------------

        private static bool Get(JsonElement owner, string name, out JsonElement value)
        {
            value = default;
            return owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out value);
        }

        private static string? Text(JsonElement owner, string name) =>
            Get(owner, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement owner, string name, string path)
        {
            if (!Get(owner, name, out var list) || list.ValueKind != JsonValueKind.Array)
                yield break;
            var i = 0;
            foreach (var item in list.EnumerateArray())
                yield return (item, path + "/" + name + "/" + (i++).ToString(CultureInfo.InvariantCulture));
        }

        private static IEnumerable<(string Id, string Path)> Strings(JsonElement owner, string name, string path) =>
            Items(owner, name, path).Where(i => i.Item.ValueKind == JsonValueKind.String).Select(i => (i.Item.GetString()!, i.Path));

        private IEnumerable<(JsonElement Item, string Path)> VulnerabilityItems() => Items(root, "vulnerabilities", "");

        private JsonElement Document => Get(root, "document", out var d) ? d : default;

        // ---- the index of definitions and references -----------------------------------------------------------

        private void Index()
        {
            if (!Get(root, "product_tree", out var tree))
                tree = default;
            foreach (var (branch, path) in Items(tree, "branches", "/product_tree"))
                IndexBranch(branch, path);
            foreach (var (product, path) in Items(tree, "full_product_names", "/product_tree"))
                DefineProduct(product, path);
            foreach (var (relationship, path) in Items(tree, "relationships", "/product_tree"))
            {
                if (Get(relationship, "full_product_name", out var product))
                    DefineProduct(product, path + "/full_product_name");
                foreach (var name in new[] { "product_reference", "relates_to_product_reference" })
                    if (Text(relationship, name) is { } id)
                        _productReferences.Add((id, path + "/" + name));
            }
            foreach (var (group, path) in Items(tree, "product_groups", "/product_tree"))
            {
                if (Text(group, "group_id") is { } id)
                {
                    _groupDefinitions.Add((id, path + "/group_id"));
                    _groups[id] = [.. Strings(group, "product_ids", path).Select(p => p.Id)];
                }
                _productReferences.AddRange(Strings(group, "product_ids", path));
            }
            foreach (var (vulnerability, path) in VulnerabilityItems())
            {
                if (Get(vulnerability, "product_status", out var status))
                    foreach (var key in StatusKeys)
                        _productReferences.AddRange(Strings(status, key, path + "/product_status"));
                foreach (var list in new[] { "remediations", "threats", "flags" })
                    foreach (var (item, itemPath) in Items(vulnerability, list, path))
                    {
                        _productReferences.AddRange(Strings(item, "product_ids", itemPath));
                        _groupReferences.AddRange(Strings(item, "group_ids", itemPath));
                    }
                foreach (var (score, scorePath) in Items(vulnerability, "scores", path))
                    _productReferences.AddRange(Strings(score, "products", scorePath));
            }
        }

        private void IndexBranch(JsonElement branch, string path)
        {
            _branches.Add((branch, path));
            if (Get(branch, "product", out var product))
                DefineProduct(product, path + "/product");
            foreach (var (child, childPath) in Items(branch, "branches", path))
                IndexBranch(child, childPath);
        }

        private void DefineProduct(JsonElement product, string path)
        {
            _products.Add((product, path));
            if (Text(product, "product_id") is { } id)
                _productDefinitions.Add((id, path + "/product_id"));
        }

        /// <summary>The product ids an item (remediation, threat, flag) names, directly or through its groups.</summary>
        private HashSet<string> ProductsOf(JsonElement item, string path)
        {
            var ids = new HashSet<string>(Strings(item, "product_ids", path).Select(p => p.Id), StringComparer.Ordinal);
            foreach (var (group, _) in Strings(item, "group_ids", path))
                if (_groups.TryGetValue(group, out var members))
                    ids.UnionWith(members);
            return ids;
        }

        // ---- 6.1.1, 6.1.2, 6.1.4, 6.1.5 ---------------------------------------------------------------------------

        private void ProductIds()
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, path) in _productDefinitions)
                if (!defined.Add(id))
                    Add("6.1.2", path, $"the product id '{id}' is defined more than once.");
            foreach (var (id, path) in _productReferences)
                if (!defined.Contains(id))
                    Add("6.1.1", path, $"the product id '{id}' is not defined in the product tree.");
        }

        private void GroupIds()
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, path) in _groupDefinitions)
                if (!defined.Add(id))
                    Add("6.1.5", path, $"the product group id '{id}' is defined more than once.");
            foreach (var (id, path) in _groupReferences)
                if (!defined.Contains(id))
                    Add("6.1.4", path, $"the product group id '{id}' is not defined in the product tree.");
        }

        // ---- 6.1.3 ---------------------------------------------------------------------------------------------

        private void CircularProducts()
        {
            if (!Get(root, "product_tree", out var tree))
                return;
            // Each relationship makes its product out of two others: an edge from the new id to each of them.
            var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var relationships = Items(tree, "relationships", "/product_tree").ToList();
            foreach (var (relationship, _) in relationships)
            {
                if (!Get(relationship, "full_product_name", out var product) || Text(product, "product_id") is not { } id)
                    continue;
                if (!edges.TryGetValue(id, out var targets))
                    edges[id] = targets = [];
                foreach (var name in new[] { "product_reference", "relates_to_product_reference" })
                    if (Text(relationship, name) is { } target)
                        targets.Add(target);
            }
            foreach (var (relationship, path) in relationships)
            {
                if (!Get(relationship, "full_product_name", out var product) || Text(product, "product_id") is not { } id)
                    continue;
                if (Reaches(edges, id, id))
                    Add("6.1.3", path + "/full_product_name/product_id", $"the product id '{id}' is defined in terms of itself (a circular relationship).");
            }
        }

        private static bool Reaches(Dictionary<string, List<string>> edges, string from, string target)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            stack.Push(from);
            while (stack.Count > 0)
            {
                if (!edges.TryGetValue(stack.Pop(), out var next))
                    continue;
                foreach (var n in next)
                {
                    if (string.Equals(n, target, StringComparison.Ordinal))
                        return true;
                    if (seen.Add(n))
                        stack.Push(n);
                }
            }
            return false;
        }
    }
}
