using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>
/// The import phase for one import: which controls of the imported catalog are included. Follows the profile resolution
/// specification: <c>include-all</c> takes every control, nested ones too; <c>include-controls</c> takes exactly the
/// controls named by <c>with-ids</c> or matched by a glob <c>pattern</c>, and their descendants only with
/// <c>with-child-controls: yes</c> (default no); <c>exclude-controls</c> wins over inclusions and takes descendants only
/// when asked. An included control never brings its parent: a selected enhancement whose control is not selected is
/// selected alone, and the merge phase puts it where its parent stood.
/// </summary>
/// <remarks>
/// A 2022 draft of the specification had <c>include-controls</c> bring ancestors by default (<c>with-parent-controls</c>,
/// default yes). The OSCAL 1.0 profile schemas never had that flag, and NIST took it out of the model, the reference
/// resolver and its tests again in 2023 (usnistgov/OSCAL#1816, #1843): only <c>with-child-controls</c> remains, so a
/// profile selects what it names. An explicit <c>with-parent-controls: yes</c>, written to that draft, is still honoured.
/// </remarks>
internal sealed class ControlSelection
{
    private readonly Dictionary<JsonObject, JsonObject?> _parents = new(ReferenceEqualityComparer.Instance);

    private ControlSelection(JsonObject catalog, string document)
    {
        Catalog = catalog;
        Document = document;
        foreach (var control in OscalNodes.AllControls(catalog))
        {
            _parents.TryAdd(control, null);
            foreach (var child in OscalNodes.Objects(control, "controls"))
                _parents[child] = control;
        }
    }

    /// <summary>The imported catalog (the object under <c>"catalog"</c>), never changed.</summary>
    public JsonObject Catalog { get; }

    /// <summary>The imported document's name, for messages.</summary>
    public string Document { get; }

    /// <summary>The selected controls (by reference).</summary>
    public HashSet<JsonObject> Selected { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every control of the catalog in document order.</summary>
    public IEnumerable<JsonObject> Controls => OscalNodes.AllControls(Catalog);

    /// <summary>The nearest enclosing control, or null for a control directly in a group or the catalog.</summary>
    public JsonObject? ParentOf(JsonObject control) => _parents.GetValueOrDefault(control);

    /// <summary>Applies one import directive to a catalog.</summary>
    /// <param name="catalog">The imported catalog object.</param>
    /// <param name="directive">The profile's <c>import</c> object.</param>
    /// <param name="document">The imported document's name.</param>
    /// <param name="warnings">Where to report directives that select nothing.</param>
    /// <param name="where">The import's place in the profile, for warnings.</param>
    public static ControlSelection Select(JsonObject catalog, JsonObject directive, string document, List<string> warnings, string where)
    {
        var selection = new ControlSelection(catalog, document);
        var included = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        var hasIncludeAll = directive.ContainsKey("include-all");
        if (hasIncludeAll)
            included.UnionWith(selection.Controls);
        if (directive["include-controls"] is JsonArray)
        {
            foreach (var selector in OscalNodes.Objects(directive, "include-controls"))
                included.UnionWith(selection.Matching(selector));
        }
        else if (!hasIncludeAll)
        {
            // Early drafts of the specification read a bare import as include-all; the schema now requires one of the two.
            warnings.Add(ResolutionErrors.ImplicitIncludeAll(where, document));
            included.UnionWith(selection.Controls);
        }
        foreach (var selector in OscalNodes.Objects(directive, "exclude-controls"))
            included.ExceptWith(selection.Matching(selector));

        selection.Selected.UnionWith(included);
        if (selection.Selected.Count == 0)
            warnings.Add(ResolutionErrors.NothingSelected(where, document));
        return selection;
    }

    /// <summary>
    /// The controls one selector names: by id or pattern, then their descendants when <c>with-child-controls</c> is yes,
    /// and their ancestors only when the draft's <c>with-parent-controls</c> is explicitly yes.
    /// </summary>
    public IEnumerable<JsonObject> Matching(JsonObject selector)
    {
        var ids = new HashSet<string>(
            selector["with-ids"] is JsonArray withIds ? withIds.Select(IdOf).OfType<string>() : [], StringComparer.Ordinal);
        var patterns = OscalNodes.Objects(selector, "matching").Select(m => OscalNodes.Text(m, "pattern"))
            .Where(p => !string.IsNullOrEmpty(p)).Cast<string>().ToList();
        var withChildren = OscalNodes.Text(selector, "with-child-controls") == "yes";
        var withParents = OscalNodes.Text(selector, "with-parent-controls") == "yes";

        var result = new List<JsonObject>();
        foreach (var control in Controls)
        {
            var id = OscalNodes.Text(control, "id");
            if (id is null || !(ids.Contains(id) || patterns.Exists(pattern => Glob.IsMatch(pattern, id))))
                continue;
            result.Add(control);
            if (withChildren)
                result.AddRange(OscalNodes.AllControls(control));
            if (withParents)
            {
                for (var parent = ParentOf(control); parent is not null; parent = ParentOf(parent))
                    result.Add(parent);
            }
        }
        return result;
    }

    // with-ids holds tokens; the specification's examples also write them as {"id": ...}, which costs nothing to accept.
    private static string? IdOf(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o => OscalNodes.Text(o, "id"),
        _ => null,
    };
}

/// <summary>
/// Glob patterns on control ids: <c>*</c> any run of characters, <c>?</c> one character, everything else itself.
/// Matched without regular expressions, in time proportional to the lengths, whatever the pattern.
/// </summary>
internal static class Glob
{
    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/> as a whole.</summary>
    public static bool IsMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
