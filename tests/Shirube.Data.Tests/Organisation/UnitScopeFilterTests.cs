using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Testing;

namespace Shirube.Data.Tests.Organisation;

public class UnitScopeFilterTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Products_AreVisibleOnlyInTheActorsUnits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var home = BusinessUnit.Create("HOME", "Home", "ホーム");
        var infra = BusinessUnit.Create("INFRA", "Infra", "インフラ");
        await using (var db = database.NewContext())
        {
            db.BusinessUnits.AddRange(home, infra);
            db.Products.AddRange(
                Product.Create(home.Id, "Router", "A", [IotPart.Device]),
                Product.Create(home.Id, "Camera", "B", [IotPart.Device]),
                Product.Create(infra.Id, "Meter", "D", [IotPart.Device]));
            await db.SaveChangesAsync();
        }

        async Task<string[]> Visible(ICurrentActor actor)
        {
            await using var db = database.NewContext(actor);
            return [.. (await db.Products.Select(p => p.Name).ToListAsync()).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["Camera", "Router"], await Visible(TestActor.InUnits("home-analyst", home.Id)));
        Assert.Equal(["Meter"], await Visible(TestActor.InUnits("infra-analyst", infra.Id)));
        Assert.Equal(["Camera", "Meter", "Router"], await Visible(TestActor.InUnits("both", home.Id, infra.Id)));
        Assert.Empty(await Visible(TestActor.InUnits("nobody")));
        Assert.Equal(["Camera", "Meter", "Router"], await Visible(new TestActor("mgr", "mgr", UnitScope.All)));
    }
}
