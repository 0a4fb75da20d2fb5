using System.Diagnostics.CodeAnalysis;
using static Shirube.Domain.Scoring.CvssMetric;

namespace Shirube.Domain.Scoring;

/// <summary>
/// A CVSS v2.0 vector, bare (<c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c>) or in parentheses, with optional temporal
/// (E, RL, RC) and environmental (CDP, TD, CR, IR, AR) metrics; scored as "A Complete Guide to the Common
/// Vulnerability Scoring System Version 2.0" (FIRST, 2007), section 3.2, defines.
/// </summary>
/// <remarks>Arithmetic is exact decimal, and round_to_1_decimal rounds half away from zero.</remarks>
public sealed class Cvss2Vector : CvssVector
{
    private const CvssMetricGroup Temporal = CvssMetricGroup.Temporal;
    private const CvssMetricGroup Environmental = CvssMetricGroup.Environmental;

    internal static readonly CvssMetricSet Set = new("CVSS 2.0", "ND", ordered: false,
        Required("AV", "Access Vector", "L", "A", "N"),
        Required("AC", "Access Complexity", "H", "M", "L"),
        Required("Au", "Authentication", "M", "S", "N"),
        Required("C", "Confidentiality Impact", "N", "P", "C"),
        Required("I", "Integrity Impact", "N", "P", "C"),
        Required("A", "Availability Impact", "N", "P", "C"),
        Optional("E", "Exploitability", Temporal, "U", "POC", "F", "H", "ND"),
        Optional("RL", "Remediation Level", Temporal, "OF", "TF", "W", "U", "ND"),
        Optional("RC", "Report Confidence", Temporal, "UC", "UR", "C", "ND"),
        Optional("CDP", "Collateral Damage Potential", Environmental, "N", "L", "LM", "MH", "H", "ND"),
        Optional("TD", "Target Distribution", Environmental, "N", "L", "M", "H", "ND"),
        Optional("CR", "Confidentiality Requirement", Environmental, "L", "M", "H", "ND"),
        Optional("IR", "Integrity Requirement", Environmental, "L", "M", "H", "ND"),
        Optional("AR", "Availability Requirement", Environmental, "L", "M", "H", "ND"));

    private Cvss2Vector(string?[] values) : base(Set, values)
    {
        var impact = Impact(1, 1, 1, cap: false);
        var exploitability = 20 * AccessVector * AccessComplexity * Authentication;
        BaseScore = OneDecimal(BaseEquation(impact, exploitability));
        TemporalScore = OneDecimal(TemporalEquation(BaseScore));
        var adjustedImpact = Impact(Requirement("CR"), Requirement("IR"), Requirement("AR"), cap: true);
        var adjustedTemporal = TemporalEquation(BaseEquation(adjustedImpact, exploitability));
        EnvironmentalScore = OneDecimal(Round1((adjustedTemporal + (10 - adjustedTemporal) * CollateralDamage) * TargetDistribution));
    }

    /// <inheritdoc/>
    public override CvssVersion Version => CvssVersion.V2;

    /// <summary>The base score.</summary>
    public decimal BaseScore { get; }

    /// <summary>The temporal score, taking metrics left out or Not Defined (ND) at 1.0; equals the base score when none is stated.</summary>
    public decimal TemporalScore { get; }

    /// <summary>The environmental score, taking metrics left out or Not Defined (ND) as the guide says.</summary>
    public decimal EnvironmentalScore { get; }

    private protected override string Prefix => "";

    /// <summary>Parses a CVSS v2.0 vector.</summary>
    /// <exception cref="FormatException">The vector is not valid; the message names the metric and the problem.</exception>
    public static new Cvss2Vector Parse(string text) => ParseAs<Cvss2Vector>(text, "CVSS 2.0");

    /// <summary>Parses a CVSS v2.0 vector, or returns false with a message that names the metric and the problem.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Cvss2Vector? vector, [NotNullWhen(false)] out string? error) =>
        TryParseAs(text, "CVSS 2.0", out vector, out error);

    internal static bool TryParseCore(string text, [NotNullWhen(true)] out Cvss2Vector? vector, [NotNullWhen(false)] out string? error)
    {
        vector = null;
        var body = text;
        if (text.StartsWith('(') || text.EndsWith(')'))
        {
            if (text.Length < 2 || !text.StartsWith('(') || !text.EndsWith(')'))
            {
                error = CvssErrors.UnbalancedParenthesis();
                return false;
            }
            body = text[1..^1];
        }
        return Set.TryCreate(body, values => new Cvss2Vector(values), out vector, out error);
    }

    /// <inheritdoc/>
    public override CvssScore Score() => ScoreWithGroups(BaseScore, TemporalScore, EnvironmentalScore);

    private static decimal Round1(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero);

    private static decimal BaseEquation(decimal impact, decimal exploitability) =>
        impact == 0 ? 0 : Round1(((0.6m * impact) + (0.4m * exploitability) - 1.5m) * 1.176m);

    private decimal TemporalEquation(decimal baseScore) => Round1(baseScore * Exploitability * RemediationLevel * ReportConfidence);

    // The adjusted impact of the environmental equation is capped at 10; the base impact is not.
    private decimal Impact(decimal cr, decimal ir, decimal ar, bool cap)
    {
        var impact = 10.41m * (1 - ((1 - (ImpactWeight("C") * cr)) * (1 - (ImpactWeight("I") * ir)) * (1 - (ImpactWeight("A") * ar))));
        return cap ? Math.Min(10, impact) : impact;
    }

    private decimal AccessVector => Value("AV") switch { "L" => 0.395m, "A" => 0.646m, _ => 1.0m };

    private decimal AccessComplexity => Value("AC") switch { "H" => 0.35m, "M" => 0.61m, _ => 0.71m };

    private decimal Authentication => Value("Au") switch { "M" => 0.45m, "S" => 0.56m, _ => 0.704m };

    private decimal ImpactWeight(string key) => Value(key) switch { "N" => 0m, "P" => 0.275m, _ => 0.660m };

    private decimal Exploitability => Value("E") switch { "U" => 0.85m, "POC" => 0.9m, "F" => 0.95m, _ => 1.0m };

    private decimal RemediationLevel => Value("RL") switch { "OF" => 0.87m, "TF" => 0.90m, "W" => 0.95m, _ => 1.0m };

    private decimal ReportConfidence => Value("RC") switch { "UC" => 0.90m, "UR" => 0.95m, _ => 1.0m };

    private decimal CollateralDamage => Value("CDP") switch { "L" => 0.1m, "LM" => 0.3m, "MH" => 0.4m, "H" => 0.5m, _ => 0m };

    private decimal TargetDistribution => Value("TD") switch { "N" => 0m, "L" => 0.25m, "M" => 0.75m, _ => 1.0m };

    private decimal Requirement(string key) => Value(key) switch { "L" => 0.5m, "H" => 1.51m, _ => 1.0m };
}
