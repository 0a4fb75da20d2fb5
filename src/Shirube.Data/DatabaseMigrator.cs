using Microsoft.EntityFrameworkCore;

namespace Shirube.Data;

/// <summary>Brings a database to the current schema.</summary>
public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations; creates the database when it does not exist.</summary>
    public static async Task<int> MigrateAsync(ShirubeDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Count();
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        return pending;
    }
}
