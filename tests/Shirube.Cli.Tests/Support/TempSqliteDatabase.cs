using Microsoft.EntityFrameworkCore;
using Shirube.Data;

namespace Shirube.Cli.Tests.Support;

/// <summary>A SQLite file in a folder of its own under the temp path; the folder is deleted on dispose.</summary>
internal sealed class TempSqliteDatabase : IDisposable
{
    public TempSqliteDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "shirube-cli-tests-" + Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "shirube.db");
        // No pooling: nothing keeps the file open once a command is done, so it can be deleted.
        ConnectionString = $"Data Source={FilePath};Pooling=False";
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>A context on the file as the system actor, which sees every unit.</summary>
    public ShirubeDbContext Open()
    {
        var options = new DbContextOptionsBuilder<ShirubeDbContext>();
        options.UseShirubeDatabase(DatabaseProvider.Sqlite, ConnectionString);
        return new ShirubeDbContext(options.Options, SystemActor.Instance);
    }

    /// <summary>Demo business units and demo products in the file.</summary>
    public async Task<(int BusinessUnits, int Products)> CountDemoAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Open();
        return (await db.BusinessUnits.CountAsync(u => u.IsDemo, ct),
            await db.Products.IgnoreQueryFilters().CountAsync(p => p.IsDemo, ct));
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
