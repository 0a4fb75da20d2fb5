using Shirube.Domain.Scoring;

namespace Shirube.Domain.Tests.Scoring;

public class CvssComposeTests
{
    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F/RL:OF/RC:C")]
    [InlineData("CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/CR:H/MAV:A")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/MSI:S/S:P/U:Red")]
    public void Compose_TheMetricsOfAParsedVector_WritesTheSameVector(string text)
    {
        var vector = CvssVector.Parse(text);

        Assert.Equal(vector.ToString(), CvssVector.Compose(vector.Version, vector.Metrics));
    }

    [Fact]
    public void Compose_LeavesOutOptionalMetricsThatAreNotDefined_AndFollowsTheSpecificationOrder()
    {
        var values = new Dictionary<string, string> { ["E"] = "X", ["A"] = "H", ["AV"] = "N", ["AC"] = "L", ["PR"] = "N", ["UI"] = "N", ["S"] = "U", ["C"] = "H", ["I"] = "H" };

        var text = CvssVector.Compose(CvssVersion.V31, values);

        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", text);
        Assert.Equal(9.8m, CvssVector.Parse(text).Score().Score);
    }

    [Fact]
    public void MetricsOf_EachVersion_ListsItsBaseMetricsAsMandatoryAndOthersWithNotDefined()
    {
        foreach (var version in Enum.GetValues<CvssVersion>())
        {
            var metrics = CvssVector.MetricsOf(version);
            Assert.All(metrics.Where(m => m.Group == CvssMetricGroup.Base), m => Assert.True(m.Mandatory));
            Assert.All(metrics.Where(m => !m.Mandatory), m => Assert.Contains(CvssVector.NotDefinedOf(version), m.Values));
        }
        Assert.Equal(11, CvssVector.MetricsOf(CvssVersion.V40).Count(m => m.Mandatory));
        Assert.Equal(6, CvssVector.MetricsOf(CvssVersion.V2).Count(m => m.Mandatory));
    }
}
