using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Dashboard;
using Shirube.Web.Features.Portfolio;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Assessments;

/// <summary>The busiest reads take a fixed number of SQL commands, however many products the portfolio has.</summary>
public class PortfolioQueryCountTests
{

    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ThePortfolioViewTheDashboardAndTheProductList_TakeAsManyQueriesForTwelveProductsAsForTwo()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        var counter = new SqlCommandCounter();
        await using var counted = counter.Attach(app);
        using var admin = counted.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));

        async Task<int> CommandsOf(Func<Task> read)
        {
            await read(); // once to warm up (the catalog, the token cache), then counted
            var before = counter.Count;
            await read();
            return counter.Count - before;
        }

        async Task<Dictionary<string, int>> MeasureAsync()
        {
            var heatmap = await CommandsOf(async () => (await admin.GetAsync("/api/portfolio/heatmap")).EnsureSuccessStatusCode());
            var byControls = await CommandsOf(async () => (await admin.GetAsync("/api/portfolio/heatmap?by=controls")).EnsureSuccessStatusCode());
            var products = await CommandsOf(async () => (await admin.GetAsync("/api/products")).EnsureSuccessStatusCode());
            var dashboard = await CommandsOf(() => AsSystemAsync(counted.Services, sp => sp.GetRequiredService<DashboardViews>().LoadAsync()));
            var productList = await CommandsOf(() => AsSystemAsync(counted.Services, sp => sp.GetRequiredService<ProductViews>().ListPageAsync()));
            return new()
            {
                ["GET /api/portfolio/heatmap"] = heatmap,
                ["GET /api/portfolio/heatmap?by=controls"] = byControls,
                ["GET /api/products"] = products,
                ["dashboard"] = dashboard,
                ["product list"] = productList,
            };
        }

        await SeedAsync(counted.Services, 2);
        var two = await MeasureAsync();
        var rows = await admin.GetFromJsonAsync<HeatmapResponse>("/api/portfolio/heatmap");
        Assert.Equal(2, rows!.Rows.Count(r => r.AssessmentId is not null));

        await SeedAsync(counted.Services, 10);
        var twelve = await MeasureAsync();
        rows = await admin.GetFromJsonAsync<HeatmapResponse>("/api/portfolio/heatmap");
        Assert.Equal(12, rows!.Rows.Count(r => r.AssessmentId is not null));

        Assert.Equal(two, twelve);
        // And few: the heat map reads products, units, the latest assessments with their entries and their baseline versions (4), the API adds the token check.
        Assert.All(two, kv => Assert.InRange(kv.Value, 1, 15));
    }

    private sealed record HeatmapRowResponse(Guid ProductId, Guid? AssessmentId);

    private sealed record HeatmapResponse(HeatmapRowResponse[] Rows);

    private static async Task AsSystemAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        await read(scope.ServiceProvider);
    }

    /// <summary>Adds <paramref name="count"/> products, each with three versions and a published baseline, the latest version assessed.</summary>
    private static async Task SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var catalog = scope.ServiceProvider.GetRequiredService<Catalog>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ShirubeDbContext>>().CreateDbContextAsync();
        var unit = await db.BusinessUnits.FirstOrDefaultAsync(u => u.Code == "HOME");
        if (unit is null)
        {
            unit = BusinessUnit.Create("HOME", "Home", "ホーム");
            db.BusinessUnits.Add(unit);
        }
        var guideline = catalog.Find("etsi-en-303-645")!;
        var first = await db.Products.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var product = Product.Create(unit.Id, $"Product {first + i:000}", i % 2 == 0 ? "A" : "B", [IotPart.Device, IotPart.Management]);
            product.Describe(null, ["JP"], i % 4, []);
            foreach (var v in new[] { "1.0", "2.0", "3.0" })
                product.AddVersion(v, null, null);
            db.Products.Add(product);
            var baseline = Baseline.Tailor($"{product.Name} baseline", product.Id, unit.Id, [guideline], product.RiskClass, product.Field);
            baseline.Publish(Now);
            db.Baselines.Add(baseline);
            var snapshot = BaselineSnapshot.Of(baseline);
            db.BaselineSnapshots.Add(snapshot);
            var keys = snapshot.Lines.Where(l => !l.Excluded).Select(l => l.Key).ToList();
            foreach (var (version, at) in product.Versions.Select((v, n) => (v, n)))
            {
                var assessment = Assessment.Start(baseline, 1, version.Id, "aoi", Now.AddDays(at));
                foreach (var key in keys.Where((_, n) => n % (i + 2) != 0))
                    assessment.Record(keys, key, ImplementationStatus.Implemented, null, null, [], "aoi", DateOnly.FromDateTime(Now));
                db.Assessments.Add(assessment);
            }
        }
        await db.SaveChangesAsync();
    }
}
