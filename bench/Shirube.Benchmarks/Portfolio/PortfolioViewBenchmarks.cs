using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Guidelines;
using Shirube.Web.Features.Assessments;
using Shirube.Web.Features.Cases;
using Shirube.Web.Features.Dashboard;

namespace Shirube.Benchmarks.Portfolio;

/// <summary>
/// The portfolio view (heat map) and the dashboard over a generated portfolio of 1,000 products × 3 versions, each
/// version with one completed assessment against the product's published baseline (ETSI EN 303 645), on SQLite.
/// The floor is a trivial query on the same database through the same context factory (counting the products),
/// so that results read as ratios: what the views cost above opening a context and asking the database once.
/// Target: under 250 ms each.
/// </summary>
[MemoryDiagnoser]
public class PortfolioViewBenchmarks
{
    private const int Products = 1000;
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private string _folder = string.Empty;
    private ServiceProvider _services = null!;
    private IDbContextFactory<ShirubeDbContext> _contexts = null!;
    private PortfolioViews _portfolio = null!;
    private DashboardViews _dashboard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"shirube-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        var connection = $"Data Source={Path.Combine(_folder, "portfolio.db")}";
        var catalog = BundledCatalog.Load();
        _services = new ServiceCollection()
            .AddSingleton<ICurrentActor>(SystemActor.Instance)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(catalog)
            .AddDbContextFactory<ShirubeDbContext>(o => o.UseShirubeDatabase(DatabaseProvider.Sqlite, connection))
            .AddSingleton<CraViews>()
            .AddSingleton<PortfolioCache>()
            .AddSingleton<PortfolioViews>()
            .AddSingleton<DashboardViews>()
            .BuildServiceProvider();
        _contexts = _services.GetRequiredService<IDbContextFactory<ShirubeDbContext>>();
        _portfolio = _services.GetRequiredService<PortfolioViews>();
        _dashboard = _services.GetRequiredService<DashboardViews>();
        SeedAsync(catalog).GetAwaiter().GetResult();
    }

    private async Task SeedAsync(Catalog catalog)
    {
        await using (var db = await _contexts.CreateDbContextAsync())
            await DatabaseMigrator.MigrateAsync(db);
        var guideline = catalog.Find("etsi-en-303-645") ?? throw new InvalidOperationException("The bundled catalog lacks ETSI EN 303 645.");
        var units = new[] { BusinessUnit.Create("HOME", "Home appliances", "家電"), BusinessUnit.Create("INFRA", "Infrastructure", "インフラ") };
        await using (var db = await _contexts.CreateDbContextAsync())
        {
            db.BusinessUnits.AddRange(units);
            await db.SaveChangesAsync();
        }
        var statuses = Enum.GetValues<ImplementationStatus>();
        for (var batch = 0; batch < Products; batch += 100)
        {
            await using var db = await _contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 100; i++)
            {
                var unit = units[i % units.Length];
                var product = Product.Create(unit.Id, $"Product {i:0000}", ((char)('A' + i % 5)).ToString(), [IotPart.Device, IotPart.Management, IotPart.NetworkLocal]);
                product.Describe(null, ["JP", "EU"], i % 5, []);
                foreach (var v in new[] { "1.0", "2.0", "3.0" })
                    product.AddVersion(v, null, null);
                db.Products.Add(product);
                var baseline = Baseline.Tailor($"{product.Name} baseline", product.Id, unit.Id, [guideline], product.RiskClass, product.Field);
                baseline.Publish(Now);
                db.Baselines.Add(baseline);
                var snapshot = BaselineSnapshot.Of(baseline);
                db.BaselineSnapshots.Add(snapshot);
                var keys = snapshot.Lines.Where(l => !l.Excluded).Select(l => l.Key).ToList();
                foreach (var (version, n) in product.Versions.Select((v, n) => (v, n)))
                {
                    var assessment = Assessment.Start(baseline, 1, version.Id, "aoi", Now.AddDays(n));
                    foreach (var (key, k) in keys.Select((key, k) => (key, k)))
                    {
                        // Later versions meet more; a spread of statuses so that scores and gaps differ.
                        var status = (k + i) % (4 + n) == 0 ? statuses[(k + i) % statuses.Length] : ImplementationStatus.Implemented;
                        assessment.Record(keys, key, status, status == ImplementationStatus.NotApplicable ? "Not in this model." : null, null, [], "aoi",
                            DateOnly.FromDateTime(Now));
                    }
                    assessment.Complete(keys, Now.AddDays(n));
                    db.Assessments.Add(assessment);
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        // Sanity: the view sees every product assessed.
        var map = await _portfolio.HeatmapAsync(PortfolioViews.ByParts, null, null);
        if (map.Rows.Length != Products || map.Rows.Any(r => r.AssessmentId is null))
            throw new InvalidOperationException($"Expected {Products} assessed products, the view shows {map.Rows.Count(r => r.AssessmentId is not null)}.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Count products (floor)")]
    public async Task<int> Floor()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.Products.AsNoTracking().CountAsync();
    }

    [Benchmark(Description = "Portfolio view, by parts")]
    public async Task<int> PortfolioByParts() => (await _portfolio.HeatmapAsync(PortfolioViews.ByParts, null, null)).Rows.Length;

    [Benchmark(Description = "Portfolio view, by controls")]
    public async Task<int> PortfolioByControls() => (await _portfolio.HeatmapAsync(PortfolioViews.ByControls, null, null)).Rows.Length;

    [Benchmark(Description = "Dashboard")]
    public async Task<int> Dashboard() => (await _dashboard.LoadAsync()).WorstGaps.Count;
}
