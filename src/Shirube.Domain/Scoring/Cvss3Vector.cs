using System.Diagnostics.CodeAnalysis;
using static Shirube.Domain.Scoring.CvssMetric;

namespace Shirube.Domain.Scoring;

/// <summary>
/// A CVSS v3.0 or v3.1 vector (<c>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</c>) with optional temporal
/// (E, RL, RC) and environmental (CR, IR, AR, MAV … MA) metrics, scored as section 7 of FIRST's specification
/// of that version defines.
/// </summary>
/// <remarks>
/// v3.0 is computed as FIRST's v3.0 calculator (cvsscalc30.js) computes it: in IEEE 754 double, with Roundup as
/// <c>Math.ceil(x * 10) / 10</c>, so that 10.0 × 0.92, which is 9.200000000000001 in double, rounds up to 9.3 there
/// and here. v3.1's Appendix A replaced that Roundup with one on integers to end such results; v3.1 is computed in
/// exact decimal with it. The two versions also differ in the Modified Impact of a changed scope.
/// </remarks>
public sealed class Cvss3Vector : CvssVector
{
    internal const string Prefix30 = "CVSS:3.0";
    internal const string Prefix31 = "CVSS:3.1";

    private const CvssMetricGroup Temporal = CvssMetricGroup.Temporal;
    private const CvssMetricGroup Environmental = CvssMetricGroup.Environmental;

    private static readonly CvssMetric[] Metrics3 =
    [
        Required("AV", "Attack Vector", "N", "A", "L", "P"),
        Required("AC", "Attack Complexity", "L", "H"),
        Required("PR", "Privileges Required", "N", "L", "H"),
        Required("UI", "User Interaction", "N", "R"),
        Required("S", "Scope", "U", "C"),
        Required("C", "Confidentiality", "H", "L", "N"),
        Required("I", "Integrity", "H", "L", "N"),
        Required("A", "Availability", "H", "L", "N"),
        Optional("E", "Exploit Code Maturity", Temporal, "X", "H", "F", "P", "U"),
        Optional("RL", "Remediation Level", Temporal, "X", "U", "W", "T", "O"),
        Optional("RC", "Report Confidence", Temporal, "X", "C", "R", "U"),
        Optional("CR", "Confidentiality Requirement", Environmental, "X", "H", "M", "L"),
        Optional("IR", "Integrity Requirement", Environmental, "X", "H", "M", "L"),
        Optional("AR", "Availability Requirement", Environmental, "X", "H", "M", "L"),
        Optional("MAV", "Modified Attack Vector", Environmental, "X", "N", "A", "L", "P"),
        Optional("MAC", "Modified Attack Complexity", Environmental, "X", "L", "H"),
        Optional("MPR", "Modified Privileges Required", Environmental, "X", "N", "L", "H"),
        Optional("MUI", "Modified User Interaction", Environmental, "X", "N", "R"),
        Optional("MS", "Modified Scope", Environmental, "X", "U", "C"),
        Optional("MC", "Modified Confidentiality", Environmental, "X", "H", "L", "N"),
        Optional("MI", "Modified Integrity", Environmental, "X", "H", "L", "N"),
        Optional("MA", "Modified Availability", Environmental, "X", "H", "L", "N"),
    ];

    internal static readonly CvssMetricSet Set30 = new("CVSS 3.0", "X", ordered: false, Metrics3);
    internal static readonly CvssMetricSet Set31 = new("CVSS 3.1", "X", ordered: false, Metrics3);

    private Cvss3Vector(CvssVersion version, string?[] values) : base(version == CvssVersion.V31 ? Set31 : Set30, values)
    {
        Version = version;
        if (version == CvssVersion.V30)
        {
            var (baseScore, temporalScore, environmentalScore) = ScoreAsCalculator30();
            BaseScore = OneDecimal(baseScore);
            TemporalScore = OneDecimal(temporalScore);
            EnvironmentalScore = OneDecimal(environmentalScore);
            return;
        }
        BaseScore = OneDecimal(ComputeBase());
        TemporalScore = OneDecimal(Roundup(BaseScore * TemporalFactor));
        EnvironmentalScore = OneDecimal(ComputeEnvironmental());
    }

    /// <inheritdoc/>
    public override CvssVersion Version { get; }

    /// <summary>The base score.</summary>
    public decimal BaseScore { get; }

