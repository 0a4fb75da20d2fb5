using System.Globalization;
using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>
/// The modify phase: <c>set-parameters</c> merged into every param with the id (in controls, groups, parts or loose),
/// then <c>alters</c> that remove and add content of controls.
/// </summary>
internal static class ModifyPhase
{
    // set-parameter: these replace the param's own; the lists are added to the param's.
    private static readonly string[] Replaced = ["class", "depends-on", "label", "usage", "values", "select"];
    private static readonly string[] Appended = ["props", "links", "constraints", "guidelines"];

    // What an add may carry, in the order OSCAL puts them in a control.
    private static readonly string[] Additions = ["params", "props", "links", "parts"];

    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["params"] = "param", ["props"] = "prop", ["links"] = "link", ["parts"] = "part", ["controls"] = "control",
        ["constraints"] = "constraint", ["guidelines"] = "guideline", ["tests"] = "test",
    };

    /// <summary>Applies the profile's <c>modify</c> to the merged catalog.</summary>
    /// <param name="catalog">The catalog being built (params, controls, groups), changed in place.</param>
    /// <param name="modify">The profile's <c>modify</c> object, or null.</param>
    /// <param name="profile">The profile's name, for messages.</param>
    /// <param name="warnings">Where to report directives that find no target.</param>
    /// <returns>The ids of the params that <c>set-parameters</c> name: the specification keeps them from pruning.</returns>
    public static HashSet<string> Apply(JsonObject catalog, JsonObject? modify, string profile, List<string> warnings)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (modify is null)
            return named;

        var paramsById = Index(ParamsIn(catalog));
        var index = 0;
        foreach (var set in OscalNodes.Objects(modify, "set-parameters"))
        {
            var where = Pointer("set-parameters", index++);
            var id = OscalNodes.Text(set, "param-id")
                ?? throw new OscalFormatException(profile, where, ResolutionErrors.MissingField("param-id"));
            named.Add(id);
            if (!paramsById.TryGetValue(id, out var targets))
            {
                warnings.Add(ResolutionErrors.NoSuchParam(profile, where, id));
                continue;
            }
            foreach (var target in targets)
                SetParameter(target, set);
        }

        var controlsById = Index(OscalNodes.AllControls(catalog));
        index = 0;
        foreach (var alter in OscalNodes.Objects(modify, "alters"))
        {
            var where = Pointer("alters", index++);
            var id = OscalNodes.Text(alter, "control-id")
                ?? throw new OscalFormatException(profile, where, ResolutionErrors.MissingField("control-id"));
            if (!controlsById.TryGetValue(id, out var controls))
            {
                warnings.Add(ResolutionErrors.NoSuchControl(profile, where, id));
                continue;
            }
            foreach (var control in controls)
            {
                var r = 0;
                foreach (var remove in OscalNodes.Objects(alter, "removes"))
                    Remove(control, remove, profile, $"{where}/removes/{r++}", warnings);
                var a = 0;
                foreach (var add in OscalNodes.Objects(alter, "adds"))
                    Add(control, add, profile, $"{where}/adds/{a++}", warnings);
            }
        }
        return named;
    }

    private static string Pointer(string list, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"/profile/modify/{list}/{index}");

    private static Dictionary<string, List<JsonObject>> Index(IEnumerable<JsonObject> objects)
    {
        var index = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            if (OscalNodes.Text(obj, "id") is { } id)
            {
                if (!index.TryGetValue(id, out var list))
                    index[id] = list = [];
                list.Add(obj);
            }
        }
        return index;
    }

    /// <summary>Every param anywhere in the tree: loose, in groups, in controls, and wherever else a <c>params</c> list stands.</summary>
    public static IEnumerable<JsonObject> ParamsIn(JsonNode? node) =>
        OscalNodes.AllObjects(node).SelectMany(o => OscalNodes.Objects(o, "params"));

    private static void SetParameter(JsonObject param, JsonObject set)
    {
        foreach (var key in Replaced)
        {
            if (set[key] is { } value)
                param[key] = value.DeepClone();
        }
        foreach (var key in Appended)
        {
            if (set[key] is JsonArray items)
            {
                var target = OscalNodes.ArrayOf(param, key);
                foreach (var item in items)
                    target.Add(item?.DeepClone());
            }
        }
        OscalNodes.Reorder(param, OscalNodes.ParamOrder);
    }

    /// <summary>Removes every object inside the control that meets all the criteria of the <c>remove</c>.</summary>
    /// <remarks>
    /// Objects are looked for in the control's lists (params, props, links, parts, and within those), not inside child
    /// controls, which an alter of their own reaches; only <c>by-id</c>, unique in a document, also looks inside them.
    /// An object without <c>ns</c> is in the OSCAL namespace, as NIST's expected results for <c>by-ns</c> show.
    /// </remarks>
    private static void Remove(JsonObject control, JsonObject remove, string profile, string where, List<string> warnings)
    {
        var byId = OscalNodes.Text(remove, "by-id");
        var byName = OscalNodes.Text(remove, "by-name");
        var byClass = OscalNodes.Text(remove, "by-class");
        var byNs = OscalNodes.Text(remove, "by-ns");
        var byItemName = OscalNodes.Text(remove, "by-item-name");
        if (byId is null && byName is null && byClass is null && byNs is null && byItemName is null)
        {
            warnings.Add(ResolutionErrors.EmptyRemove(profile, where));
            return;
        }

        bool Matches(JsonObject o, string itemName) =>
            (byId is null || OscalNodes.Text(o, "id") == byId)
            && (byName is null || OscalNodes.Text(o, "name") == byName)
            && (byClass is null || OscalNodes.Text(o, "class") == byClass)
            && (byNs is null || (OscalNodes.Text(o, "ns") ?? (o.ContainsKey("name") ? OscalJson.OscalNamespace : null)) == byNs)
            && (byItemName is null || itemName == byItemName);

        int RemoveFrom(JsonObject owner)
        {
            var removed = 0;
            foreach (var (key, value) in owner.ToList())
            {
                if (value is not JsonArray array)
                    continue;
                var itemName = ItemNames.GetValueOrDefault(key) ?? (key.EndsWith('s') ? key[..^1] : key);
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is not JsonObject item)
                        continue;
                    if (Matches(item, itemName))
                    {
                        array.RemoveAt(i);
                        removed++;
                    }
                    else if (key != "controls" || byId is not null)
                    {
                        removed += RemoveFrom(item);
                    }
                }
                OscalNodes.DropIfEmpty(owner, key);
            }
            return removed;
        }

        if (RemoveFrom(control) == 0)
            warnings.Add(ResolutionErrors.RemoveMatchedNothing(profile, where, OscalNodes.Text(control, "id")));
    }

    /// <summary>
    /// An <c>add</c>: without <c>by-id</c> (or with the control's own id) inside the control at its start or end; with
    /// <c>by-id</c>, inside the object with that id (<c>starting</c>, <c>ending</c>) or beside it (<c>before</c>, <c>after</c>).
    /// </summary>
    private static void Add(JsonObject control, JsonObject add, string profile, string where, List<string> warnings)
    {
        var position = OscalNodes.Text(add, "position") switch
        {
            "before" => "before",
            "after" => "after",
            "starting" => "starting",
            _ => "ending",
        };
        var byId = OscalNodes.Text(add, "by-id");
        if (byId is null || byId == OscalNodes.Text(control, "id"))
        {
            // Bound to the control itself: before and after read as starting and ending.
            AddInside(control, add, atStart: position is "starting" or "before");
            OscalNodes.Reorder(control, OscalNodes.ControlOrder);
            return;
        }
        if (Find(control, byId) is not var (owner, key, index))
        {
            warnings.Add(ResolutionErrors.NoAddTarget(profile, where, byId, OscalNodes.Text(control, "id")));
            return;
        }
        var target = (JsonObject)owner[key]!.AsArray()[index]!;
        if (position is "starting" or "ending")
        {
            AddInside(target, add, atStart: position == "starting");
            OscalNodes.Reorder(target, OrderOf(key));
            return;
        }
        if (add["title"] is not null)
            warnings.Add(ResolutionErrors.TitleBeside(profile, where));
        var order = owner.ContainsKey("name") ? OscalNodes.PartOrder : OscalNodes.ControlOrder;
        foreach (var kind in Additions)
        {
            if (add[kind] is not JsonArray items)
                continue;
            var list = OscalNodes.ArrayOf(owner, kind);
            // Beside a target of the same kind: right before or after it. Other kinds keep OSCAL's order around the
            // target: those that come earlier go at the end of their list, later ones at the start.
            var at = kind == key ? index + (position == "after" ? 1 : 0)
                : Array.IndexOf(order, kind) < Array.IndexOf(order, key) ? list.Count : 0;
            foreach (var item in items)
                list.Insert(at++, item?.DeepClone());
        }
        OscalNodes.Reorder(owner, order);
    }

    private static void AddInside(JsonObject target, JsonObject add, bool atStart)
    {
        if (add["title"] is { } title)
            target["title"] = title.DeepClone();
        foreach (var kind in Additions)
        {
            if (add[kind] is not JsonArray items)
                continue;
            var list = OscalNodes.ArrayOf(target, kind);
            var at = atStart ? 0 : list.Count;
            foreach (var item in items)
                list.Insert(at++, item?.DeepClone());
        }
    }

    private static string[] OrderOf(string listKey) => listKey switch
    {
        "parts" => OscalNodes.PartOrder,
        "params" => OscalNodes.ParamOrder,
        _ => OscalNodes.ControlOrder,
    };

    /// <summary>The object with the id anywhere inside the control (child controls included): its owner, list and index.</summary>
    private static (JsonObject Owner, string Key, int Index)? Find(JsonObject root, string id)
    {
        foreach (var owner in OscalNodes.AllObjects(root))
        {
            foreach (var (key, value) in owner)
            {
                if (value is not JsonArray array)
                    continue;
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item && OscalNodes.Text(item, "id") == id)
                        return (owner, key, i);
                }
            }
        }
        return null;
    }
}
