using System.Text.Json;

namespace Shirube.Domain.Auditing;

/// <summary>One field of a record as an audit entry shows it.</summary>
/// <param name="Field">The field name.</param>
/// <param name="Before">Its value before, as JSON text; null when the record was created.</param>
/// <param name="After">Its value after, as JSON text; null when the record was deleted.</param>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>Which fields an audit entry changed, from its before and after snapshots.</summary>
public static class AuditDiff
{
    /// <summary>
    /// The fields that differ between the snapshots (every field with a value for a create or delete),
    /// in field order.
    /// </summary>
    public static IReadOnlyList<AuditChange> Changes(string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        var changes = new List<AuditChange>();
        foreach (var field in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            old.TryGetValue(field, out var b);
            now.TryGetValue(field, out var a);
            if (before is not null && after is not null && b == a)
                continue;
            if ((b is null or "null") && (a is null or "null"))
                continue;
            changes.Add(new AuditChange(field, before is null ? null : b, after is null ? null : a));
        }
        return changes;
    }

    private static Dictionary<string, string> Fields(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
            return fields;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return fields;
        foreach (var property in document.RootElement.EnumerateObject())
            fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        return fields;
    }
}
