using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Scoring;

/// <summary>The metric groups of the CVSS specifications.</summary>
public enum CvssMetricGroup
{
    /// <summary>Base metrics: the intrinsic qualities of a vulnerability.</summary>
    Base,

    /// <summary>Temporal metrics (v2, v3) or Threat metrics (v4).</summary>
    Temporal,

    /// <summary>Environmental metrics.</summary>
    Environmental,

    /// <summary>Supplemental metrics (v4): they do not change the score.</summary>
    Supplemental,
}

/// <summary>One metric of a version's vector: its abbreviation, its name, its group and the values it takes.</summary>
/// <param name="Key">The abbreviation in vectors, such as "AV".</param>
/// <param name="Name">The specification's name, such as "Attack Vector".</param>
/// <param name="Group">Base, temporal/threat, environmental or supplemental.</param>
/// <param name="Mandatory">Whether every vector must state it (the base metrics).</param>
/// <param name="Values">The values it takes, in the specification's order; optional metrics include Not Defined.</param>
public sealed record CvssMetric(string Key, string Name, CvssMetricGroup Group, bool Mandatory, IReadOnlyList<string> Values)
{
    internal static CvssMetric Required(string key, string name, params string[] values) => new(key, name, CvssMetricGroup.Base, true, values);

    internal static CvssMetric Optional(string key, string name, CvssMetricGroup group, params string[] values) => new(key, name, group, false, values);
}

/// <summary>The metrics of one CVSS version in the order of its specification, and the parsing of a vector's body.</summary>
internal sealed class CvssMetricSet
{
    private readonly Dictionary<string, int> _index;

    /// <param name="label">"CVSS 3.1": how messages name the version.</param>
    /// <param name="notDefined">The value that stands for "Not Defined" ("ND" in v2, "X" later).</param>
    /// <param name="ordered">Whether metrics must appear in the specification's order (v4.0) or in any order (v2, v3).</param>
    /// <param name="metrics">The metrics in the specification's order.</param>
    public CvssMetricSet(string label, string notDefined, bool ordered, params CvssMetric[] metrics)
    {
        Label = label;
        NotDefined = notDefined;
        Ordered = ordered;
        Metrics = metrics;
        _index = metrics.Select((m, i) => (m.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
    }

    public string Label { get; }

    public string NotDefined { get; }

    public bool Ordered { get; }

    public IReadOnlyList<CvssMetric> Metrics { get; }

    public int IndexOf(string key) => _index[key];

    /// <summary>Parses "AV:N/AC:L/…" and makes the vector of its values, or says what is wrong.</summary>
    public bool TryCreate<T>(string body, Func<string?[], T> create, [NotNullWhen(true)] out T? vector, [NotNullWhen(false)] out string? error)
        where T : class
    {
        vector = TryParse(body, out var values, out error) ? create(values) : null;
        return vector is not null;
    }

    /// <summary>Parses "AV:N/AC:L/…" into one value per metric (null where absent), or says what is wrong.</summary>
    public bool TryParse(string body, out string?[] values, [NotNullWhen(false)] out string? error)
    {
        values = new string?[Metrics.Count];
        error = null;
        if (body.Length == 0)
        {
            error = CvssErrors.NoMetrics(Label);
            return false;
        }
        var components = body.Split('/');
        var previous = -1;
        for (var i = 0; i < components.Length; i++)
        {
            var component = components[i];
            var position = i + 1;
            if (component.Length == 0)
            {
                error = CvssErrors.EmptyComponent(Label, position);
                return false;
            }
            var colon = component.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == component.Length - 1 || component.IndexOf(':', colon + 1) >= 0)
            {
                error = CvssErrors.NotMetricValue(Label, position, component);
                return false;
            }
            var key = component[..colon];
            var value = component[(colon + 1)..];
            if (!_index.TryGetValue(key, out var index))
            {
                error = CvssErrors.UnknownMetric(Label, position, key);
                return false;
            }
            var metric = Metrics[index];
            if (values[index] is not null)
            {
                error = CvssErrors.Duplicate(Label, metric);
                return false;
            }
            if (!metric.Values.Contains(value, StringComparer.Ordinal))
            {
                error = CvssErrors.UnknownValue(Label, metric, value);
                return false;
            }
            if (Ordered && index < previous)
            {
                error = CvssErrors.OutOfOrder(Label, metric, Metrics[previous]);
                return false;
            }
            values[index] = value;
            previous = index;
        }
        var parsed = values;
        var missing = Metrics.Where((m, i) => m.Mandatory && parsed[i] is null).ToList();
        if (missing.Count > 0)
        {
            error = CvssErrors.Missing(Label, missing);
            return false;
        }
        return true;
    }
}
