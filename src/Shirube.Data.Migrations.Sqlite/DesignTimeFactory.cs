using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shirube.Data.Migrations.Sqlite;

// Used by `dotnet ef migrations add` only.
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ShirubeDbContext>
{
    public ShirubeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ShirubeDbContext>();
        options.UseShirubeDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new ShirubeDbContext(options.Options, SystemActor.Instance);
    }
}
