using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Tests.Baselines;

public class GuidelineSelectorTests
{
    private static Requirement R(string id, params IotPart[] parts) => new()
    {
        Id = id, Title = new("t", "t"), Summary = new("s", "s"), Parts = parts, Phases = [LifecyclePhase.Design], Controls = ["c"],
    };

    private static Guideline G(string id, GuidelineKind kind, int year, string? sector, params Requirement[] requirements) => new()
    {
        Id = id, Name = new(id, id), ShortName = id, Issuer = "x", Region = GuidelineRegion.Global, Year = year, Kind = kind, Sector = sector,
        Scope = new("s", "s"), Summary = new("s", "s"), Source = new("https://example.org", "CC0", "ours", null),
        ExpectedCount = requirements.Length, Requirements = requirements,
    };

    // The seminar's situation: one guideline covers everything thinly, others go deep in one part.
    private static readonly Catalog Catalog = new(
    [
        G("all-round", GuidelineKind.General, 2016, null, R("1", IotPart.Device), R("2", IotPart.NetworkLocal), R("3", IotPart.PlatformCloud), R("4", IotPart.Management)),
        G("device-deep", GuidelineKind.General, 2017, null, R("a", IotPart.Device), R("b", IotPart.Device), R("c", IotPart.Device)),
        G("platform-deep", GuidelineKind.Standard, 2018, null, R("p", IotPart.PlatformApiData), R("q", IotPart.PlatformCloud), R("r", IotPart.PlatformCloud)),
        G("eu-cra-annex-i", GuidelineKind.Regulation, 2024, null, R("I(1)", IotPart.Device)),
        G("uk-psti", GuidelineKind.Regulation, 2023, "consumer", R("Sch1-1", IotPart.Device)),
        G("imdrf-n60", GuidelineKind.Sector, 2020, "medical", R("4.1", IotPart.Management)),
    ], []);

    [Fact]
    public void Recommend_PicksOneAllRounderAndTheMostDetailedPerGroup()
    {
        var selection = GuidelineSelector.Recommend(new ProductProfile(IotParts.ParseList("device,network,platform,management"), null, []), Catalog);

        Assert.Equal(
            [("all-round", PickRole.AllRound), ("device-deep", PickRole.MostDetailed), ("platform-deep", PickRole.MostDetailed)],
            selection.Picks.Select(p => (p.Guideline.Id, p.Role)));
        Assert.Equal([IotPartGroup.Device], selection.Picks[1].Groups);
        Assert.Contains("device", selection.Picks[1].Reason.En, StringComparison.Ordinal);
        Assert.Contains("デバイス", selection.Picks[1].Reason.Ja, StringComparison.Ordinal);
        Assert.Equal("all-round", selection.Ranking[0].Guideline.Id);
        Assert.Equal(4, selection.Ranking[0].Covered);
    }

    [Fact]
    public void Recommend_ForADeviceOnlyProduct_TheDeepestDeviceGuideIsTheAllRounder()
    {
        var selection = GuidelineSelector.Recommend(new ProductProfile([IotPart.Device], null, []), Catalog);
        Assert.Equal([("device-deep", PickRole.AllRound)], selection.Picks.Select(p => (p.Guideline.Id, p.Role)));
    }

    [Theory]
    [InlineData("EU", null, "eu-cra-annex-i", PickRole.Mandatory)]
    [InlineData("UK", null, "uk-psti", PickRole.Mandatory)]
    [InlineData("JP", "medical", "imdrf-n60", PickRole.Expected)]
    public void Recommend_AddsWhatMarketsAndSectorsRequire(string market, string? sector, string guideline, PickRole role)
    {
        var selection = GuidelineSelector.Recommend(new ProductProfile([IotPart.Device], sector, [market]), Catalog);
        var pick = Assert.Single(selection.Picks, p => p.Guideline.Id == guideline);
        Assert.Equal(role, pick.Role);
        Assert.False(string.IsNullOrWhiteSpace(pick.Reason.Ja));
    }

    [Fact]
    public void Recommend_WithoutAMarket_AddsNoRegulation()
    {
        var selection = GuidelineSelector.Recommend(new ProductProfile([IotPart.Device], null, []), Catalog);
        Assert.DoesNotContain(selection.Picks, p => p.Role is PickRole.Mandatory or PickRole.Expected);
    }

    [Theory]
    [InlineData("device,network", new[] { IotPart.Device, IotPart.NetworkLocal, IotPart.NetworkWide, IotPart.Gateway })]
    [InlineData("platform-cloud, management", new[] { IotPart.PlatformCloud, IotPart.Management })]
    public void ParseList_ExpandsGroupNames(string text, IotPart[] expected) =>
        Assert.Equal(expected, IotParts.ParseList(text));

    [Fact]
    public void ParseList_UnknownName_SaysWhatIsValid()
    {
        var error = Assert.Throws<FormatException>(() => IotParts.ParseList("device,cloud"));
        Assert.Contains("'cloud'", error.Message, StringComparison.Ordinal);
    }
}
