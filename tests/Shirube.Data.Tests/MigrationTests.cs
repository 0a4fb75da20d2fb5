using Microsoft.EntityFrameworkCore;
using Shirube.Testing;

namespace Shirube.Data.Tests;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndLeavesNonePending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        var applied = await DatabaseMigrator.MigrateAsync(db);

        Assert.Equal(db.Database.GetMigrations().Count(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await DatabaseMigrator.MigrateAsync(db));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Model_MatchesTheLastMigration_ForEachProvider(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        // A model change without a new migration for this provider fails here.
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
