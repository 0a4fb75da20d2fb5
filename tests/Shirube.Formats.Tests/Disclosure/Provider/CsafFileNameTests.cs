using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Formats.Tests.Disclosure.Provider;

/// <summary>The file name rule of CSAF 2.0 section 5.1.</summary>
public class CsafFileNameTests
{
    public sealed record NameCase(string TrackingId, string FileName)
    {
        public override string ToString() => $"{TrackingId} is published as {FileName}";
    }

    public static TheoryData<NameCase> Names =>
    [
        new NameCase("RHSA-2019:1862", "rhsa-2019_1862.json"),
        new NameCase("cisco-sa-20180328-smi2", "cisco-sa-20180328-smi2.json"),
        new NameCase("Example Company - 2019-YH3234", "example_company_-_2019-yh3234.json"),
        // The specification's own example: a run of replaced characters becomes one underscore.
        new NameCase("2022_#01-A", "2022_01-a.json"),
        new NameCase("ESA+2024/07", "esa+2024_07.json"),
        new NameCase("JVN#12345678", "jvn_12345678.json"),
        new NameCase("脆弱性-001", "_-001.json"),
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void FromTrackingId_AnyId_GivesTheSpecificationsFileName(NameCase row)
    {
        ArgumentNullException.ThrowIfNull(row);

        Assert.Equal(row.FileName, CsafFileName.FromTrackingId(row.TrackingId));
    }

    [Theory]
    [InlineData("WHITE", true)]
    [InlineData("white", true)]
    [InlineData("CLEAR", true)]
    [InlineData("GREEN", false)]
    [InlineData("AMBER", false)]
    [InlineData("RED", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsPublicTlp_Label_IsTrueOnlyForWhiteAndClear(string? label, bool expected)
    {
        Assert.Equal(expected, CsafFileName.IsPublicTlp(label));
    }
}
