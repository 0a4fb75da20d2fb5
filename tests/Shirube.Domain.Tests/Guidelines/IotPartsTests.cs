using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Tests.Guidelines;

public class IotPartsTests
{
    public sealed record PartCase(string Text, IotPart Part, IotPartGroup Group)
    {
        public override string ToString() => $"'{Text}' is {Part} in the {Group} group";
    }

    public static TheoryData<PartCase> Cases() =>
    [
        new PartCase("device", IotPart.Device, IotPartGroup.Device),
        new PartCase("network-local", IotPart.NetworkLocal, IotPartGroup.Network),
        new PartCase("NETWORK-WIDE", IotPart.NetworkWide, IotPartGroup.Network),
        new PartCase("gateway", IotPart.Gateway, IotPartGroup.Network),
        new PartCase(" platform-cloud ", IotPart.PlatformCloud, IotPartGroup.Platform),
        new PartCase("platform-api-data", IotPart.PlatformApiData, IotPartGroup.Platform),
        new PartCase("management", IotPart.Management, IotPartGroup.Management),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_CatalogId_GivesPartAndGroup(PartCase c)
    {
        var part = IotParts.Parse(c.Text);
        Assert.Equal(c.Part, part);
        Assert.Equal(c.Group, IotParts.GroupOf(part));
        Assert.Equal(c.Text.Trim().ToLowerInvariant(), part.ToId());
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("")]
    [InlineData("network")]
    public void Parse_UnknownId_ThrowsNamingTheValidOnes(string text)
    {
        var error = Assert.Throws<FormatException>(() => IotParts.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("platform-api-data", error.Message, StringComparison.Ordinal);
        Assert.False(IotParts.TryParse(text, out _));
    }

    [Fact]
    public void All_CoversEveryPartOnceAndEveryGroup()
    {
        Assert.Equal(Enum.GetValues<IotPart>(), IotParts.All);
        Assert.Equal(Enum.GetValues<IotPartGroup>().ToHashSet(), IotParts.All.Select(IotParts.GroupOf).ToHashSet());
    }
}
