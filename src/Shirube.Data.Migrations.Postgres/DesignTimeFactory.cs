using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shirube.Data.Migrations.Postgres;

// Used by `dotnet ef migrations add` only; no server is contacted.
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ShirubeDbContext>
{
    public ShirubeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ShirubeDbContext>();
        options.UseShirubeDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=shirube_design");
        return new ShirubeDbContext(options.Options, SystemActor.Instance);
    }
}