    /// <summary>The temporal score, taking metrics left out as Not Defined (X); equals the base score when none is stated.</summary>
    public decimal TemporalScore { get; }

    /// <summary>
    /// The environmental score, taking metrics left out as Not Defined (X). In v3.1 it may differ from the base
    /// score even when no environmental metric is stated, because the Modified Impact equation differs.
    /// </summary>
    public decimal EnvironmentalScore { get; }

    private protected override string Prefix => Version == CvssVersion.V31 ? Prefix31 : Prefix30;

    /// <summary>Parses a CVSS v3.0 or v3.1 vector.</summary>
    /// <exception cref="FormatException">The vector is not valid; the message names the metric and the problem.</exception>
    public static new Cvss3Vector Parse(string text) => ParseAs<Cvss3Vector>(text, "CVSS 3.x");

    /// <summary>Parses a CVSS v3.0 or v3.1 vector, or returns false with a message that names the metric and the problem.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Cvss3Vector? vector, [NotNullWhen(false)] out string? error) =>
        TryParseAs(text, "CVSS 3.x", out vector, out error);

    internal static bool TryParseCore(CvssVersion version, string body, [NotNullWhen(true)] out Cvss3Vector? vector, [NotNullWhen(false)] out string? error) =>
        (version == CvssVersion.V31 ? Set31 : Set30).TryCreate(body, values => new Cvss3Vector(version, values), out vector, out error);

    /// <inheritdoc/>
    public override CvssScore Score() => ScoreWithGroups(BaseScore, TemporalScore, EnvironmentalScore);

    private decimal ComputeBase()
    {
        var changed = Value("S") == "C";
        var iss = 1 - ((1 - Cia(Value("C"))) * (1 - Cia(Value("I"))) * (1 - Cia(Value("A"))));
        var impact = changed ? (7.52m * (iss - 0.029m)) - (3.25m * Power(iss - 0.02m, 15)) : 6.42m * iss;
        if (impact <= 0)
            return 0;
        var exploitability = 8.22m * AttackVector(Value("AV")) * AttackComplexity(Value("AC")) * PrivilegesRequired(Value("PR"), changed) * UserInteraction(Value("UI"));
        return Roundup(Math.Min((changed ? 1.08m : 1) * (impact + exploitability), 10));
    }

    private decimal ComputeEnvironmental()
    {
        var changed = Modified("MS", "S") == "C";
        var miss = Math.Min(
            1 - ((1 - (Requirement("CR") * Cia(Modified("MC", "C")))) * (1 - (Requirement("IR") * Cia(Modified("MI", "I")))) * (1 - (Requirement("AR") * Cia(Modified("MA", "A"))))),
            0.915m);
        var impact = changed ? (7.52m * (miss - 0.029m)) - (3.25m * Power((miss * 0.9731m) - 0.02m, 13)) : 6.42m * miss;
        if (impact <= 0)
            return 0;
        var exploitability = 8.22m * AttackVector(Modified("MAV", "AV")) * AttackComplexity(Modified("MAC", "AC"))
            * PrivilegesRequired(Modified("MPR", "PR"), changed) * UserInteraction(Modified("MUI", "UI"));
        return Roundup(Roundup(Math.Min((changed ? 1.08m : 1) * (impact + exploitability), 10)) * TemporalFactor);
    }

    /// <summary>
    /// v3.1's Roundup, the smallest number with one decimal that is equal to or higher than the input, worked on an
    /// integer as its Appendix A says so that floating-point noise cannot lift x.x0000001 to the next tenth.
    /// </summary>
    private static decimal Roundup(decimal value)
    {
        var scaled = Math.Round(value * 100_000, MidpointRounding.AwayFromZero);
        return scaled % 10_000 == 0 ? scaled / 100_000 : (Math.Floor(scaled / 10_000) + 1) / 10;
    }

