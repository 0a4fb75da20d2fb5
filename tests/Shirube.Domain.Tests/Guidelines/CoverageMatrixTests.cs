using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Tests.Guidelines;

public class CoverageMatrixTests
{
    private static Requirement R(string id, params IotPart[] parts) => new()
    {
        Id = id,
        Title = new("t", "t"),
        Summary = new("s", "s"),
        Parts = parts,
        Phases = [LifecyclePhase.Design],
        Controls = ["authentication"],
    };

    private static Guideline G(string id, GuidelineRegion region, GuidelineKind kind, int year, params Requirement[] requirements) => new()
    {
        Id = id,
        Name = new(id, id),
        ShortName = id,
        Issuer = "x",
        Region = region,
        Year = year,
        Kind = kind,
        Scope = new("s", "s"),
        Summary = new("s", "s"),
        Source = new("https://example.org", "CC0", "ours", null),
        ExpectedCount = requirements.Length,
        Requirements = requirements,
    };

    // Like the seminar's table: one all-rounder, one device specialist, one network-only guide.
    private static readonly Guideline AllRound = G("all-round", GuidelineRegion.Global, GuidelineKind.General, 2016,
        R("1", IotPart.Device), R("2", IotPart.NetworkLocal, IotPart.Gateway), R("3", IotPart.PlatformCloud), R("4", IotPart.Management));
    private static readonly Guideline DeviceDeep = G("device-deep", GuidelineRegion.EU, GuidelineKind.Standard, 2020,
        R("a", IotPart.Device), R("b", IotPart.Device), R("c", IotPart.Device, IotPart.Management), R("d", IotPart.Device));
    private static readonly Guideline NetworkOnly = G("network-only", GuidelineRegion.US, GuidelineKind.General, 2015,
        R("x", IotPart.NetworkWide), R("y", IotPart.NetworkWide, IotPart.Gateway));

    [Fact]
    public void Compute_CountsRequirementsPerGroupAndPart()
    {
        var matrix = CoverageMatrix.Compute([AllRound, DeviceDeep, NetworkOnly]);
        var network = matrix.Rows.Single(r => r.Guideline == NetworkOnly);

        Assert.Equal(2, network.Groups[IotPartGroup.Network].Count);
        Assert.False(network.Groups[IotPartGroup.Device].Covered);
        Assert.Equal(2, network.Parts[IotPart.NetworkWide].Count);
        Assert.Equal(1, network.Parts[IotPart.Gateway].Count);
        // A requirement tagged with two parts of one group counts once for the group.
        Assert.Equal(1, matrix.Rows.Single(r => r.Guideline == AllRound).Groups[IotPartGroup.Network].Count);
    }

    [Fact]
    public void AllRoundersAndMostDetailed_GiveTheSeminarsAdvice()
    {
        var matrix = CoverageMatrix.Compute([AllRound, DeviceDeep, NetworkOnly]);

        Assert.Equal([AllRound], matrix.AllRounders);
        Assert.Equal(DeviceDeep, matrix.MostDetailed(IotPartGroup.Device));
        Assert.Equal(NetworkOnly, matrix.MostDetailed(IotPartGroup.Network));
        Assert.Equal(AllRound, matrix.MostDetailed(IotPartGroup.Platform));
    }

    [Fact]
    public void Depth_IsRelativeToTheMostDetailedInTheColumn()
    {
        var matrix = CoverageMatrix.Compute([AllRound, DeviceDeep, NetworkOnly]);
        Assert.Equal(1.0, matrix.Rows.Single(r => r.Guideline == DeviceDeep).Groups[IotPartGroup.Device].Depth);
        Assert.Equal(0.25, matrix.Rows.Single(r => r.Guideline == AllRound).Groups[IotPartGroup.Device].Depth);
        Assert.Equal(0.0, matrix.Rows.Single(r => r.Guideline == NetworkOnly).Groups[IotPartGroup.Device].Depth);
    }

    [Fact]
    public void Filter_ByRegionKindAndYear_SelectsRows()
    {
        Assert.Equal([DeviceDeep], CoverageMatrix.Compute([AllRound, DeviceDeep, NetworkOnly], new CoverageFilter(Regions: [GuidelineRegion.EU])).Rows.Select(r => r.Guideline));
        Assert.Equal([AllRound, NetworkOnly], CoverageMatrix.Compute([AllRound, DeviceDeep, NetworkOnly], new CoverageFilter(Kinds: [GuidelineKind.General])).Rows.Select(r => r.Guideline));
        Assert.Equal([AllRound, DeviceDeep], CoverageMatrix.Compute([AllRound, DeviceDeep, NetworkOnly], new CoverageFilter(YearFrom: 2016)).Rows.Select(r => r.Guideline));
    }

    [Fact]
    public void Search_FindsInEitherLanguage()
    {
        var catalog = new Catalog([G("g", GuidelineRegion.JP, GuidelineKind.General, 2016,
            new Requirement { Id = "1", Title = new("Secure boot", "セキュアブート"), Summary = new("Only signed code runs", "署名されたコードだけを実行"), Parts = [IotPart.Device], Phases = [LifecyclePhase.Design] })], []);
        Assert.Single(catalog.Search("セキュアブート"));
        Assert.Single(catalog.Search("signed code"));
        Assert.Empty(catalog.Search("unrelated"));
    }
}
