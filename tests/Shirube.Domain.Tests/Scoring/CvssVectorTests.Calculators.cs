using System.Globalization;
using Shirube.Domain.Scoring;

namespace Shirube.Domain.Tests.Scoring;

public sealed partial class CvssVectorTests
{
    private const string Nvd2 = "NVD's v2 calculator, ";
    private const string First30 = "FIRST's v3.0 calculator, ";
    private const string First31 = "FIRST's v3.1 calculator, ";

    // Worked by hand from the v2 guide's equations (section 3.2) and the v3.0/v3.1 specifications (section 8 and
    // section 7 with Appendix A), in IEEE double where the calculator computes in double. round_to_1_decimal(x) is
    // Math.round(x * 10) / 10 (a tie goes up), v3.0's Roundup is Math.ceil(x * 10) / 10.
    public static TheoryData<ScoreCase> ReferenceCalculatorScores => new(
        // Impact 10.41 × (1 − 0.34 × 0.34 × 0.725) = 9.5375, Exploitability 20 × 1 × 0.61 × 0.704 = 8.5888,
        // Base (5.7225 + 3.4355 − 1.5) × 1.176 = 9.0059 → 9.0. Temporal 9.0 × 1 × 0.95 × 1: 0.95 is 0.9499999999999999556
        // in double, so the product is 8.549999999999999, × 10 is 85.49999999999999 → 85 → 8.5 (exact decimal: 8.55 → 8.6).
        ScoreCase.Classic(Nvd2 + "9.0 × 0.95 is 8.549999… in double", "AV:N/AC:M/Au:N/C:C/I:C/A:P/E:ND/RL:W/RC:ND", 9.0m, 8.5m, null, CvssSeverity.High),
        // Base: Impact 10.41 × (1 − 0.34 × 0.725) = 7.8439, Exploitability 20 × 0.646 × 0.35 × 0.45 = 2.0349,
        // (4.7064 + 0.8140 − 1.5) × 1.176 = 4.7279 → 4.7; Temporal 4.7 × 0.9 × 1 × 0.95 = 4.0185 → 4.0.
        // AdjustedImpact 10.41 × (1 − (1 − 0.66 × 0.5) × 1 × (1 − 0.275 × 1)) = 5.3533, AdjustedBase (3.2120 + 0.8140 − 1.5)
        // × 1.176 = 2.9705, not rounded; AdjustedTemporal 2.9705 × 0.9 × 1 × 0.95 = 2.5398 → 2.5;
        // Environmental (2.5 + 7.5 × 0) × 0.25 = 0.625 → 0.6. Rounding the AdjustedBase to 3.0 first would give 2.6 and 0.7.
        ScoreCase.Classic(Nvd2 + "the adjusted base score is not rounded", "AV:A/AC:H/Au:M/C:C/I:N/A:P/E:POC/RL:U/RC:UR/CDP:N/TD:L/CR:L/IR:L/AR:M", 4.7m, 4.0m, 0.6m, CvssSeverity.Low),
        // Base: Impact 10.41 × (1 − 0.34³) = 10.0008, Exploitability 20 × 1 × 0.71 × 0.56 = 7.952, (6.0005 + 3.1808 − 1.5)
        // × 1.176 = 9.0326 → 9.0. Temporal 9.0 × 0.85 is 7.6499999999999995 in double, but × 10 rounds to exactly 76.5,
        // a tie, which Math.round takes up: 77 → 7.7.
        ScoreCase.Classic(Nvd2 + "9.0 × 0.85 × 10 is a tie, rounded up", "AV:N/AC:L/Au:S/C:C/I:C/A:C/E:U/RL:U/RC:C", 9.0m, 7.7m, null, CvssSeverity.High),
        // The same base with E:F: 9.0 × 0.95 is 8.549999999999999 in double → 8.5 (Red Hat's suite, in decimal, says 8.6).
        ScoreCase.Classic(Nvd2 + "9.0 × 0.95 again", "AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C", 9.0m, 8.5m, null, CvssSeverity.High),
        // Base: Impact 10.41 × (1 − 0.725²) = 4.9382, Exploitability 20 × 0.395 × 0.61 × 0.56 = 2.6986, (2.9629 + 1.0795 − 1.5)
        // × 1.176 = 2.9899 → 3.0. Temporal 3.0 × 0.95 is 2.8499999999999996 in double → 28.499999999999996 → 28 → 2.8.
        ScoreCase.Classic(Nvd2 + "3.0 × 0.95 is 2.8499999999999996 in double", "AV:L/AC:M/Au:S/C:N/I:P/A:P/E:F", 3.0m, 2.8m, null, CvssSeverity.Low),
        // Impact 10.41 × 0.275 = 2.8628, Exploitability 20 × 0.395 × 0.35 × 0.45 = 1.2443, Base (1.7177 + 0.4977 − 1.5)
        // × 1.176 = 0.8413 → 0.8; Temporal 0.8 × 0.9 = 0.72 → 0.7. The requirements are Not Defined, so AdjustedBase is the
        // unrounded 0.8413: AdjustedTemporal 0.8413 × 0.9 = 0.7571 → 0.8, Environmental (0.8 + 9.2 × 0.4) × 1 = 4.48 → 4.5
        // (from the rounded 0.8 it would be 0.7 and 4.42 → 4.4).
        ScoreCase.Classic(Nvd2 + "the adjusted temporal score starts from 0.8413", "AV:L/AC:H/Au:M/C:N/I:N/A:P/E:POC/CDP:MH/TD:H", 0.8m, 0.7m, 4.5m, CvssSeverity.Medium),
        // Base 0.8 as above, Temporal 0.8 × 0.85 × 0.95 = 0.646 → 0.6. AdjustedImpact 10.41 × 0.275 × 0.5 = 1.4314,
        // AdjustedBase (0.8588 + 0.4977 − 1.5) × 1.176 = −0.1687, AdjustedTemporal × 0.85 × 0.95 = −0.1362 → −0.1,
        // Environmental (−0.1 + 10.1 × 0) × 0.75 = −0.075 → −0.1: below the guide's range, reported as 0.0.
        ScoreCase.Classic(Nvd2 + "an environmental score below zero reads 0.0", "AV:L/AC:H/Au:M/C:N/I:P/A:N/E:U/RL:W/RC:C/CDP:N/TD:M/CR:M/IR:L/AR:L", 0.8m, 0.6m, 0.0m, CvssSeverity.Low),
        // ISS 1 − 0.44³ = 0.914816, Impact 7.52 × 0.885816 − 3.25 × 0.894816¹⁵ = 6.0477, Exploitability 8.22 × 0.85 × 0.77
        // × 0.85 × 0.85 = 3.8870, Base Roundup(min(1.08 × 9.9348, 10)) = 10.0. Temporal 10.0 × 1 × 1 × 0.92: 0.92 is
        // 0.92000000000000004 in double, the product 9.200000000000001, × 10 is 92.00000000000001 → ceil 93 → 9.3.
        ScoreCase.Classic(First30 + "10.0 × 0.92 is 9.200000000000001 in double", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U", 10.0m, 9.3m, null, CvssSeverity.Critical),
        // No base impact: Base 0.0, Temporal 0.0. MISS min(1 − (1 − 0.56 × 0.5), 0.915) = 0.28, Modified Impact 6.42 × 0.28
        // = 1.7976, Modified Exploitability 8.22 × 0.62 × 0.77 × 0.27 × 0.62 = 0.6569, Roundup(2.4545) = 2.5;
        // Environmental Roundup(2.5 × 0.92): 2.3000000000000003 in double, × 10 is 23.000000000000004 → ceil 24 → 2.4.
        ScoreCase.Classic(First30 + "2.5 × 0.92 is 2.3000000000000003 in double", "CVSS:3.0/AV:A/AC:L/PR:H/UI:R/S:U/C:N/I:N/A:N/RC:U/CR:L/MC:H", 0.0m, 0.0m, 2.4m, CvssSeverity.Low),
        // v3.1 stays on Appendix A's Roundup, which works on integers: the same two products give 9.2 and 2.3.
        ScoreCase.Classic(First31 + "Appendix A rounds 10.0 × 0.92 to 9.2", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U", 10.0m, 9.2m, null, CvssSeverity.Critical),
        ScoreCase.Classic(First31 + "Appendix A rounds 2.5 × 0.92 to 2.3", "CVSS:3.1/AV:A/AC:L/PR:H/UI:R/S:U/C:N/I:N/A:N/RC:U/CR:L/MC:H", 0.0m, 0.0m, 2.3m, CvssSeverity.Low));

    [Theory]
    [MemberData(nameof(ReferenceCalculatorScores))]
    public void A_vector_scores_as_the_reference_calculator_of_its_version_scores_it(ScoreCase c) => AssertScores(c);

    [Theory]
    [InlineData("AV:N/AC:M/Au:N/C:C/I:C/A:P/E:ND/RL:W/RC:ND", "8.5")]
    [InlineData("AV:L/AC:H/Au:M/C:N/I:P/A:N/E:U/RL:W/RC:C/CDP:N/TD:M/CR:M/IR:L/AR:L", "0.0")]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U", "9.3")]
    public void A_score_computed_in_double_reads_with_one_decimal_and_no_sign(string vector, string printed) =>
        Assert.Equal(printed, CvssVector.Parse(vector).Score().Score.ToString(CultureInfo.InvariantCulture));
}
