using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Auditing;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Testing;

namespace Shirube.Data.Tests.Auditing;

public class AuditLogTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveChanges_RecordsTheTimeOfTheApplicationsClock(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = new DateTimeOffset(2031, 2, 28, 23, 59, 30, TimeSpan.Zero);
        await using (var db = database.NewContext(new TestActor("user-alice", "alice", UnitScope.All), new FixedClock(at)))
        {
            db.BusinessUnits.Add(BusinessUnit.Create("HOME", "Home", "ホーム"));
            await db.SaveChangesAsync();
        }
        await using var read = database.NewContext();
        Assert.Equal(at.UtcDateTime, (await read.AuditEntries.SingleAsync(a => a.EntityType == nameof(BusinessUnit))).At);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task SaveChanges_CreateUpdateDelete_RecordsWhoWhatBeforeAndAfter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var alice = new TestActor("user-alice", "alice", UnitScope.All);
        var unit = BusinessUnit.Create("HOME", "Home", "ホーム");
        var product = Product.Create(unit.Id, "Router", "A", [IotPart.Device]);
        await using (var db = database.NewContext(alice))
        {
            db.BusinessUnits.Add(unit);
            db.Products.Add(product);
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext(alice))
        {
            var stored = await db.Products.SingleAsync();
            stored.Update(unit.Id, "Router HR-300", "A", [IotPart.Device, IotPart.Gateway]);
            await db.SaveChangesAsync();
            db.Products.Remove(stored);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var log = await read.AuditEntries.Where(a => a.EntityType == nameof(Product)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], log.Select(a => a.Action));
        Assert.All(log, a => Assert.Equal("alice", a.UserName));
        Assert.All(log, a => Assert.Equal(product.Id.ToString(), a.EntityId));
        Assert.Null(log[0].Before);
        Assert.Equal("Router", Value(log[1].Before, "Name"));
        Assert.Equal("Router HR-300", Value(log[1].After, "Name"));
        Assert.Equal("Router HR-300", Value(log[2].Before, "Name"));
        Assert.Null(log[2].After);
        Assert.Contains(await read.AuditEntries.ToListAsync(), a => a.EntityType == nameof(BusinessUnit) && a.Action == AuditAction.Created);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AuditLog_IsAppendOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.BusinessUnits.Add(BusinessUnit.Create("X", "X", "X"));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
        await using var check = database.NewContext();
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    private static string? Value(string? json, string property) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty(property).GetString();
}
