using System.Globalization;

namespace Shirube.Domain.Scoring;

/// <summary>The messages of a vector that does not parse, in one place so that they read alike.</summary>
internal static class CvssErrors
{
    private static string F(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    public static string Empty() => "The vector is empty.";

    public static string UnknownVersion(string prefix) =>
        F($"Unknown version prefix '{prefix}': expected CVSS:3.0, CVSS:3.1, CVSS:4.0, or a CVSS 2.0 vector without a prefix.");

    public static string UnbalancedParenthesis() =>
        "A CVSS 2.0 vector in parentheses must start with '(' and end with ')'.";

    public static string NoMetrics(string label) => F($"{label} vector has no metrics after the prefix.");

    public static string EmptyComponent(string label, int position) =>
        F($"{label} vector: component {position} is empty (two slashes in a row, or a slash at the end).");

    public static string NotMetricValue(string label, int position, string component) =>
        F($"{label} vector: component {position} '{component}' is not METRIC:VALUE.");

    public static string UnknownMetric(string label, int position, string metric) =>
        F($"{label} vector: component {position} names the unknown metric '{metric}'.");

    public static string Duplicate(string label, CvssMetric metric) =>
        F($"{label} vector: metric {metric.Key} ({metric.Name}) appears more than once.");

    public static string UnknownValue(string label, CvssMetric metric, string value) =>
        F($"{label} vector: metric {metric.Key} ({metric.Name}) has the unknown value '{value}'; expected one of {string.Join(", ", metric.Values)}.");

    public static string OutOfOrder(string label, CvssMetric metric, CvssMetric previous) =>
        F($"{label} vector: metric {metric.Key} ({metric.Name}) is out of order: the specification puts it before {previous.Key}.");

    public static string Missing(string label, IEnumerable<CvssMetric> metrics) =>
        F($"{label} vector: mandatory metric missing: {string.Join(", ", metrics.Select(m => $"{m.Key} ({m.Name})"))}.");

    public static string WrongVersion(string expected, CvssVersion actual) =>
        F($"Expected a {expected} vector, not a CVSS {actual.ToVersionString()} one.");
}
