using System.Collections.Frozen;

namespace Shirube.Domain.Scoring;

/// <summary>
/// The data of CVSS v4.0 scoring: the score of every MacroVector, the highest-severity vectors of each equivalence
/// class, and the depth of each class.
/// </summary>
/// <remarks>
/// Facts taken from FIRST's CVSS v4.0 calculator (https://www.first.org/cvss/calculator/4.0, maintained at
/// github.com/RedHatProductSecurity/cvss-v4-calculator: <c>cvss_lookup.js</c>, <c>max_composed.js</c> and
/// <c>max_severity.js</c>), which section 8 of the v4.0 specification names as the reference for its scoring.
/// The MacroVector key is the levels of EQ1 to EQ6 in that order; there are 270 of them.
/// </remarks>
internal static class Cvss4Data
{
    /// <summary>The score of each MacroVector (EQ1 EQ2 EQ3 EQ4 EQ5 EQ6 → score), as the CVSS SIG's experts ranked them.</summary>
    public static readonly FrozenDictionary<string, decimal> MacroVectorScores = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["000000"] = 10.0m, ["000001"] = 9.9m, ["000010"] = 9.8m, ["000011"] = 9.5m, ["000020"] = 9.5m, ["000021"] = 9.2m,
        ["000100"] = 10.0m, ["000101"] = 9.6m, ["000110"] = 9.3m, ["000111"] = 8.7m, ["000120"] = 9.1m, ["000121"] = 8.1m,
        ["000200"] = 9.3m, ["000201"] = 9.0m, ["000210"] = 8.9m, ["000211"] = 8.0m, ["000220"] = 8.1m, ["000221"] = 6.8m,
        ["001000"] = 9.8m, ["001001"] = 9.5m, ["001010"] = 9.5m, ["001011"] = 9.2m, ["001020"] = 9.0m, ["001021"] = 8.4m,
        ["001100"] = 9.3m, ["001101"] = 9.2m, ["001110"] = 8.9m, ["001111"] = 8.1m, ["001120"] = 8.1m, ["001121"] = 6.5m,
        ["001200"] = 8.8m, ["001201"] = 8.0m, ["001210"] = 7.8m, ["001211"] = 7.0m, ["001220"] = 6.9m, ["001221"] = 4.8m,
        ["002001"] = 9.2m, ["002011"] = 8.2m, ["002021"] = 7.2m,
        ["002101"] = 7.9m, ["002111"] = 6.9m, ["002121"] = 5.0m,
        ["002201"] = 6.9m, ["002211"] = 5.5m, ["002221"] = 2.7m,
        ["010000"] = 9.9m, ["010001"] = 9.7m, ["010010"] = 9.5m, ["010011"] = 9.2m, ["010020"] = 9.2m, ["010021"] = 8.5m,
        ["010100"] = 9.5m, ["010101"] = 9.1m, ["010110"] = 9.0m, ["010111"] = 8.3m, ["010120"] = 8.4m, ["010121"] = 7.1m,
        ["010200"] = 9.2m, ["010201"] = 8.1m, ["010210"] = 8.2m, ["010211"] = 7.1m, ["010220"] = 7.2m, ["010221"] = 5.3m,
        ["011000"] = 9.5m, ["011001"] = 9.3m, ["011010"] = 9.2m, ["011011"] = 8.5m, ["011020"] = 8.5m, ["011021"] = 7.3m,
        ["011100"] = 9.2m, ["011101"] = 8.2m, ["011110"] = 8.0m, ["011111"] = 7.2m, ["011120"] = 7.0m, ["011121"] = 5.9m,
        ["011200"] = 8.4m, ["011201"] = 7.0m, ["011210"] = 7.1m, ["011211"] = 5.2m, ["011220"] = 5.0m, ["011221"] = 3.0m,
        ["012001"] = 8.6m, ["012011"] = 7.5m, ["012021"] = 5.2m,
        ["012101"] = 7.1m, ["012111"] = 5.2m, ["012121"] = 2.9m,
        ["012201"] = 6.3m, ["012211"] = 2.9m, ["012221"] = 1.7m,
        ["100000"] = 9.8m, ["100001"] = 9.5m, ["100010"] = 9.4m, ["100011"] = 8.7m, ["100020"] = 9.1m, ["100021"] = 8.1m,
        ["100100"] = 9.4m, ["100101"] = 8.9m, ["100110"] = 8.6m, ["100111"] = 7.4m, ["100120"] = 7.7m, ["100121"] = 6.4m,
        ["100200"] = 8.7m, ["100201"] = 7.5m, ["100210"] = 7.4m, ["100211"] = 6.3m, ["100220"] = 6.3m, ["100221"] = 4.9m,
        ["101000"] = 9.4m, ["101001"] = 8.9m, ["101010"] = 8.8m, ["101011"] = 7.7m, ["101020"] = 7.6m, ["101021"] = 6.7m,
        ["101100"] = 8.6m, ["101101"] = 7.6m, ["101110"] = 7.4m, ["101111"] = 5.8m, ["101120"] = 5.9m, ["101121"] = 5.0m,
        ["101200"] = 7.2m, ["101201"] = 5.7m, ["101210"] = 5.7m, ["101211"] = 5.2m, ["101220"] = 5.2m, ["101221"] = 2.5m,
        ["102001"] = 8.3m, ["102011"] = 7.0m, ["102021"] = 5.4m,
        ["102101"] = 6.5m, ["102111"] = 5.8m, ["102121"] = 2.6m,
        ["102201"] = 5.3m, ["102211"] = 2.1m, ["102221"] = 1.3m,
        ["110000"] = 9.5m, ["110001"] = 9.0m, ["110010"] = 8.8m, ["110011"] = 7.6m, ["110020"] = 7.6m, ["110021"] = 7.0m,
        ["110100"] = 9.0m, ["110101"] = 7.7m, ["110110"] = 7.5m, ["110111"] = 6.2m, ["110120"] = 6.1m, ["110121"] = 5.3m,
        ["110200"] = 7.7m, ["110201"] = 6.6m, ["110210"] = 6.8m, ["110211"] = 5.9m, ["110220"] = 5.2m, ["110221"] = 3.0m,
        ["111000"] = 8.9m, ["111001"] = 7.8m, ["111010"] = 7.6m, ["111011"] = 6.7m, ["111020"] = 6.2m, ["111021"] = 5.8m,
        ["111100"] = 7.4m, ["111101"] = 5.9m, ["111110"] = 5.7m, ["111111"] = 5.7m, ["111120"] = 4.7m, ["111121"] = 2.3m,
        ["111200"] = 6.1m, ["111201"] = 5.2m, ["111210"] = 5.7m, ["111211"] = 2.9m, ["111220"] = 2.4m, ["111221"] = 1.6m,
        ["112001"] = 7.1m, ["112011"] = 5.9m, ["112021"] = 3.0m,
        ["112101"] = 5.8m, ["112111"] = 2.6m, ["112121"] = 1.5m,
        ["112201"] = 2.3m, ["112211"] = 1.3m, ["112221"] = 0.6m,
        ["200000"] = 9.3m, ["200001"] = 8.7m, ["200010"] = 8.6m, ["200011"] = 7.2m, ["200020"] = 7.5m, ["200021"] = 5.8m,
        ["200100"] = 8.6m, ["200101"] = 7.4m, ["200110"] = 7.4m, ["200111"] = 6.1m, ["200120"] = 5.6m, ["200121"] = 3.4m,
        ["200200"] = 7.0m, ["200201"] = 5.4m, ["200210"] = 5.2m, ["200211"] = 4.0m, ["200220"] = 4.0m, ["200221"] = 2.2m,
        ["201000"] = 8.5m, ["201001"] = 7.5m, ["201010"] = 7.4m, ["201011"] = 5.5m, ["201020"] = 6.2m, ["201021"] = 5.1m,
        ["201100"] = 7.2m, ["201101"] = 5.7m, ["201110"] = 5.5m, ["201111"] = 4.1m, ["201120"] = 4.6m, ["201121"] = 1.9m,
        ["201200"] = 5.3m, ["201201"] = 3.6m, ["201210"] = 3.4m, ["201211"] = 1.9m, ["201220"] = 1.9m, ["201221"] = 0.8m,
        ["202001"] = 6.4m, ["202011"] = 5.1m, ["202021"] = 2.0m,
        ["202101"] = 4.7m, ["202111"] = 2.1m, ["202121"] = 1.1m,
        ["202201"] = 2.4m, ["202211"] = 0.9m, ["202221"] = 0.4m,
        ["210000"] = 8.8m, ["210001"] = 7.5m, ["210010"] = 7.3m, ["210011"] = 5.3m, ["210020"] = 6.0m, ["210021"] = 5.0m,
        ["210100"] = 7.3m, ["210101"] = 5.5m, ["210110"] = 5.9m, ["210111"] = 4.0m, ["210120"] = 4.1m, ["210121"] = 2.0m,
        ["210200"] = 5.4m, ["210201"] = 4.3m, ["210210"] = 4.5m, ["210211"] = 2.2m, ["210220"] = 2.0m, ["210221"] = 1.1m,
        ["211000"] = 7.5m, ["211001"] = 5.5m, ["211010"] = 5.8m, ["211011"] = 4.5m, ["211020"] = 4.0m, ["211021"] = 2.1m,
        ["211100"] = 6.1m, ["211101"] = 5.1m, ["211110"] = 4.8m, ["211111"] = 1.8m, ["211120"] = 2.0m, ["211121"] = 0.9m,
        ["211200"] = 4.6m, ["211201"] = 1.8m, ["211210"] = 1.7m, ["211211"] = 0.7m, ["211220"] = 0.8m, ["211221"] = 0.2m,
        ["212001"] = 5.3m, ["212011"] = 2.4m, ["212021"] = 1.4m,
        ["212101"] = 2.4m, ["212111"] = 1.2m, ["212121"] = 0.5m,
        ["212201"] = 1.0m, ["212211"] = 0.3m, ["212221"] = 0.1m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The highest-severity vectors of each level of EQ1 (AV, PR, UI).</summary>
    public static readonly string[][] MaxEq1 =
    [
        ["AV:N/PR:N/UI:N"],
        ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"],
        ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"],
    ];

