using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Shirube.Domain.Scoring;

/// <summary>
/// A parsed CVSS vector of any version: <see cref="Cvss2Vector"/>, <see cref="Cvss3Vector"/> or <see cref="Cvss4Vector"/>.
/// </summary>
/// <remarks>
/// Parsing is strict: every mandatory metric present, none twice, only the values the specification defines, and for
/// v4.0 the order its specification and JSON schema require. v2.0 and v3.x accept any order, as their JSON schemas do.
/// Metric names and values are case-sensitive.
/// </remarks>
public abstract class CvssVector
{
    private readonly CvssMetricSet _set;
    private readonly string?[] _values;

    private protected CvssVector(CvssMetricSet set, string?[] values)
    {
        _set = set;
        _values = values;
        Metrics = set.Metrics
            .Select((m, i) => (m.Key, Value: values[i]))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
    }

    /// <summary>The version of the specification the vector follows.</summary>
    public abstract CvssVersion Version { get; }

    /// <summary>The metrics the vector states, by abbreviation ("AV" → "N"), including those stated as Not Defined.</summary>
    public IReadOnlyDictionary<string, string> Metrics { get; }

    /// <summary>Whether any temporal (v2, v3) or threat (v4) metric has a value other than Not Defined.</summary>
    public bool HasTemporalMetrics => Defines(CvssMetricGroup.Temporal);

    /// <summary>Whether any environmental metric has a value other than Not Defined.</summary>
    public bool HasEnvironmentalMetrics => Defines(CvssMetricGroup.Environmental);

    /// <summary>Scores the vector: base, temporal and environmental scores (v2, v3) or the CVSS-B/BT/BE/BTE score (v4).</summary>
    public abstract CvssScore Score();

