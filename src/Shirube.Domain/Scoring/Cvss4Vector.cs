using System.Diagnostics.CodeAnalysis;
using static Shirube.Domain.Scoring.CvssMetric;

namespace Shirube.Domain.Scoring;

/// <summary>
/// A CVSS v4.0 vector (<c>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</c>) with optional threat
/// (E), environmental (CR, IR, AR, MAV … MSA) and supplemental (S, AU, R, V, RE, U) metrics, in the order of the
/// specification's Table 23; scored from its MacroVector as section 8 of the v4.0 specification and FIRST's
/// calculator define (see <see cref="Cvss4Data"/>).
/// </summary>
/// <remarks>
/// The score is the MacroVector's score lowered by the vector's mean proportional distance from the
/// highest-severity vector of its MacroVector, towards the next lower MacroVector of each equivalence set.
/// Supplemental metrics do not change the score.
/// </remarks>
public sealed class Cvss4Vector : CvssVector
{
    internal const string Prefix40 = "CVSS:4.0";

    private const CvssMetricGroup Threat = CvssMetricGroup.Temporal;
    private const CvssMetricGroup Environmental = CvssMetricGroup.Environmental;
    private const CvssMetricGroup Supplemental = CvssMetricGroup.Supplemental;

    private const decimal Step = 0.1m;

    internal static readonly CvssMetricSet Set = new("CVSS 4.0", "X", ordered: true,
        Required("AV", "Attack Vector", "N", "A", "L", "P"),
        Required("AC", "Attack Complexity", "L", "H"),
        Required("AT", "Attack Requirements", "N", "P"),
        Required("PR", "Privileges Required", "N", "L", "H"),
        Required("UI", "User Interaction", "N", "P", "A"),
        Required("VC", "Vulnerable System Confidentiality", "H", "L", "N"),
        Required("VI", "Vulnerable System Integrity", "H", "L", "N"),
        Required("VA", "Vulnerable System Availability", "H", "L", "N"),
        Required("SC", "Subsequent System Confidentiality", "H", "L", "N"),
        Required("SI", "Subsequent System Integrity", "H", "L", "N"),
        Required("SA", "Subsequent System Availability", "H", "L", "N"),
        Optional("E", "Exploit Maturity", Threat, "X", "A", "P", "U"),
        Optional("CR", "Confidentiality Requirement", Environmental, "X", "H", "M", "L"),
        Optional("IR", "Integrity Requirement", Environmental, "X", "H", "M", "L"),
        Optional("AR", "Availability Requirement", Environmental, "X", "H", "M", "L"),
        Optional("MAV", "Modified Attack Vector", Environmental, "X", "N", "A", "L", "P"),
        Optional("MAC", "Modified Attack Complexity", Environmental, "X", "L", "H"),
        Optional("MAT", "Modified Attack Requirements", Environmental, "X", "N", "P"),
        Optional("MPR", "Modified Privileges Required", Environmental, "X", "N", "L", "H"),
        Optional("MUI", "Modified User Interaction", Environmental, "X", "N", "P", "A"),
        Optional("MVC", "Modified Vulnerable System Confidentiality", Environmental, "X", "H", "L", "N"),
        Optional("MVI", "Modified Vulnerable System Integrity", Environmental, "X", "H", "L", "N"),
        Optional("MVA", "Modified Vulnerable System Availability", Environmental, "X", "H", "L", "N"),
        Optional("MSC", "Modified Subsequent System Confidentiality", Environmental, "X", "H", "L", "N"),
        Optional("MSI", "Modified Subsequent System Integrity", Environmental, "X", "S", "H", "L", "N"),
        Optional("MSA", "Modified Subsequent System Availability", Environmental, "X", "S", "H", "L", "N"),
        Optional("S", "Safety", Supplemental, "X", "N", "P"),
        Optional("AU", "Automatable", Supplemental, "X", "N", "Y"),
        Optional("R", "Recovery", Supplemental, "X", "A", "U", "I"),
        Optional("V", "Value Density", Supplemental, "X", "D", "C"),
        Optional("RE", "Vulnerability Response Effort", Supplemental, "X", "L", "M", "H"),
        Optional("U", "Provider Urgency", Supplemental, "X", "Clear", "Green", "Amber", "Red"));

    // The metrics whose severity distance to the MacroVector's highest-severity vector is measured.
    private static readonly string[] DistanceMetrics = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR"];

