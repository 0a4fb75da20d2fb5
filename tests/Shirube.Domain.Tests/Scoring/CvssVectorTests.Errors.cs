using Shirube.Domain.Scoring;

namespace Shirube.Domain.Tests.Scoring;

public sealed partial class CvssVectorTests
{
    private const string V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private const string V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    /// <summary>A vector that must not parse, and the words its message must contain.</summary>
    public sealed record InvalidCase(string Problem, string Vector, string Message)
    {
        public override string ToString() => $"{Problem}: '{Vector}' is refused with \"{Message}\"";
    }

    public static TheoryData<InvalidCase> InvalidVectors => new(
        new InvalidCase("empty", "", "The vector is empty."),
        new InvalidCase("garbage", "hello world", "CVSS 2.0 vector: component 1 'hello world' is not METRIC:VALUE."),
        new InvalidCase("wrong prefix", "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "Unknown version prefix 'CVSS:3.2'"),
        new InvalidCase("v2 with a prefix", "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "Unknown version prefix 'CVSS:2.0'"),
        new InvalidCase("lower-case prefix", "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS 2.0 vector: component 1 names the unknown metric 'cvss'."),
        new InvalidCase("prefix only", "CVSS:3.1", "CVSS 3.1 vector has no metrics after the prefix."),
        new InvalidCase("missing metric", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "CVSS 3.1 vector: mandatory metric missing: A (Availability)."),
        new InvalidCase("missing metrics", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H", "mandatory metric missing: SC (Subsequent System Confidentiality), SI (Subsequent System Integrity), SA (Subsequent System Availability)."),
        new InvalidCase("duplicate", "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS 3.1 vector: metric AV (Attack Vector) appears more than once."),
        new InvalidCase("duplicate with another value", "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F/E:H", "CVSS 2.0 vector: metric E (Exploitability) appears more than once."),
        new InvalidCase("unknown value", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS 3.1 vector: metric AV (Attack Vector) has the unknown value 'Q'; expected one of N, A, L, P."),
        new InvalidCase("v3.0 PR:U, a typo of the v3.0 JSON schema", "CVSS:3.0/AV:N/AC:L/PR:U/UI:N/S:U/C:H/I:H/A:H", "metric PR (Privileges Required) has the unknown value 'U'"),
        new InvalidCase("v3 not-defined value in v2", "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X", "metric E (Exploitability) has the unknown value 'X'; expected one of U, POC, F, H, ND."),
        new InvalidCase("lower-case value", "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "metric AV (Attack Vector) has the unknown value 'n'"),
        new InvalidCase("S only through MSI", V40.Replace("SI:N", "SI:S", StringComparison.Ordinal), "metric SI (Subsequent System Integrity) has the unknown value 'S'"),
        new InvalidCase("unknown metric", V31 + "/XX:Y", "CVSS 3.1 vector: component 9 names the unknown metric 'XX'."),
        new InvalidCase("v4 metric in v3", V31 + "/AT:N", "CVSS 3.1 vector: component 9 names the unknown metric 'AT'."),
        new InvalidCase("trailing slash", V31 + "/", "CVSS 3.1 vector: component 9 is empty"),
        new InvalidCase("double slash", "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS 3.1 vector: component 2 is empty"),
        new InvalidCase("no value", "CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "component 1 'AV:' is not METRIC:VALUE."),
        new InvalidCase("surrounding space", " " + V31, "CVSS 2.0 vector: component 1 names the unknown metric ' CVSS'."),
        new InvalidCase("v4 base out of order", "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS 4.0 vector: metric AV (Attack Vector) is out of order: the specification puts it before AC."),
        new InvalidCase("v4 supplemental before threat", V40 + "/AU:Y/E:A", "CVSS 4.0 vector: metric E (Exploit Maturity) is out of order: the specification puts it before AU."),
        new InvalidCase("v4 impacts interleaved", "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N", "metric VI (Vulnerable System Integrity) is out of order: the specification puts it before SC."),
        new InvalidCase("v2 unbalanced parenthesis", "(AV:N/AC:L/Au:N/C:P/I:P/A:P", "A CVSS 2.0 vector in parentheses must start with '(' and end with ')'."),
        new InvalidCase("v3 in parentheses", "(" + V31 + ")", "CVSS 2.0 vector: component 1 names the unknown metric 'CVSS'."));

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Parse_InvalidVector_FailsNamingTheMetricAndTheProblem(InvalidCase c)
    {
        Assert.False(CvssVector.TryParse(c.Vector, out var vector, out var error));
        Assert.Null(vector);
        Assert.Contains(c.Message, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => CvssVector.Parse(c.Vector));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void TryParse_Null_FailsAsEmpty()
    {
        Assert.False(CvssVector.TryParse(null, out _, out var error));
        Assert.Equal("The vector is empty.", error);
        Assert.False(CvssVector.TryParse(null, out _));
    }

    [Fact]
    public void Parse_OfAVersionsType_RefusesAnotherVersionByName()
    {
        var error = Assert.Throws<FormatException>(() => Cvss3Vector.Parse("AV:N/AC:L/Au:N/C:P/I:P/A:P")).Message;
        Assert.Equal("Expected a CVSS 3.x vector, not a CVSS 2.0 one.", error);
        Assert.False(Cvss4Vector.TryParse(V31, out _, out error));
        Assert.Equal("Expected a CVSS 4.0 vector, not a CVSS 3.1 one.", error);
        Assert.False(Cvss2Vector.TryParse(V40, out _, out error));
        Assert.Equal("Expected a CVSS 2.0 vector, not a CVSS 4.0 one.", error);
        Assert.Equal(CvssVersion.V31, Cvss3Vector.Parse(V31).Version);
        Assert.Equal(7.8m, Cvss2Vector.Parse("AV:N/AC:L/Au:N/C:N/I:N/A:C").BaseScore);
    }

    [Fact]
    public void Metrics_AreTheStatedOnes_ByAbbreviation()
    {
        var vector = CvssVector.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X");

        Assert.Equal(9, vector.Metrics.Count);
        Assert.Equal("X", vector.Metrics["E"]);
        Assert.False(vector.Metrics.ContainsKey("RL"));
    }
}
