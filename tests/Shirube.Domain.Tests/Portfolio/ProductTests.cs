using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;

namespace Shirube.Domain.Tests.Portfolio;

public class ProductTests
{
    [Fact]
    public void Create_PartsAreDistinctOrderedAndGrouped()
    {
        var product = Product.Create(Guid.NewGuid(), "Camera", "B",
            [IotPart.Management, IotPart.Device, IotPart.Device, IotPart.PlatformCloud]);

        Assert.Equal([IotPart.Device, IotPart.PlatformCloud, IotPart.Management], product.Parts);
        Assert.Equal(new HashSet<IotPartGroup> { IotPartGroup.Device, IotPartGroup.Platform, IotPartGroup.Management }, product.PartGroups);
    }

    [Fact]
    public void Create_WithoutBusinessUnit_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Product.Create(Guid.Empty, "x", "A", [])).Error;
        Assert.Equal(("Common.Required", "businessUnitId"), (error.Code, error.Field));
    }

    [Fact]
    public void Create_WithABlankName_IsRefusedAsRequired() =>
        Assert.Equal(("Common.Required", "name"), Refusal(() => Product.Create(Guid.NewGuid(), "  ", "A", [])));

    [Fact]
    public void Describe_RefusesAnUnknownSectorABadMarketAndARiskClassOutOfRange()
    {
        var product = Product.Create(Guid.NewGuid(), "Router", "A", [IotPart.Device]);
        Assert.Equal(("Common.UnknownValue", "sector"), Refusal(() => product.Describe("space", [], null, [])));
        Assert.Equal(("Portfolio.Market", "markets"), Refusal(() => product.Describe(null, ["E1"], null, [])));
        Assert.Equal(("Common.OutOfRange", "riskClass"), Refusal(() => product.Describe(null, [], 10, [])));
    }

    [Fact]
    public void AddVersion_TwiceOrEndingBeforeItsRelease_IsRefused()
    {
        var product = Product.Create(Guid.NewGuid(), "Router", "A", [IotPart.Device]);
        product.AddVersion("1.0", null, null);
        var twice = Assert.Throws<DomainException>(() => product.AddVersion(" 1.0 ", null, null)).Error;
        Assert.Equal(("Portfolio.VersionExists", "version"), (twice.Code, twice.Field));
        Assert.Equal("1.0", twice.Args[0]);
        Assert.Equal(("Portfolio.SupportEndsBeforeRelease", "endOfSupport"),
            Refusal(() => product.AddVersion("2.0", new DateOnly(2026, 1, 1), new DateOnly(2025, 1, 1))));
    }

    [Fact]
    public void RiskClass_OutOfRangeOrWithoutAName_IsRefused()
    {
        Assert.Equal(("Common.OutOfRange", "level"), Refusal(() => RiskClass.Create(10, "x", "x", "x", "x")));
        Assert.Equal(("Common.Required", "nameJa"), Refusal(() => RiskClass.Create(5, "x", " ", "x", "x")));
    }

    private static (string Code, string? Field) Refusal(Action action)
    {
        var error = Assert.Throws<DomainException>(action).Error;
        return (error.Code, error.Field);
    }
}
