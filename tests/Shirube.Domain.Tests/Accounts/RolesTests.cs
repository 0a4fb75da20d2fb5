using Shirube.Domain.Accounts;

namespace Shirube.Domain.Tests.Accounts;

public class RolesTests
{
    [Fact]
    public void Auditor_IsReadOnly_AndSeesOnlyItsUnits()
    {
        Assert.DoesNotContain(Roles.Auditor, Roles.Writers);
        Assert.DoesNotContain(Roles.Auditor, Roles.SeeAllUnits);
    }

    [Fact]
    public void AdministratorAndPsirtManager_SeeEveryUnit() =>
        Assert.Equal([Roles.Administrator, Roles.PsirtManager], Roles.SeeAllUnits);

    [Fact]
    public void All_HasTheFiveRoles() =>
        Assert.Equal(["Administrator", "PsirtManager", "PsirtAnalyst", "ProductOwner", "Auditor"], Roles.All);
}