    /// <summary>The highest-severity vectors of each level of EQ2 (AC, AT).</summary>
    public static readonly string[][] MaxEq2 =
    [
        ["AC:L/AT:N"],
        ["AC:H/AT:N", "AC:L/AT:P"],
    ];

    /// <summary>The highest-severity vectors of each level of EQ3 and EQ6 together (VC, VI, VA, CR, IR, AR), by [EQ3][EQ6]; EQ3 2 with EQ6 0 cannot occur.</summary>
    public static readonly string[][][] MaxEq3Eq6 =
    [
        [["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"], ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"]],
        [
            ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
            ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"],
        ],
        [[], ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
    ];

    /// <summary>The highest-severity vectors of each level of EQ4 (SC, SI, SA; S is MSI:S or MSA:S).</summary>
    public static readonly string[][] MaxEq4 =
    [
        ["SC:H/SI:S/SA:S"],
        ["SC:H/SI:H/SA:H"],
        ["SC:L/SI:L/SA:L"],
    ];

    /// <summary>The depth of each level of EQ1, in steps of 0.1 (the largest severity distance within it, plus one).</summary>
    public static readonly int[] DepthEq1 = [1, 4, 5];

    /// <summary>The depth of each level of EQ2.</summary>
    public static readonly int[] DepthEq2 = [1, 2];

    /// <summary>The depth of each level of EQ3 and EQ6 together, by [EQ3][EQ6] (0 where the pair cannot occur).</summary>
    public static readonly int[][] DepthEq3Eq6 = [[7, 6], [8, 8], [0, 10]];

    /// <summary>The depth of each level of EQ4.</summary>
    public static readonly int[] DepthEq4 = [6, 5, 4];

    /// <summary>The depth of each level of EQ5 (E).</summary>
    public static readonly int[] DepthEq5 = [1, 1, 1];
}
