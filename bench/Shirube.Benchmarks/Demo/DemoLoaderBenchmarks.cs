using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Demo;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Psirt;
using Shirube.Formats.Guidelines;
using Shirube.Formats.Portfolio;
using Shirube.Formats.Psirt;

namespace Shirube.Benchmarks.Demo;

/// <summary>
/// Loading the example portfolio into a fresh, migrated SQLite database, as <c>shirube demo load</c> and the dashboard
/// button do: one transaction, audited. The floor is the same load without the story (two units, five products with
/// their versions), so the ratio says what the baselines, assessments and PSIRT data add. Each iteration gets a new
/// database file; creating and migrating it is not measured. Target: a few seconds.
/// </summary>
[MemoryDiagnoser]
public class DemoLoaderBenchmarks
{
    private readonly PortfolioSeed _example = DemoPortfolio.Load();
    private readonly Catalog _catalog = BundledCatalog.Load();
    private readonly PsirtFramework _framework = PsirtFrameworkReader.Load();
    private string _folder = string.Empty;
    private DbContextOptions<ShirubeDbContext> _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"shirube-bench-demo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        var builder = new DbContextOptionsBuilder<ShirubeDbContext>();
        builder.UseShirubeDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")}");
        _options = builder.Options;
        using var db = new ShirubeDbContext(_options, SystemActor.Instance);
        DatabaseMigrator.MigrateAsync(db).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(_folder))
            File.Delete(file);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "Units and products only (floor)")]
    public Task<DemoResult> PortfolioOnly() => LoadAsync(_example with { Story = null });

    [Benchmark(Description = "The whole example")]
    public Task<DemoResult> WholeExample() => LoadAsync(_example);

    private async Task<DemoResult> LoadAsync(PortfolioSeed seed)
    {
        await using var db = new ShirubeDbContext(_options, SystemActor.Instance);
        return await DemoLoader.LoadAsync(db, seed, _catalog, _framework);
    }
}
