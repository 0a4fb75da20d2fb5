using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Shirube.Data;

/// <summary>Brings a database to the current schema.</summary>
public static class DatabaseMigrator
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Applies pending migrations; creates the database when it does not exist.</summary>
    public static async Task<int> MigrateAsync(ShirubeDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Count();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct).ConfigureAwait(false)).Count();
        if (applied == 0 && db.Database.ProviderName == SqliteProvider)
        {
            // SQLite rebuilds a table to change a column's nullability or add a foreign key, and switches foreign keys
            // off for that outside the migration's transaction; EF Core warns that an interruption would leave such a
            // migration half-applied. On a database being created there is nothing to lose (delete the file and start
            // again), so the first start says it at debug level; upgrading a database with data keeps the warning.
            await using var fresh = new ShirubeDbContext(QuietRebuilds(db), db.Actor, db.Clock);
            await fresh.Database.MigrateAsync(ct).ConfigureAwait(false);
            return pending;
        }
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        return pending;
    }

    private static DbContextOptions<ShirubeDbContext> QuietRebuilds(ShirubeDbContext db) =>
        new DbContextOptionsBuilder<ShirubeDbContext>((DbContextOptions<ShirubeDbContext>)db.GetService<IDbContextOptions>())
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
            .Options;
}
