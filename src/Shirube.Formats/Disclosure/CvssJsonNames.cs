namespace Shirube.Formats.Disclosure;

/// <summary>The properties of FIRST's CVSS JSON objects and the vector metrics they repeat (for CSAF 2.0 test 6.1.10).</summary>
internal static class CvssJsonNames
{
    public static readonly (string Property, string Metric)[] V3 =
    [
        ("attackVector", "AV"), ("attackComplexity", "AC"), ("privilegesRequired", "PR"), ("userInteraction", "UI"), ("scope", "S"),
        ("confidentialityImpact", "C"), ("integrityImpact", "I"), ("availabilityImpact", "A"),
        ("exploitCodeMaturity", "E"), ("remediationLevel", "RL"), ("reportConfidence", "RC"),
        ("confidentialityRequirement", "CR"), ("integrityRequirement", "IR"), ("availabilityRequirement", "AR"),
        ("modifiedAttackVector", "MAV"), ("modifiedAttackComplexity", "MAC"), ("modifiedPrivilegesRequired", "MPR"),
        ("modifiedUserInteraction", "MUI"), ("modifiedScope", "MS"), ("modifiedConfidentialityImpact", "MC"),
        ("modifiedIntegrityImpact", "MI"), ("modifiedAvailabilityImpact", "MA"),
    ];

    public static readonly (string Property, string Metric)[] V2 =
    [
        ("accessVector", "AV"), ("accessComplexity", "AC"), ("authentication", "Au"),
        ("confidentialityImpact", "C"), ("integrityImpact", "I"), ("availabilityImpact", "A"),
        ("exploitability", "E"), ("remediationLevel", "RL"), ("reportConfidence", "RC"),
        ("collateralDamagePotential", "CDP"), ("targetDistribution", "TD"),
        ("confidentialityRequirement", "CR"), ("integrityRequirement", "IR"), ("availabilityRequirement", "AR"),
    ];

    /// <summary>CVSS 3.x JSON value → vector value: the first letter (NETWORK → N, PROOF_OF_CONCEPT → P), NOT_DEFINED → X.</summary>
    public static string V3Value(string value) => value == "NOT_DEFINED" ? "X" : value.Length > 0 ? value[..1] : value;

    /// <summary>CVSS 2.0 JSON value → vector value: the words' initials (PROOF_OF_CONCEPT → POC, LOW_MEDIUM → LM), with the spec's exceptions.</summary>
    public static string V2Value(string value) => value switch
    {
        "NOT_DEFINED" => "ND",
        "ADJACENT_NETWORK" => "A",
        "UNCONFIRMED" => "UC",
        "UNCORROBORATED" => "UR",
        _ => string.Concat(value.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0])),
    };
}
