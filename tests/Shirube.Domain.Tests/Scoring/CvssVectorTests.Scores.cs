using Shirube.Domain.Scoring;

namespace Shirube.Domain.Tests.Scoring;

public sealed partial class CvssVectorTests
{
    /// <summary>A vector and the scores the specification's worked examples give it (temporal and environmental: null when not stated).</summary>
    public sealed record ScoreCase(string Source, string Vector, decimal Score, CvssSeverity Severity, decimal? Base, decimal? Temporal, decimal? Environmental, string? Nomenclature)
    {
        public static ScoreCase Classic(string source, string vector, decimal baseScore, decimal? temporal, decimal? environmental, CvssSeverity severity) =>
            new(source, vector, environmental ?? temporal ?? baseScore, severity, baseScore, temporal, environmental, null);

        public static ScoreCase V4(string source, string vector, decimal score, CvssSeverity severity, string nomenclature) =>
            new(source, vector, score, severity, null, null, null, nomenclature);

        public override string ToString() => $"{Source}: {Vector} scores {Score} ({Severity})";
    }

    public static TheoryData<ScoreCase> SpecificationExamples => new(
        // CVSS v2.0 guide, section 3.3: its three worked examples.
        ScoreCase.Classic("v2 guide 3.3.1, CVE-2002-0392", "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", 7.8m, 6.4m, 9.2m, CvssSeverity.High),
        ScoreCase.Classic("v2 guide 3.3.2, CVE-2003-0818", "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L", 10.0m, 8.3m, 9.0m, CvssSeverity.High),
        ScoreCase.Classic("v2 guide 3.3.3, CVE-2003-0062", "AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M", 6.2m, 4.9m, 7.5m, CvssSeverity.High),
        ScoreCase.Classic("v2 in parentheses, as NVD wrote them", "(AV:N/AC:L/Au:N/C:N/I:N/A:C)", 7.8m, null, null, CvssSeverity.High),
        ScoreCase.Classic("v2 without impact", "AV:N/AC:L/Au:N/C:N/I:N/A:N", 0.0m, null, null, CvssSeverity.Low),
        // CVSS v3.0 and v3.1 examples documents.
        ScoreCase.Classic("v3.0 examples, CVE-2014-6271 Shellshock", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8m, null, null, CvssSeverity.Critical),
        ScoreCase.Classic("v3.1 examples, CVE-2013-1937 phpMyAdmin", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1m, null, null, CvssSeverity.Medium),
        ScoreCase.Classic("v3.1 examples, CVE-2014-0160 Heartbleed", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5m, null, null, CvssSeverity.High),
        ScoreCase.Classic("v3.1 with temporal metrics", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C", 9.8m, 8.8m, null, CvssSeverity.High),
        ScoreCase.Classic("v3.1 with no impact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0m, null, null, CvssSeverity.None),
        // v3.0 rounds 8.9 × 0.91 = 8.099 up to 8.1 as v3.1 does; their Modified Impact differs for a changed scope.
        ScoreCase.Classic("v3.0 environmental with a changed scope", "CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/E:H/RL:W/RC:U/CR:H/IR:H/AR:M/MAV:L/MAC:L/MPR:H/MUI:N/MS:C/MC:N/MI:H/MA:L", 5.8m, 5.2m, 7.4m, CvssSeverity.High),
        // CVSS v4.0: the specification's and the examples document's vectors.
        ScoreCase.V4("v4.0 all high on the vulnerable system", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3m, CvssSeverity.Critical, "CVSS-B"),
        ScoreCase.V4("v4.0 all low", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9m, CvssSeverity.Medium, "CVSS-B"),
        ScoreCase.V4("v4.0 no impact at all", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0m, CvssSeverity.None, "CVSS-B"),
        ScoreCase.V4("v4.0 threat: proof of concept", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P", 5.9m, CvssSeverity.Medium, "CVSS-BT"),
        ScoreCase.V4("v4.0 environmental: requirements", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:H/AR:M", 7.2m, CvssSeverity.High, "CVSS-BE"),
        ScoreCase.V4("v4.0 supplemental metrics change nothing", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:N/AU:N/R:A/V:D/RE:L/U:Clear", 7.3m, CvssSeverity.High, "CVSS-B"),
        ScoreCase.V4("v4.0 log4shell, examples document", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0m, CvssSeverity.Critical, "CVSS-B"));

    [Theory]
    [MemberData(nameof(SpecificationExamples))]
    public void Score_SpecificationExample_GivesItsScores(ScoreCase c) => AssertScores(c);

    private static void AssertScores(ScoreCase c)
    {
        var score = CvssVector.Parse(c.Vector).Score();

        Assert.Equal(c.Score, score.Score);
        Assert.Equal(c.Severity, score.Severity);
        Assert.Equal(c.Base, score.BaseScore);
        Assert.Equal(c.Temporal, score.TemporalScore);
        Assert.Equal(c.Environmental, score.EnvironmentalScore);
        Assert.Equal(c.Nomenclature, score.Nomenclature);
    }

    [Theory]
    [InlineData("(AV:N/AC:L/Au:N/C:N/I:N/A:C)", "AV:N/AC:L/Au:N/C:N/I:N/A:C", CvssVersion.V2)]
    [InlineData("RC:C/AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F", "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RC:C", CvssVersion.V2)]
    [InlineData("CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X", "CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N/E:F/RL:X", CvssVersion.V30)]
    [InlineData("CVSS:3.1/MAV:L/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:L", CvssVersion.V31)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X", CvssVersion.V40)]
    public void ToString_AnyAcceptedOrder_GivesTheSpecificationsOrderWithoutParentheses(string vector, string normalized, CvssVersion version)
    {
        var parsed = CvssVector.Parse(vector);

        Assert.Equal(version, parsed.Version);
        Assert.Equal(normalized, parsed.ToString());
        Assert.Equal(normalized, parsed.Score().Vector);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X/RC:X/CR:X", false, false)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:H", true, false)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MS:U", false, true)]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:ND/CDP:ND", false, false)]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C/RC:UR/TD:L", true, true)]
    public void Score_TemporalAndEnvironmentalScores_AreReportedOnlyWhenAMetricOfTheirGroupIsDefined(string vector, bool temporal, bool environmental)
    {
        var score = CvssVector.Parse(vector).Score();

        Assert.Equal(temporal, score.TemporalScore is not null);
        Assert.Equal(environmental, score.EnvironmentalScore is not null);
    }

    [Theory]
    [InlineData("", "CVSS-B")]
    [InlineData("/E:X/CR:X/MSA:X/U:Red", "CVSS-B")]
    [InlineData("/E:A", "CVSS-BT")]
    [InlineData("/MAV:A", "CVSS-BE")]
    [InlineData("/E:P/AR:L", "CVSS-BTE")]
    public void Nomenclature_NamesTheMetricGroupsThatAreDefined(string suffix, string nomenclature)
    {
        var vector = Cvss4Vector.Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" + suffix);

        Assert.Equal(nomenclature, vector.Nomenclature);
        Assert.Equal(nomenclature, vector.Score().Nomenclature);
    }

    [Fact]
    public void Score_AWholeNumber_KeepsOneDecimal()
    {
        var score = CvssVector.Parse("AV:N/AC:L/Au:N/C:P/I:N/A:N").Score();

        Assert.Equal("5.0", score.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("10.0", CvssVector.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").Score().Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // The suite has no v4.0 vector with modified base metrics: these check that they replace the base metrics they modify.
    [Theory]
    [InlineData("AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "MAV:P", "AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "MAC:H/MAT:P/MPR:L/MUI:A", "AV:N/AC:H/AT:P/PR:L/UI:A/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    [InlineData("AV:L/AC:H/AT:P/PR:H/UI:P/VC:L/VI:N/VA:H/SC:H/SI:L/SA:N", "MAV:N/MVC:H/MVI:L/MVA:N/MSC:N/MSI:H/MSA:L", "AV:N/AC:H/AT:P/PR:H/UI:P/VC:H/VI:L/VA:N/SC:N/SI:H/SA:L")]
    [InlineData("AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "MAV:X/MVC:X/MSA:X", "AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
    public void Score_ModifiedBaseMetrics_ScoreAsTheBaseVectorWithTheirValues(string vector, string modified, string equivalent)
    {
        var environmental = Cvss4Vector.Parse($"CVSS:4.0/{vector}/{modified}");
        var plain = Cvss4Vector.Parse($"CVSS:4.0/{equivalent}");

        Assert.Equal(plain.MacroVector, environmental.MacroVector);
        Assert.Equal(plain.BaseScore, environmental.BaseScore);
    }

    [Fact]
    public void Score_SafetyImpactThroughMsiOrMsa_PutsTheVectorInTheHighestEq4AndRaisesTheScore()
    {
        const string Base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H";
        var safety = Cvss4Vector.Parse(Base + "/MSI:S");
        var plain = Cvss4Vector.Parse(Base);

        Assert.Equal('0', safety.MacroVector[3]);
        Assert.Equal('1', plain.MacroVector[3]);
        Assert.True(safety.BaseScore >= plain.BaseScore, $"{safety.BaseScore} < {plain.BaseScore}");
        Assert.Equal("CVSS-BE", safety.Nomenclature);
    }

    [Fact]
    public void Score_DefaultsOfThreatAndRequirements_AreTheHighestSeverity()
    {
        const string Base = "CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:P/VC:H/VI:L/VA:L/SC:L/SI:N/SA:H";

        Assert.Equal(Cvss4Vector.Parse(Base).BaseScore, Cvss4Vector.Parse(Base + "/E:A/CR:H/IR:H/AR:H").BaseScore);
        Assert.True(Cvss4Vector.Parse(Base + "/E:U/CR:L/IR:L/AR:L").BaseScore < Cvss4Vector.Parse(Base).BaseScore);
    }

    [Fact]
    public void MacroVector_OfTheSpecificationsExample_IsItsEquivalenceLevels()
    {
        Assert.Equal("000200", Cvss4Vector.Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").MacroVector);
        Assert.Equal("212221", Cvss4Vector.Parse("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U").MacroVector);
    }

    [Theory]
    [InlineData(CvssVersion.V2, 0.0, CvssSeverity.Low)]
    [InlineData(CvssVersion.V2, 3.9, CvssSeverity.Low)]
    [InlineData(CvssVersion.V2, 4.0, CvssSeverity.Medium)]
    [InlineData(CvssVersion.V2, 6.9, CvssSeverity.Medium)]
    [InlineData(CvssVersion.V2, 7.0, CvssSeverity.High)]
    [InlineData(CvssVersion.V2, 10.0, CvssSeverity.High)]
    [InlineData(CvssVersion.V31, 0.0, CvssSeverity.None)]
    [InlineData(CvssVersion.V31, 0.1, CvssSeverity.Low)]
    [InlineData(CvssVersion.V30, 3.9, CvssSeverity.Low)]
    [InlineData(CvssVersion.V30, 4.0, CvssSeverity.Medium)]
    [InlineData(CvssVersion.V31, 6.9, CvssSeverity.Medium)]
    [InlineData(CvssVersion.V31, 7.0, CvssSeverity.High)]
    [InlineData(CvssVersion.V40, 8.9, CvssSeverity.High)]
    [InlineData(CvssVersion.V40, 9.0, CvssSeverity.Critical)]
    [InlineData(CvssVersion.V40, 10.0, CvssSeverity.Critical)]
    public void Rate_ScoreOnTheBoundaries_FollowsTheVersionsScale(CvssVersion version, double score, CvssSeverity severity) =>
        Assert.Equal(severity, CvssSeverityScale.Rate(version, (decimal)score));
}