    private readonly Dictionary<string, string> _effective;

    private Cvss4Vector(string?[] values) : base(Set, values)
    {
        _effective = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (string[])["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"])
            _effective[key] = Value("M" + key) is var modified && modified != "X" ? modified : Value(key);
        _effective["E"] = Value("E") is var e && e != "X" ? e : "A";
        foreach (var key in (string[])["CR", "IR", "AR"])
            _effective[key] = Value(key) is var requirement && requirement != "X" ? requirement : "H";
        MacroVector = string.Concat(Eq1(), Eq2(), Eq3(), Eq4(), Eq5(), Eq6());
        BaseScore = OneDecimal(ComputeScore());
    }

    /// <inheritdoc/>
    public override CvssVersion Version => CvssVersion.V40;

    /// <summary>The CVSS v4.0 score (CVSS-B, -BT, -BE or -BTE after <see cref="Nomenclature"/>).</summary>
    public decimal BaseScore { get; }

    /// <summary>The MacroVector: the levels of the equivalence sets EQ1 to EQ6, such as "000200".</summary>
    public string MacroVector { get; }

    /// <summary>"CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE": which metric groups the score takes into account.</summary>
    public string Nomenclature => (HasTemporalMetrics, HasEnvironmentalMetrics) switch
    {
        (false, false) => "CVSS-B",
        (true, false) => "CVSS-BT",
        (false, true) => "CVSS-BE",
        (true, true) => "CVSS-BTE",
    };

    private protected override string Prefix => Prefix40;

    /// <summary>Parses a CVSS v4.0 vector.</summary>
    /// <exception cref="FormatException">The vector is not valid; the message names the metric and the problem.</exception>
    public static new Cvss4Vector Parse(string text) => ParseAs<Cvss4Vector>(text, "CVSS 4.0");

    /// <summary>Parses a CVSS v4.0 vector, or returns false with a message that names the metric and the problem.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Cvss4Vector? vector, [NotNullWhen(false)] out string? error) =>
        TryParseAs(text, "CVSS 4.0", out vector, out error);

    internal static bool TryParseCore(string body, [NotNullWhen(true)] out Cvss4Vector? vector, [NotNullWhen(false)] out string? error) =>
        Set.TryCreate(body, values => new Cvss4Vector(values), out vector, out error);

    /// <inheritdoc/>
    public override CvssScore Score() => new()
    {
        Version = Version,
        Vector = ToString(),
        Score = BaseScore,
        Severity = CvssSeverityScale.Rate(Version, BaseScore),
        Nomenclature = Nomenclature,
    };

    private bool Is(string key, string value) => _effective[key] == value;

    private int Eq1()
    {
        if (Is("AV", "N") && Is("PR", "N") && Is("UI", "N"))
            return 0;
        if ((Is("AV", "N") || Is("PR", "N") || Is("UI", "N")) && !Is("AV", "P"))
            return 1;
        return 2;
    }

    private int Eq2() => Is("AC", "L") && Is("AT", "N") ? 0 : 1;

    private int Eq3()
    {
        if (Is("VC", "H") && Is("VI", "H"))
            return 0;
        return Is("VC", "H") || Is("VI", "H") || Is("VA", "H") ? 1 : 2;
    }

    private int Eq4()
    {
        if (Is("SI", "S") || Is("SA", "S"))
            return 0;
        return Is("SC", "H") || Is("SI", "H") || Is("SA", "H") ? 1 : 2;
    }

    private int Eq5() => _effective["E"] switch { "A" => 0, "P" => 1, _ => 2 };

    private int Eq6() => (Is("CR", "H") && Is("VC", "H")) || (Is("IR", "H") && Is("VI", "H")) || (Is("AR", "H") && Is("VA", "H")) ? 0 : 1;

    private decimal ComputeScore()
    {
        if (((string[])["VC", "VI", "VA", "SC", "SI", "SA"]).All(key => Is(key, "N")))
            return 0;
        var eq = MacroVector.Select(c => c - '0').ToArray();
        var value = Cvss4Data.MacroVectorScores[MacroVector];

        // The score of the next lower MacroVector in each equivalence set; null where there is none.
        var lowerEq1 = Lookup(eq, 0);
        var lowerEq2 = Lookup(eq, 1);
        var lowerEq3Eq6 = (eq[2], eq[5]) switch
        {
            (0, 0) => Max(Lookup(eq, 5), Lookup(eq, 2)),
            (1, 0) => Lookup(eq, 5),
            (0, 1) or (1, 1) => Lookup(eq, 2),
            _ => Lookup(eq, 2, 5),
        };
        var lowerEq4 = Lookup(eq, 3);
        var lowerEq5 = Lookup(eq, 4);

        var distance = Distances(HighestSeverityVector(eq));
        var parts = new List<decimal>(5);
        Add(lowerEq1, distance["AV"] + distance["PR"] + distance["UI"], Cvss4Data.DepthEq1[eq[0]]);
        Add(lowerEq2, distance["AC"] + distance["AT"], Cvss4Data.DepthEq2[eq[1]]);
        Add(lowerEq3Eq6, distance["VC"] + distance["VI"] + distance["VA"] + distance["CR"] + distance["IR"] + distance["AR"], Cvss4Data.DepthEq3Eq6[eq[2]][eq[5]]);
        Add(lowerEq4, distance["SC"] + distance["SI"] + distance["SA"], Cvss4Data.DepthEq4[eq[3]]);
        // EQ5 has one value per level, so the vector is never below its top: it counts, at no distance.
        Add(lowerEq5, 0, Cvss4Data.DepthEq5[eq[4]]);

        var mean = parts.Count == 0 ? 0 : parts.Sum() / parts.Count;
        return Math.Clamp(value - mean, 0, 10);

        void Add(decimal? lower, decimal current, int depth)
        {
            if (lower is not { } lowerScore)
                return;
            parts.Add((value - lowerScore) * (current / (depth * Step)));
        }
    }

    private static decimal? Lookup(int[] eq, params int[] raise)
    {
        var key = string.Concat(eq.Select((level, i) => raise.Contains(i) ? level + 1 : level));
        return Cvss4Data.MacroVectorScores.TryGetValue(key, out var score) ? score : null;
    }

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>The first of the MacroVector's highest-severity vectors that the vector does not exceed in any metric.</summary>
    private Dictionary<string, string> HighestSeverityVector(int[] eq)
    {
        foreach (var eq1 in Cvss4Data.MaxEq1[eq[0]])
        foreach (var eq2 in Cvss4Data.MaxEq2[eq[1]])
        foreach (var eq3Eq6 in Cvss4Data.MaxEq3Eq6[eq[2]][eq[5]])
        foreach (var eq4 in Cvss4Data.MaxEq4[eq[3]])
        {
            var candidate = string.Join('/', eq1, eq2, eq3Eq6, eq4).Split('/')
                .Select(m => m.Split(':'))
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            if (Distances(candidate).Values.All(d => d >= 0))
                return candidate;
        }
        throw new InvalidOperationException($"No highest-severity vector of MacroVector {MacroVector} is above {this}.");
    }

    private Dictionary<string, decimal> Distances(Dictionary<string, string> max) =>
        DistanceMetrics.ToDictionary(key => key, key => Level(key, _effective[key]) - Level(key, max[key]), StringComparer.Ordinal);

    /// <summary>The severity level of a metric value: 0 for the most severe, in steps of 0.1.</summary>
    private static decimal Level(string metric, string value) => (metric, value) switch
    {
        ("AV", "N") or ("PR", "N") or ("UI", "N") or ("AC", "L") or ("AT", "N") => 0m,
        ("AV", "A") or ("PR", "L") or ("UI", "P") or ("AC", "H") or ("AT", "P") => 0.1m,
        ("AV", "L") or ("PR", "H") or ("UI", "A") => 0.2m,
        ("AV", "P") => 0.3m,
        ("VC" or "VI" or "VA" or "CR" or "IR" or "AR", "H") => 0m,
        ("VC" or "VI" or "VA", "L") or ("CR" or "IR" or "AR", "M") => 0.1m,
        ("VC" or "VI" or "VA", "N") or ("CR" or "IR" or "AR", "L") => 0.2m,
        ("SC" or "SI" or "SA", "S") => 0m,
        ("SC" or "SI" or "SA", "H") => 0.1m,
        ("SC" or "SI" or "SA", "L") => 0.2m,
        ("SC" or "SI" or "SA", "N") => 0.3m,
        _ => throw new ArgumentOutOfRangeException(nameof(value), $"{metric}:{value}"),
    };
}
