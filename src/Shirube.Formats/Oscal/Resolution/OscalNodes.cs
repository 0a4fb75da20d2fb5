using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>Small reads and edits of OSCAL JSON trees that every phase of resolution needs.</summary>
internal static class OscalNodes
{
    /// <summary>Canonical key order of a control (OSCAL model order); unknown keys follow.</summary>
    public static readonly string[] ControlOrder = ["id", "class", "title", "params", "props", "links", "parts", "controls"];

    /// <summary>Canonical key order of a group.</summary>
    public static readonly string[] GroupOrder = ["id", "class", "title", "params", "props", "links", "parts", "groups", "controls"];

    /// <summary>Canonical key order of a parameter.</summary>
    public static readonly string[] ParamOrder =
        ["id", "class", "depends-on", "props", "links", "label", "usage", "constraints", "guidelines", "values", "select", "remarks"];

    /// <summary>Canonical key order of a part.</summary>
    public static readonly string[] PartOrder = ["id", "name", "ns", "class", "title", "props", "prose", "parts", "links"];

    /// <summary>The string value of <paramref name="key"/>, or null when it is absent or not a string.</summary>
    public static string? Text(JsonObject? obj, string key) =>
        obj?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The objects in the array at <paramref name="key"/> (none when absent; non-objects are skipped).</summary>
    public static IEnumerable<JsonObject> Objects(JsonObject? obj, string key) =>
        obj?[key] is JsonArray a ? a.OfType<JsonObject>() : [];

    /// <summary>The array at <paramref name="key"/>, created (empty) when absent.</summary>
    public static JsonArray ArrayOf(JsonObject obj, string key)
    {
        if (obj[key] is JsonArray existing)
            return existing;
        var created = new JsonArray();
        obj[key] = created;
        return created;
    }

    /// <summary>A deep copy of <paramref name="source"/> without the given keys, in the source's key order.</summary>
    public static JsonObject CloneWithout(JsonObject source, params ReadOnlySpan<string> without)
    {
        var clone = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (!without.Contains(key))
                clone[key] = value?.DeepClone();
        }
        return clone;
    }

    /// <summary>Puts the keys of <paramref name="obj"/> in <paramref name="order"/>; keys not listed keep their place after them.</summary>
    public static void Reorder(JsonObject obj, string[] order)
    {
        var entries = obj.ToList();
        obj.Clear();
        foreach (var key in order)
        {
            var index = entries.FindIndex(e => e.Key == key);
            if (index >= 0)
                obj[key] = entries[index].Value;
        }
        foreach (var (key, value) in entries)
        {
            if (!order.Contains(key))
                obj[key] = value;
        }
    }

    /// <summary>Removes the array at <paramref name="key"/> when it has become empty (OSCAL arrays have at least one item).</summary>
    public static void DropIfEmpty(JsonObject obj, string key)
    {
        if (obj[key] is JsonArray { Count: 0 })
            obj.Remove(key);
    }

    /// <summary>True when the object has a prop <c>keep</c> = <c>always</c> (the specification's "never prune" mark).</summary>
    public static bool KeepAlways(JsonObject obj) =>
        Objects(obj, "props").Any(p => Text(p, "name") == "keep" && Text(p, "value") == "always"
            && (Text(p, "ns") ?? OscalJson.OscalNamespace) == OscalJson.OscalNamespace);

    /// <summary>Every control under a catalog or group, at any depth (through groups and child controls), in document order.</summary>
    public static IEnumerable<JsonObject> AllControls(JsonObject container)
    {
        foreach (var control in Objects(container, "controls"))
        {
            yield return control;
            foreach (var child in AllControls(control))
                yield return child;
        }
        foreach (var group in Objects(container, "groups"))
        {
            foreach (var control in AllControls(group))
                yield return control;
        }
    }

    /// <summary>Every group under a catalog or group, at any depth, in document order.</summary>
    public static IEnumerable<JsonObject> AllGroups(JsonObject container)
    {
        foreach (var group in Objects(container, "groups"))
        {
            yield return group;
            foreach (var child in AllGroups(group))
                yield return child;
        }
    }

    /// <summary>Every object in the tree, the root first, depth first in document order.</summary>
    public static IEnumerable<JsonObject> AllObjects(JsonNode? node)
    {
        var stack = new Stack<JsonNode>();
        if (node is not null)
            stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is JsonObject o)
            {
                yield return o;
                foreach (var value in o.Select(p => p.Value).Reverse())
                {
                    if (value is JsonObject or JsonArray)
                        stack.Push(value);
                }
            }
            else if (current is JsonArray a)
            {
                for (var i = a.Count - 1; i >= 0; i--)
                {
                    if (a[i] is JsonObject or JsonArray)
                        stack.Push(a[i]!);
                }
            }
        }
    }

    /// <summary>Every string value in the tree (not the keys).</summary>
    public static IEnumerable<string> AllStrings(JsonNode? node)
    {
        var stack = new Stack<JsonNode>();
        if (node is not null)
            stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        if (value is not null)
                            stack.Push(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        if (item is not null)
                            stack.Push(item);
                    }
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    yield return v.GetValue<string>();
                    break;
            }
        }
    }
}
