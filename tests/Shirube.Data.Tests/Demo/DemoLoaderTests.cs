using Microsoft.EntityFrameworkCore;
using Shirube.Data.Demo;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Portfolio;
using Shirube.Testing;

namespace Shirube.Data.Tests.Demo;

public class DemoLoaderTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Load_ThenRemove_LeavesOwnDataAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var own = BusinessUnit.Create("OWN", "Own", "自社");
        await using (var db = database.NewContext())
        {
            db.BusinessUnits.Add(own);
            db.Products.Add(Product.Create(own.Id, "Own product", "Z", [IotPart.Device]));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(new DemoResult(2, 5), await DemoLoader.LoadAsync(db, DemoPortfolio.Load()));
        }
        await using (var db = database.NewContext())
        {
            // Loading twice changes nothing.
            Assert.Equal(new DemoResult(0, 0), await DemoLoader.LoadAsync(db, DemoPortfolio.Load()));
            Assert.Equal(6, await db.Products.CountAsync());
            var fields = await db.Products.Where(p => p.IsDemo).Select(p => p.Field).ToListAsync();
            Assert.Equal(["A", "B", "C", "D", "E"], fields.Order(StringComparer.Ordinal));
            var camera = await db.Products.SingleAsync(p => p.Field == "B");
            Assert.Contains(IotPart.PlatformCloud, camera.Parts);
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(new DemoResult(2, 5), await DemoLoader.RemoveAsync(db));
        }
        await using var check = database.NewContext();
        Assert.Equal(["Own product"], await check.Products.Select(p => p.Name).ToListAsync());
        Assert.Equal(["OWN"], await check.BusinessUnits.Select(u => u.Code).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Load_WhenAUnitCodeIsTaken_LoadsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.BusinessUnits.Add(BusinessUnit.Create("HOME", "Ours", "自社"));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            var error = await Assert.ThrowsAsync<DemoRefusedException>(() => DemoLoader.LoadAsync(db, DemoPortfolio.Load()));
            Assert.Equal("HOME", error.UnitCode);
            Assert.Contains("'HOME'", error.Message, StringComparison.Ordinal);
        }
        await using var check = database.NewContext();
        Assert.Equal(0, await check.Products.CountAsync());
        Assert.Equal(1, await check.BusinessUnits.CountAsync());
    }
}