    /// <summary>
    /// The normalized vector: the prefix (none for v2, whose parentheses are dropped) and the stated metrics in the
    /// order of the specification.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Prefix);
        foreach (var (metric, value) in _set.Metrics.Zip(_values))
        {
            if (value is null)
                continue;
            if (text.Length > 0)
                text.Append('/');
            text.Append(metric.Key).Append(':').Append(value);
        }
        return text.ToString();
    }

    /// <summary>The metrics of a version in the order of its specification: what a vector editor offers.</summary>
    public static IReadOnlyList<CvssMetric> MetricsOf(CvssVersion version) => SetOf(version).Metrics;

    /// <summary>The value standing for Not Defined in a version: "ND" in v2.0, "X" later.</summary>
    public static string NotDefinedOf(CvssVersion version) => SetOf(version).NotDefined;

    /// <summary>
    /// Writes the vector text of chosen metric values, in the specification's order, leaving out optional metrics that
    /// are Not Defined. The result is not checked: parse it to know whether it is complete and valid.
    /// </summary>
    public static string Compose(CvssVersion version, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var set = SetOf(version);
        var parts = set.Metrics
            .Where(m => values.TryGetValue(m.Key, out var v) && !string.IsNullOrEmpty(v) && (m.Mandatory || v != set.NotDefined))
            .Select(m => m.Key + ":" + values[m.Key]);
        var prefix = version switch
        {
            CvssVersion.V2 => null,
            CvssVersion.V30 => Cvss3Vector.Prefix30,
            CvssVersion.V31 => Cvss3Vector.Prefix31,
            CvssVersion.V40 => Cvss4Vector.Prefix40,
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
        };
        return string.Join('/', prefix is null ? parts : parts.Prepend(prefix));
    }

    private static CvssMetricSet SetOf(CvssVersion version) => version switch
    {
        CvssVersion.V2 => Cvss2Vector.Set,
        CvssVersion.V30 => Cvss3Vector.Set30,
        CvssVersion.V31 => Cvss3Vector.Set31,
        CvssVersion.V40 => Cvss4Vector.Set,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    /// <summary>Parses a vector of any version; the prefix (or its absence, for v2.0) selects the version.</summary>
    /// <exception cref="FormatException">The vector is not valid; the message names the metric and the problem.</exception>
    public static CvssVector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var vector, out var error) ? vector : throw new FormatException(error);
    }

    /// <summary>Parses a vector of any version, or returns false.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out CvssVector? vector) =>
        TryParse(text, out vector, out _);

    /// <summary>Parses a vector of any version, or returns false with a message that names the metric and the problem.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out CvssVector? vector, [NotNullWhen(false)] out string? error)
    {
        vector = null;
        if (string.IsNullOrEmpty(text))
        {
            error = CvssErrors.Empty();
            return false;
        }
        if (!text.StartsWith("CVSS:", StringComparison.Ordinal))
        {
            var ok = Cvss2Vector.TryParseCore(text, out var v2, out error);
            vector = v2;
            return ok;
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? text : text[..slash];
        var body = slash < 0 ? "" : text[(slash + 1)..];
        switch (prefix)
        {
            case Cvss3Vector.Prefix30:
            case Cvss3Vector.Prefix31:
            {
                var ok = Cvss3Vector.TryParseCore(prefix == Cvss3Vector.Prefix31 ? CvssVersion.V31 : CvssVersion.V30, body, out var v3, out error);
                vector = v3;
                return ok;
            }
            case Cvss4Vector.Prefix40:
            {
                var ok = Cvss4Vector.TryParseCore(body, out var v4, out error);
                vector = v4;
                return ok;
            }
            default:
                error = CvssErrors.UnknownVersion(prefix);
                return false;
        }
    }

    private protected abstract string Prefix { get; }

    /// <summary>Parses a vector of the version <typeparamref name="T"/> stands for, or throws.</summary>
    private protected static T ParseAs<T>(string text, string expected)
        where T : CvssVector
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseAs(text, expected, out T? vector, out var error) ? vector : throw new FormatException(error);
    }

    /// <summary>Parses a vector and checks that it is of the version <typeparamref name="T"/> stands for.</summary>
    private protected static bool TryParseAs<T>(string? text, string expected, [NotNullWhen(true)] out T? vector, [NotNullWhen(false)] out string? error)
        where T : CvssVector
    {
        vector = null;
        if (!TryParse(text, out var any, out error))
            return false;
        if (any is not T typed)
        {
            error = CvssErrors.WrongVersion(expected, any.Version);
            return false;
        }
        vector = typed;
        return true;
    }

    /// <summary>The stated value of a metric, or Not Defined ("ND" or "X") when the vector leaves it out.</summary>
    private protected string Value(string key) => _values[_set.IndexOf(key)] ?? _set.NotDefined;

    /// <summary>The result of a v2 or v3 vector: the temporal and environmental scores only where their metrics are stated.</summary>
    private protected CvssScore ScoreWithGroups(decimal baseScore, decimal temporalScore, decimal environmentalScore)
    {
        var temporal = HasTemporalMetrics ? temporalScore : (decimal?)null;
        var environmental = HasEnvironmentalMetrics ? environmentalScore : (decimal?)null;
        var score = environmental ?? temporal ?? baseScore;
        return new CvssScore
        {
            Version = Version,
            Vector = ToString(),
            Score = score,
            Severity = CvssSeverityScale.Rate(Version, score),
            BaseScore = baseScore,
            BaseSeverity = CvssSeverityScale.Rate(Version, baseScore),
            TemporalScore = temporal,
            EnvironmentalScore = environmental,
        };
    }

    private bool Defines(CvssMetricGroup group) =>
        _set.Metrics.Zip(_values).Any(p => p.First.Group == group && p.Second is not null && p.Second != _set.NotDefined);

    /// <summary>A score with exactly one decimal, so that 5 reads "5.0" wherever it is printed.</summary>
    private protected static decimal OneDecimal(decimal score) => decimal.Round(score, 1, MidpointRounding.AwayFromZero) + 0.0m;

    /// <summary>
    /// A score computed in double, as the reference calculators compute it, with exactly one decimal. The score
    /// is already a tenth in double (the nearest double to n / 10); the conversion keeps 15 significant digits,
    /// which gives back that tenth.
    /// </summary>
    private protected static decimal OneDecimal(double score) => OneDecimal((decimal)score);
}
