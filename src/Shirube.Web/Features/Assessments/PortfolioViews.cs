using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;

namespace Shirube.Web.Features.Assessments;

internal sealed record HeatCell(string Column, int Applicable, int Met, double Ratio);

internal sealed record HeatRow(Guid ProductId, string Product, Guid UnitId, string Unit, string Field, string RequiredLevel, string? ActualLevel,
    bool MeetsRequired, Guid? AssessmentId, string? Version, DateTime? AssessedAt, int Gaps, int MustGaps, HeatCell[] Cells);

internal sealed record HeatmapDto(string By, string[] Columns, HeatRow[] Rows);

internal sealed record HistoryPoint(Guid AssessmentId, string Version, DateTime StartedAt, DateTime? CompletedAt, int BaselineVersion,
    string RequiredLevel, string? ActualLevel, Dictionary<string, double> Shares);

/// <summary>
/// The portfolio view: each product's latest assessment, required against actual, per IoT part group or per common
/// control, worst first; and a product's history across versions. Both take a fixed number of queries however
/// large the portfolio is: products, units, the latest assessments with their entries, and the baseline versions
/// they were made against, each read once for all products.
/// </summary>
internal sealed class PortfolioViews(IDbContextFactory<ShirubeDbContext> contexts, Catalog catalog)
{
    public const string ByParts = "parts";
    public const string ByControls = "controls";

    private sealed record EntryRow(string Key, ImplementationStatus Status);

    private sealed record LatestRow(Guid Id, Guid ProductId, Guid BaselineId, int BaselineVersion, DateTime StartedAt, string? Version, List<EntryRow> Entries);

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
        var latestQuery = db.Assessments.AsNoTracking()
            .Where(a => inView.Any(p => p.Id == a.ProductId))
            .Where(a => !db.Assessments.Any(b => b.ProductId == a.ProductId && b.StartedAt > a.StartedAt));
        var latest = (await latestQuery
                .Select(a => new LatestRow(a.Id, a.ProductId, a.BaselineId, a.BaselineVersion, a.StartedAt,
                    db.Set<ProductVersion>().Where(v => v.Id == a.ProductVersionId).Select(v => v.Version).FirstOrDefault(),
                    a.Entries.Select(e => new EntryRow(e.Key, e.Status)).ToList()))
                .ToListAsync())
            .GroupBy(a => a.ProductId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.StartedAt).ThenBy(a => a.Id).First());
        // The baseline versions assessed, found by their key (a correlated subquery per snapshot would scan the assessments).
        var wanted = latest.Values.Select(a => (a.BaselineId, a.BaselineVersion)).ToHashSet();
        var baselineIds = wanted.Select(w => w.BaselineId).Distinct().ToList();
        var snapshots = (await db.BaselineSnapshots.AsNoTracking()
                .Where(s => baselineIds.Contains(s.BaselineId))
                .Select(s => new { s.BaselineId, s.Version, s.Lines })
                .ToListAsync())
            .Where(s => wanted.Contains((s.BaselineId, s.Version)))
            .ToDictionary(s => (s.BaselineId, s.Version), s => s.Lines);

        var described = new Dictionary<string, (IReadOnlyList<IotPart> Parts, IReadOnlyList<string> Controls)>(StringComparer.Ordinal);
        (IReadOnlyList<IotPart> Parts, IReadOnlyList<string> Controls) Describe(SnapshotLine line)
        {
            // Parts and controls depend on the key alone; the same requirements recur across the portfolio.
            if (!described.TryGetValue(line.Key, out var d))
            {
                var all = AssessmentViews.Describe(line, catalog);
                described[line.Key] = d = (all.Parts, all.Controls);
            }
            return d;
        }

        var columns = by == ByControls ? [.. catalog.Controls.Select(c => c.Id)] : Enum.GetValues<IotPartGroup>().Select(g => g.ToString()).ToArray();
        var rows = new List<HeatRow>(products.Count);
        foreach (var product in products)
        {
            var unitName = units.GetValueOrDefault(product.BusinessUnitId, "?");
            if (!latest.TryGetValue(product.Id, out var assessment) || assessment.Version is null
                || !snapshots.TryGetValue((assessment.BaselineId, assessment.BaselineVersion), out var snapshot))
            {
                rows.Add(new HeatRow(product.Id, product.Name, product.BusinessUnitId, unitName, product.Field, product.RequiredLevel.ToString(),
                    null, false, null, null, null, 0, 0, []));
                continue;
            }
            var statuses = assessment.Entries.ToDictionary(e => e.Key, e => e.Status, StringComparer.Ordinal);
            var lines = snapshot.Where(l => !l.Excluded).Select(l =>
            {
                var d = Describe(l);
                return (Scored: new ScoredLine(l.Key, l.Level, d.Parts, statuses.TryGetValue(l.Key, out var s) ? s : null), d.Controls);
            }).ToList();
            var score = AssessmentScore.Compute(lines.Select(l => l.Scored), product.RequiredLevel);
            HeatCell[] cells = by == ByControls
                ? [.. catalog.Controls.Select(c => Cell(c.Id, lines.Where(l => l.Scored.Level <= product.RequiredLevel && l.Controls.Contains(c.Id)).Select(l => l.Scored)))
                    .Where(c => c.Applicable > 0)]
                : [.. score.Groups.Select(g => new HeatCell(g.Key.ToString(), g.Value.Applicable, g.Value.Met, Math.Round(g.Value.Ratio, 3)))];

            rows.Add(new HeatRow(product.Id, product.Name, product.BusinessUnitId, unitName, product.Field, score.Required.ToString(),
                score.Actual?.ToString(), score.MeetsRequired, assessment.Id, assessment.Version, assessment.StartedAt,
                score.Gaps.Count, score.Gaps.Count(g => g.Level == RequirementLevel.Must), cells));
        }
        return new HeatmapDto(by, columns, [.. rows.OrderBy(r => r.AssessmentId is null).ThenBy(r => r.MeetsRequired)
            .ThenByDescending(LevelGap).ThenByDescending(r => r.MustGaps).ThenByDescending(r => r.Gaps).ThenBy(r => r.Product, StringComparer.Ordinal)]);
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

    private static HeatCell Cell(string column, IEnumerable<ScoredLine> lines)
    {
        var share = Share.Of(lines);
        return new HeatCell(column, share.Applicable, share.Met, Math.Round(share.Ratio, 3));
    }
}