    /// <summary>
    /// The v3.0 scores in the order and the double arithmetic of FIRST's cvsscalc30.js (section 8 of the v3.0
    /// specification): products left to right as written there, Math.Pow for the power, and <see cref="RoundUp1"/>.
    /// </summary>
    /// <remarks>
    /// .NET's Math.Pow and JavaScript's Math.pow are each within an ulp of the true power, so they could part only for
    /// a score within an ulp of a tenth; the 2,623 v3.0 vectors of Red Hat's suite all agree.
    /// </remarks>
    private (double Base, double Temporal, double Environmental) ScoreAsCalculator30()
    {
        var changed = Value("S") == "C";
        var exploitability = 8.22 * AsDouble(AttackVector(Value("AV"))) * AsDouble(AttackComplexity(Value("AC")))
            * AsDouble(PrivilegesRequired(Value("PR"), changed)) * AsDouble(UserInteraction(Value("UI")));
        var iss = 1 - ((1 - AsDouble(Cia(Value("C")))) * (1 - AsDouble(Cia(Value("I")))) * (1 - AsDouble(Cia(Value("A")))));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var baseScore = impact <= 0 ? 0 : RoundUp1(Math.Min((exploitability + impact) * (changed ? 1.08 : 1), 10));
        var temporalScore = RoundUp1(baseScore * WeightE * WeightRL * WeightRC);

        var modifiedChanged = Modified("MS", "S") == "C";
        var modifiedExploitability = 8.22 * AsDouble(AttackVector(Modified("MAV", "AV"))) * AsDouble(AttackComplexity(Modified("MAC", "AC")))
            * AsDouble(PrivilegesRequired(Modified("MPR", "PR"), modifiedChanged)) * AsDouble(UserInteraction(Modified("MUI", "UI")));
        var miss = Math.Min(
            1 - ((1 - (AsDouble(Cia(Modified("MC", "C"))) * AsDouble(Requirement("CR"))))
                * (1 - (AsDouble(Cia(Modified("MI", "I"))) * AsDouble(Requirement("IR"))))
                * (1 - (AsDouble(Cia(Modified("MA", "A"))) * AsDouble(Requirement("AR"))))),
            0.915);
        var modifiedImpact = modifiedChanged ? (7.52 * (miss - 0.029)) - (3.25 * Math.Pow(miss - 0.02, 15)) : 6.42 * miss;
        var environmentalScore = modifiedImpact <= 0 ? 0
            : RoundUp1(RoundUp1(Math.Min((modifiedChanged ? 1.08 : 1) * (modifiedImpact + modifiedExploitability), 10)) * WeightE * WeightRL * WeightRC);
        return (baseScore, temporalScore, environmentalScore);
    }

    /// <summary>v3.0's Roundup as FIRST's calculator writes it: <c>Math.ceil(x * 10) / 10</c> in double.</summary>
    private static double RoundUp1(double value) => Math.Ceiling(value * 10) / 10;

    // The weights are short decimal constants: the conversion divides an exact integer by an exact power of ten once,
    // which gives the nearest double, the same double as the literal in the calculator's source.
    private static double AsDouble(decimal weight) => (double)weight;

    private double WeightE => AsDouble(ExploitCodeMaturity);

    private double WeightRL => AsDouble(RemediationLevel);

    private double WeightRC => AsDouble(ReportConfidence);

    private static decimal Power(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
            result *= value;
        return result;
    }

    private string Modified(string modified, string key) => Value(modified) is var v && v != "X" ? v : Value(key);

    private decimal TemporalFactor => ExploitCodeMaturity * RemediationLevel * ReportConfidence;

    private static decimal AttackVector(string value) => value switch { "N" => 0.85m, "A" => 0.62m, "L" => 0.55m, _ => 0.2m };

    private static decimal AttackComplexity(string value) => value == "L" ? 0.77m : 0.44m;

    private static decimal PrivilegesRequired(string value, bool scopeChanged) => value switch
    {
        "N" => 0.85m,
        "L" => scopeChanged ? 0.68m : 0.62m,
        _ => scopeChanged ? 0.5m : 0.27m,
    };

    private static decimal UserInteraction(string value) => value == "N" ? 0.85m : 0.62m;

    private static decimal Cia(string value) => value switch { "H" => 0.56m, "L" => 0.22m, _ => 0m };

    private decimal Requirement(string key) => Value(key) switch { "H" => 1.5m, "L" => 0.5m, _ => 1m };

    private decimal ExploitCodeMaturity => Value("E") switch { "F" => 0.97m, "P" => 0.94m, "U" => 0.91m, _ => 1m };

    private decimal RemediationLevel => Value("RL") switch { "W" => 0.97m, "T" => 0.96m, "O" => 0.95m, _ => 1m };

    private decimal ReportConfidence => Value("RC") switch { "R" => 0.96m, "U" => 0.92m, _ => 1m };
}
