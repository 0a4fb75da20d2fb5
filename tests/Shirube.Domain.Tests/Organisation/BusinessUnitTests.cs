using Shirube.Domain.Organisation;

namespace Shirube.Domain.Tests.Organisation;

public class BusinessUnitTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("way-too-long-code-for-a-business-unit")]
    [InlineData("記号")]
    public void Create_InvalidCode_IsRefusedNamingTheCode(string code)
    {
        var error = Assert.Throws<DomainException>(() => BusinessUnit.Create(code, "Name", "名前")).Error;
        Assert.Equal(("Organisation.UnitCode", "code"), (error.Code, error.Field));
    }

    [Fact]
    public void Create_BlankName_IsRefusedNamingTheName()
    {
        var error = Assert.Throws<DomainException>(() => BusinessUnit.Create("HOME", "Home", " ")).Error;
        Assert.Equal(("Common.Required", "nameJa"), (error.Code, error.Field));
    }

    [Fact]
    public void Name_FollowsTheLanguage()
    {
        var unit = BusinessUnit.Create("HOME", "Home Solutions", "ホームソリューション");
        Assert.Equal("ホームソリューション", unit.Name("ja-JP"));
        Assert.Equal("Home Solutions", unit.Name("en"));
    }

    [Fact]
    public void UnitScope_AllowsOnlyItsUnits()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.True(UnitScope.Of([a]).Allows(a));
        Assert.False(UnitScope.Of([a]).Allows(b));
        Assert.True(UnitScope.All.Allows(b));
        Assert.False(UnitScope.None.Allows(a));
    }
}
