using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Web.Features.Assessments;

internal sealed record HeatCell(string Column, int Applicable, int Met, double Ratio);

internal sealed record HeatRow(Guid ProductId, string Product, Guid UnitId, string Unit, string Field, string RequiredLevel, string? ActualLevel,
    bool MeetsRequired, Guid? AssessmentId, string? Version, DateTime? AssessedAt, int Gaps, int MustGaps, HeatCell[] Cells);

internal sealed record HeatmapDto(string By, string[] Columns, HeatRow[] Rows);

internal sealed record HistoryPoint(Guid AssessmentId, string Version, DateTime StartedAt, DateTime? CompletedAt, int BaselineVersion,
    string RequiredLevel, string? ActualLevel, Dictionary<string, double> Shares);

/// <summary>
/// The portfolio view: each product's latest assessment, required against actual, per IoT part group or per common
/// control, worst first; and a product's history across versions.
/// </summary>
internal static class PortfolioView
{
    public const string ByParts = "parts";
    public const string ByControls = "controls";

    public static async Task<HeatmapDto> BuildAsync(ShirubeDbContext db, Catalog catalog, string by, Guid? unit, string? field)
    {
        var products = await db.Products.AsNoTracking()
            .Where(p => unit == null || p.BusinessUnitId == unit)
            .Where(p => field == null || p.Field == field)
            .ToListAsync();
        var units = await db.BusinessUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code);
        var ids = products.Select(p => p.Id).ToList();
        var latest = (await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.ProductId)).Select(a => new { a.Id, a.ProductId, a.StartedAt }).ToListAsync())
            .GroupBy(a => a.ProductId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.StartedAt).First().Id);
        var columns = by == ByControls ? [.. catalog.Controls.Select(c => c.Id)] : Enum.GetValues<IotPartGroup>().Select(g => g.ToString()).ToArray();
        var rows = new List<HeatRow>();
        foreach (var product in products)
        {
            var unitName = units.GetValueOrDefault(product.BusinessUnitId, "?");
            if (!latest.TryGetValue(product.Id, out var assessmentId) || await AssessmentViews.LoadAsync(db, catalog, assessmentId) is not { } view)
            {
                rows.Add(new HeatRow(product.Id, product.Name, product.BusinessUnitId, unitName, product.Field, product.RequiredLevel.ToString(),
                    null, false, null, null, null, 0, 0, []));
                continue;
            }
            var score = view.Score;
            HeatCell[] cells = by == ByControls
                ? [.. catalog.Controls.Select(c => Cell(c.Id, view.Lines.Where(l => l.Line.Level <= product.RequiredLevel && l.Controls.Contains(c.Id)).Select(l => l.Scored)))
                    .Where(c => c.Applicable > 0)]
                : [.. score.Groups.Select(g => new HeatCell(g.Key.ToString(), g.Value.Applicable, g.Value.Met, Math.Round(g.Value.Ratio, 3)))];

            rows.Add(new HeatRow(product.Id, product.Name, product.BusinessUnitId, unitName, product.Field, score.Required.ToString(),
                score.Actual?.ToString(), score.MeetsRequired, view.Assessment.Id, view.Version.Version, view.Assessment.StartedAt,
                score.Gaps.Count, score.Gaps.Count(g => g.Level == RequirementLevel.Must), cells));
        }
        return new HeatmapDto(by, columns, [.. rows.OrderBy(r => r.AssessmentId is null).ThenBy(r => r.MeetsRequired)
            .ThenByDescending(r => LevelGap(r)).ThenByDescending(r => r.MustGaps).ThenByDescending(r => r.Gaps).ThenBy(r => r.Product, StringComparer.Ordinal)]);
    }

    public static async Task<HistoryPoint[]?> HistoryAsync(ShirubeDbContext db, Catalog catalog, Guid productId)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == productId);
        if (product is null)
            return null;
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Entries).Where(a => a.ProductId == productId).OrderBy(a => a.StartedAt).ToListAsync();
        var points = new List<HistoryPoint>();
        foreach (var a in assessments)
        {
            var lines = await AssessmentViews.VersionLinesAsync(db, a.BaselineId, a.BaselineVersion) ?? [];
            var score = AssessmentViews.Score(a, lines, catalog, product.RequiredLevel);
            points.Add(new HistoryPoint(a.Id, product.Versions.FirstOrDefault(v => v.Id == a.ProductVersionId)?.Version ?? "?", a.StartedAt, a.CompletedAt,
                a.BaselineVersion, score.Required.ToString(), score.Actual?.ToString(),
                score.Levels.ToDictionary(l => l.Key.ToString(), l => Math.Round(l.Value.Ratio, 3))));
        }
        return [.. points];
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
