using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;

namespace Shirube.Web.Features.Assessments;

public sealed record HeatCell(string Column, int Applicable, int Met, double Ratio);

public sealed record HeatRow(Guid ProductId, string Product, Guid UnitId, string Unit, string Field, string RequiredLevel, string? ActualLevel,
    bool MeetsRequired, Guid? AssessmentId, string? Version, DateTime? AssessedAt, int Gaps, int MustGaps, HeatCell[] Cells);

internal sealed record HeatmapDto(string By, string[] Columns, HeatRow[] Rows);

public sealed record HistoryPoint(Guid AssessmentId, string Version, DateTime StartedAt, DateTime? CompletedAt, int BaselineVersion,
    string RequiredLevel, string? ActualLevel, Dictionary<string, double> Shares);

/// <summary>
/// The portfolio view: each product's latest assessment, required against actual, per IoT part group or per common
/// control, worst first; and a product's history across versions. Both take a fixed number of queries however
/// large the portfolio is: products, units, the latest assessments with their entries, and the baseline versions
/// they were made against, each read once for all products.
/// </summary>
internal sealed class PortfolioViews(IDbContextFactory<ShirubeDbContext> contexts, Catalog catalog, PortfolioCache cache)
{
    public const string ByParts = "parts";
    public const string ByControls = "controls";

    private sealed record LatestRow(Guid Id, Guid ProductId, Guid BaselineId, int BaselineVersion, DateTime StartedAt, bool Completed, string? Version);

    // An included line of a baseline version as the heat map scores it: the parts, and the indexes of the catalog's
    // common controls it concerns.
    private sealed record PlanLine(string Key, RequirementLevel Level, IReadOnlyList<IotPart> Parts, int[] Controls);

    // The included lines of a published baseline version, described against one catalog.
    private sealed record Plan(PlanLine[] Lines);

    // An assessment's figures for the heat map at one required level.
    private sealed record Figures(string? Actual, bool MeetsRequired, int Gaps, int MustGaps, HeatCell[] Parts, HeatCell[] Controls);

    // Published baseline versions and completed assessments never change: what is derived from them is cached by
    // their identity (and the catalog and required level it depends on), never by actor.
    private readonly record struct PlanKey(Catalog Catalog, Guid BaselineId, int Version);

    private readonly record struct FiguresKey(Catalog Catalog, Guid AssessmentId, RequirementLevel Required);

    /// <summary>The heat map of the actor's products (<c>Common.UnknownValue</c> for a <paramref name="by"/> other than parts or controls).</summary>
    public async Task<HeatmapDto> HeatmapAsync(string? by, Guid? unit, string? field)
    {
        by ??= ByParts;
        Guard.That(by is ByParts or ByControls, () => CommonErrors.UnknownValue("by", by, $"{ByParts}, {ByControls}"));
        await using var db = await contexts.CreateDbContextAsync();
        var inView = db.Products.Where(p => unit == null || p.BusinessUnitId == unit).Where(p => field == null || p.Field == field);
        var products = await inView.AsNoTracking().ToListAsync();
        var units = await db.BusinessUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code);

