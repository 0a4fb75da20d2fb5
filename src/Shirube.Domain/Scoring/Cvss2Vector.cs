using System.Diagnostics.CodeAnalysis;
using static Shirube.Domain.Scoring.CvssMetric;

namespace Shirube.Domain.Scoring;

/// <summary>
/// A CVSS v2.0 vector, bare (<c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c>) or in parentheses, with optional temporal
/// (E, RL, RC) and environmental (CDP, TD, CR, IR, AR) metrics; scored with the equations of "A Complete Guide to
/// the Common Vulnerability Scoring System Version 2.0" (FIRST, 2007), section 3.2, as NVD's CVSS v2 calculator
/// computes them.
/// </summary>
/// <remarks>
/// The calculator works in IEEE 754 double and rounds with JavaScript's <c>Math.round(x * 10) / 10</c>, so a score
/// such as 9.0 × 0.95, which is 8.549999… in double, is 8.5 there; Shirube computes the same way to give the same
/// score. Its environmental equation rounds the adjusted temporal score but not the adjusted base score under it.
/// </remarks>
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
        // The guide's order; NVD's equations page writes 20 × AC × Au × AV, which gives another last bit for four of the
        // 27 combinations but the same scores for every vector.
        var exploitability = 20 * AccessVector * AccessComplexity * Authentication;
        var baseScore = RoundToOneDecimal(BaseEquation(Impact(1, 1, 1), exploitability));
        var temporalScore = RoundToOneDecimal(TemporalEquation(baseScore));
        // AdjustedTemporal is the temporal equation over the base equation with the AdjustedImpact, which is capped at 10.
        var adjustedBase = BaseEquation(Math.Min(10, Impact(Requirement("CR"), Requirement("IR"), Requirement("AR"))), exploitability);
        var adjustedTemporal = RoundToOneDecimal(TemporalEquation(adjustedBase));
        var environmentalScore = RoundToOneDecimal((adjustedTemporal + ((10 - adjustedTemporal) * CollateralDamage)) * TargetDistribution);
        BaseScore = Published(baseScore);
        TemporalScore = Published(temporalScore);
        EnvironmentalScore = Published(environmentalScore);
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

    /// <summary>
    /// The guide's round_to_1_decimal as NVD's calculator writes it, <c>Math.round(x * 10) / 10</c>: JavaScript's
    /// Math.round takes the nearest integer and, at a tie, the one towards positive infinity.
    /// </summary>
    private static double RoundToOneDecimal(double value) => JavaScriptRound(value * 10) / 10;

    private static double JavaScriptRound(double value)
    {
        // value - floor(value) is exact in double, so the tie test sees the value the calculator sees.
        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>
    /// A score as Shirube reports it. The guide's scores lie between 0.0 and 10.0, but with low requirements the
    /// adjusted base equation can fall below zero and carry the environmental score to -0.1 or less; that reads as 0.0.
    /// </summary>
    private static decimal Published(double score) => OneDecimal(Math.Max(0, score));

    private static double BaseEquation(double impact, double exploitability) =>
        ((0.6 * impact) + (0.4 * exploitability) - 1.5) * (impact == 0 ? 0 : 1.176);

    private double TemporalEquation(double baseScore) => baseScore * Exploitability * RemediationLevel * ReportConfidence;

    private double Impact(double cr, double ir, double ar) =>
        10.41 * (1 - ((1 - (ImpactWeight("C") * cr)) * (1 - (ImpactWeight("I") * ir)) * (1 - (ImpactWeight("A") * ar))));

    private double AccessVector => Value("AV") switch { "L" => 0.395, "A" => 0.646, _ => 1.0 };

    private double AccessComplexity => Value("AC") switch { "H" => 0.35, "M" => 0.61, _ => 0.71 };

    private double Authentication => Value("Au") switch { "M" => 0.45, "S" => 0.56, _ => 0.704 };

    private double ImpactWeight(string key) => Value(key) switch { "N" => 0, "P" => 0.275, _ => 0.660 };

    private double Exploitability => Value("E") switch { "U" => 0.85, "POC" => 0.9, "F" => 0.95, _ => 1.0 };

    private double RemediationLevel => Value("RL") switch { "OF" => 0.87, "TF" => 0.90, "W" => 0.95, _ => 1.0 };

    private double ReportConfidence => Value("RC") switch { "UC" => 0.90, "UR" => 0.95, _ => 1.0 };

    private double CollateralDamage => Value("CDP") switch { "L" => 0.1, "LM" => 0.3, "MH" => 0.4, "H" => 0.5, _ => 0 };

    private double TargetDistribution => Value("TD") switch { "N" => 0, "L" => 0.25, "M" => 0.75, _ => 1.0 };

    private double Requirement(string key) => Value(key) switch { "L" => 0.5, "H" => 1.51, _ => 1.0 };
}
