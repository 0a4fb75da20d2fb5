using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shirube.Data.Demo;
using Shirube.Domain.Assessments;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Psirt;
using Shirube.Formats.Portfolio;
using Shirube.Formats.Psirt;
using Shirube.Testing;

namespace Shirube.Data.Tests.Demo;

/// <summary>
/// The example loaded once per provider into a fresh database, on a fixed clock, for tests that only read it; and the
/// shipped catalog and framework the web app and the CLI load it with.
/// </summary>
public sealed class LoadedExample : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Catalog> BundledCatalog = new(Formats.Guidelines.BundledCatalog.Load);

    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> _databases = new();

    public static Catalog Catalog => BundledCatalog.Value;

    public static PsirtFramework Framework => PsirtFrameworkReader.Load();

    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>Loads the example into <paramref name="db"/> as the shipped apps do.</summary>
    public static Task<DemoResult> LoadAsync(ShirubeDbContext db) => DemoLoader.LoadAsync(db, DemoPortfolio.Load(), Catalog, Framework);

    /// <summary>A database of <paramref name="provider"/> holding the example, loaded by the system at <see cref="Now"/>.</summary>
    public Task<TestDatabase> DatabaseAsync(DatabaseProvider provider) => _databases.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(async () =>
    {
        var database = await TestDatabase.CreateAsync(p);
        await using var db = database.NewContext(clock: Clock());
        await LoadAsync(db);
        return database;
    })).Value;

    /// <summary>A context on the loaded database, reading at <see cref="Now"/>.</summary>
    public async Task<ShirubeDbContext> OpenAsync(DatabaseProvider provider) => (await DatabaseAsync(provider)).NewContext(clock: Clock());

    /// <summary>
    /// Every completed assessment of the example with its score against its product's required level, as the
    /// assessment page scores it: the included lines of the baseline version, the catalog's parts, the recorded statuses.
    /// </summary>
    public static async Task<List<ScoredAssessment>> ScoresAsync(ShirubeDbContext db)
    {
        var products = await db.Products.Include(p => p.Versions).Where(p => p.IsDemo).ToListAsync(TestContext.Current.CancellationToken);
        var assessments = await db.Assessments.Include(a => a.Entries).ToListAsync(TestContext.Current.CancellationToken);
        var snapshots = await db.BaselineSnapshots.ToListAsync(TestContext.Current.CancellationToken);
        return [.. assessments.Join(products, a => a.ProductId, p => p.Id, (a, p) =>
        {
            var lines = snapshots.Single(s => s.BaselineId == a.BaselineId && s.Version == a.BaselineVersion).Lines.Where(l => !l.Excluded);
            var score = AssessmentScore.Compute(lines.Select(l => new ScoredLine(l.Key, l.Level, PartsOf(l.Key), a.Find(l.Key)?.Status)), p.RequiredLevel);
            var version = p.Versions.Single(v => v.Id == a.ProductVersionId);
            return new ScoredAssessment(p.Name, version.Version, version.ReleaseDate, a, score);
        }).OrderBy(s => s.Product, StringComparer.Ordinal).ThenBy(s => s.Assessment.StartedAt)];
    }

    private static IReadOnlyList<IotPart> PartsOf(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return Catalog.Find(key[..slash])?.Find(key[(slash + 1)..])?.Parts ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases.Values.Where(d => d.IsValueCreated))
            await (await database.Value).DisposeAsync();
    }
}

/// <summary>An assessment of an example product version with its score.</summary>
public sealed record ScoredAssessment(string Product, string Version, DateOnly? Released, Assessment Assessment, AssessmentScore Score)
{
    /// <summary>Lines met over all levels.</summary>
    public int Met => Score.Levels.Values.Sum(s => s.Met);

    /// <summary>The actual level as a rank: -1 below MUST, then MUST 0, SHOULD 1, BETTER 2.</summary>
    public int Rank => Score.Actual is { } actual ? (int)actual : -1;

    /// <summary>The share of the lines up to the required level met in a part group.</summary>
    public double Share(IotPartGroup group) => Score.Groups[group].Ratio;
}