        // The latest assessment of each product: none of the same product started later (ties are settled below).
        var latest = (await db.Assessments.AsNoTracking()
                .Where(a => inView.Any(p => p.Id == a.ProductId))
                .Where(a => !db.Assessments.Any(b => b.ProductId == a.ProductId && b.StartedAt > a.StartedAt))
                .Select(a => new LatestRow(a.Id, a.ProductId, a.BaselineId, a.BaselineVersion, a.StartedAt, a.CompletedAt != null,
                    db.Set<ProductVersion>().Where(v => v.Id == a.ProductVersionId).Select(v => v.Version).FirstOrDefault()))
                .ToListAsync())
            .GroupBy(a => a.ProductId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.StartedAt).ThenBy(a => a.Id).First());

        // What the cache does not hold yet is read in one query each: the entries of the assessments to score, and
        // the baseline versions they were made against.
        var figures = new Dictionary<Guid, Figures>();
        var toScore = new List<(LatestRow Assessment, RequirementLevel Required)>();
        foreach (var product in products)
        {
            if (!latest.TryGetValue(product.Id, out var assessment) || assessment.Version is null)
                continue;
            if (assessment.Completed && cache.TryGet<Figures>(new FiguresKey(catalog, assessment.Id, product.RequiredLevel), out var cached))
                figures[assessment.Id] = cached;
            else
                toScore.Add((assessment, product.RequiredLevel));
        }
        var scoreIds = toScore.Select(s => s.Assessment.Id).Distinct().ToList();
        var entries = (await db.Set<AssessmentEntry>().AsNoTracking()
                .Where(e => scoreIds.Contains(e.AssessmentId))
                .Select(e => new { e.AssessmentId, e.Key, e.Status })
                .ToListAsync())
            .GroupBy(e => e.AssessmentId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(e => e.Key, e => e.Status, StringComparer.Ordinal));
        var plans = new Dictionary<(Guid, int), Plan>();
        var wanted = new HashSet<(Guid BaselineId, int Version)>();
        foreach (var (assessment, _) in toScore)
        {
            var key = (assessment.BaselineId, assessment.BaselineVersion);
            if (plans.ContainsKey(key) || wanted.Contains(key))
                continue;
            if (cache.TryGet<Plan>(new PlanKey(catalog, key.BaselineId, key.BaselineVersion), out var plan))
                plans[key] = plan;
            else
                wanted.Add(key);
        }
        // The baseline versions assessed, found by their key (a correlated subquery per snapshot would scan the assessments).
        var baselineIds = wanted.Select(w => w.BaselineId).Distinct().ToList();
        var snapshots = (await db.BaselineSnapshots.AsNoTracking()
                .Where(s => baselineIds.Contains(s.BaselineId))
                .Select(s => new { s.BaselineId, s.Version, s.Lines })
                .ToListAsync())
            .Where(s => wanted.Contains((s.BaselineId, s.Version)));
        var described = new Dictionary<string, PlanLine>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            var plan = new Plan([.. snapshot.Lines.Where(l => !l.Excluded).Select(l => Describe(l, described))]);
            plans[(snapshot.BaselineId, snapshot.Version)] = plan;
            cache.Set(new PlanKey(catalog, snapshot.BaselineId, snapshot.Version), plan);
        }
        foreach (var (assessment, required) in toScore)
        {
            if (!plans.TryGetValue((assessment.BaselineId, assessment.BaselineVersion), out var plan))
                continue;
            var scored = Score(plan, entries.GetValueOrDefault(assessment.Id), required);
            figures[assessment.Id] = scored;
            if (assessment.Completed)
                cache.Set(new FiguresKey(catalog, assessment.Id, required), scored);
        }

        var columns = by == ByControls ? [.. catalog.Controls.Select(c => c.Id)] : Enum.GetValues<IotPartGroup>().Select(g => g.ToString()).ToArray();
        var rows = new List<HeatRow>(products.Count);
        foreach (var product in products)
        {
            var unitName = units.GetValueOrDefault(product.BusinessUnitId, "?");
            if (!latest.TryGetValue(product.Id, out var assessment) || assessment.Version is null || !figures.TryGetValue(assessment.Id, out var f))
            {
                rows.Add(new HeatRow(product.Id, product.Name, product.BusinessUnitId, unitName, product.Field, product.RequiredLevel.ToString(),
                    null, false, null, null, null, 0, 0, []));
                continue;
            }
            rows.Add(new HeatRow(product.Id, product.Name, product.BusinessUnitId, unitName, product.Field, product.RequiredLevel.ToString(),
                f.Actual, f.MeetsRequired, assessment.Id, assessment.Version, assessment.StartedAt,
                f.Gaps, f.MustGaps, [.. by == ByControls ? f.Controls : f.Parts]));
        }
        return new HeatmapDto(by, columns, [.. rows.OrderBy(r => r.AssessmentId is null).ThenBy(r => r.MeetsRequired)
            .ThenByDescending(LevelGap).ThenByDescending(r => r.MustGaps).ThenByDescending(r => r.Gaps).ThenBy(r => r.Product, StringComparer.Ordinal)]);
    }

    // Parts and controls depend on the key alone (and the catalog); the same requirements recur across the portfolio.
    private PlanLine Describe(SnapshotLine line, Dictionary<string, PlanLine> described)
    {
        if (!described.TryGetValue(line.Key, out var d))
        {
            var all = AssessmentViews.Describe(line, catalog);
            var controls = Enumerable.Range(0, catalog.Controls.Count).Where(c => all.Controls.Contains(catalog.Controls[c].Id)).ToArray();
            described[line.Key] = d = new PlanLine(line.Key, line.Level, all.Parts, controls);
        }
        return d.Level == line.Level ? d : d with { Level = line.Level };
    }

    // The score of an assessment's entries against a baseline version, and its heat map cells by parts and by controls.
    private Figures Score(Plan plan, Dictionary<string, ImplementationStatus>? statuses, RequirementLevel required)
    {
        var lines = new ScoredLine[plan.Lines.Length];
        var applicable = new int[catalog.Controls.Count];
        var met = new int[catalog.Controls.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var l = plan.Lines[i];
            var line = lines[i] = new ScoredLine(l.Key, l.Level, l.Parts, statuses is not null && statuses.TryGetValue(l.Key, out var s) ? s : null);
            if (l.Level > required || !line.Applies)
                continue;
            foreach (var c in l.Controls)
            {
                applicable[c]++;
                if (line.Met)
                    met[c]++;
            }
        }
        var score = AssessmentScore.Compute(lines, required);
        HeatCell[] controls = [.. Enumerable.Range(0, applicable.Length).Where(c => applicable[c] > 0)
            .Select(c => Cell(catalog.Controls[c].Id, new Share(applicable[c], met[c])))];
        HeatCell[] parts = [.. score.Groups.Select(g => Cell(g.Key.ToString(), g.Value))];
        return new Figures(score.Actual?.ToString(), score.MeetsRequired, score.Gaps.Count, score.Gaps.Count(g => g.Level == RequirementLevel.Must), parts, controls);
    }

    /// <summary>A product's assessments across its versions, oldest first (<c>Portfolio.ProductNotFound</c> when the actor cannot see it).</summary>
    public async Task<HistoryPoint[]> HistoryAsync(Guid productId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == productId)
            ?? throw PortfolioErrors.ProductNotFound(productId).Exception();
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Entries).Where(a => a.ProductId == productId).OrderBy(a => a.StartedAt).ToListAsync();
        var snapshots = (await db.BaselineSnapshots.AsNoTracking()
                .Where(s => db.Assessments.Any(a => a.ProductId == productId && a.BaselineId == s.BaselineId && a.BaselineVersion == s.Version))
                .Select(s => new { s.BaselineId, s.Version, s.Lines })
                .ToListAsync())
            .ToDictionary(s => (s.BaselineId, s.Version), s => s.Lines);
        return [.. assessments.Select(a =>
        {
            var score = AssessmentViews.Score(a, snapshots.GetValueOrDefault((a.BaselineId, a.BaselineVersion)) ?? [], catalog, product.RequiredLevel);
            return new HistoryPoint(a.Id, product.Versions.FirstOrDefault(v => v.Id == a.ProductVersionId)?.Version ?? "?", a.StartedAt, a.CompletedAt,
                a.BaselineVersion, score.Required.ToString(), score.Actual?.ToString(),
                score.Levels.ToDictionary(l => l.Key.ToString(), l => Math.Round(l.Value.Ratio, 3)));
        })];
    }

    // How many levels short of the requirement the product is: MUST not met counts as one below MUST.
    private static int LevelGap(HeatRow row)
    {
        var required = Enum.Parse<RequirementLevel>(row.RequiredLevel);
        var actual = row.ActualLevel is null ? -1 : (int)Enum.Parse<RequirementLevel>(row.ActualLevel);
        return Math.Max(0, (int)required - actual);
    }

    private static HeatCell Cell(string column, Share share) => new(column, share.Applicable, share.Met, Math.Round(share.Ratio, 3));
}
