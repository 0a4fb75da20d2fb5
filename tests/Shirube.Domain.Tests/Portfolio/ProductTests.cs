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
    public void Create_WithoutBusinessUnit_IsRefused() =>
        Assert.Equal("businessUnitId", Assert.Throws<ArgumentException>(() => Product.Create(Guid.Empty, "x", "A", [])).ParamName);
}
