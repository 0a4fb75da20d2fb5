using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Cases;
using Shirube.Domain.Metrics;
using Shirube.Web.Features.Cases;

namespace Shirube.Web.Features.Metrics;

internal sealed record DurationDto(string Level, string Step, int Count, double? MedianHours, double? P90Hours);

internal sealed record SlaCountDto(string Level, string Step, double TargetHours, int Met, int Breached, int Overdue, int Open, int Missed);

internal sealed record OpenCountDto(Guid? Id, string? Name, int Open);

internal sealed record MonthDto(string Month, int Opened, int Closed, int Fixed, double? MedianDaysToFix);

internal sealed record CaseMetricsDto(DateTime From, DateTime To, int Cases, DurationDto[] Durations, SlaCountDto[] Sla,
    OpenCountDto[] OpenByProduct, OpenCountDto[] OpenByUnit, MonthDto[] Trend);

/// <summary>A business unit the metrics page can narrow to.</summary>
internal sealed record UnitChoiceDto(Guid Id, string Code, string NameJa, string NameEn);

/// <summary>What the metrics page shows: the actor's units, the visible products' names, and the report.</summary>
internal sealed record MetricsPageDto(UnitChoiceDto[] Units, IReadOnlyDictionary<Guid, string> Products, CaseMetricsReport Report);

/// <summary>PSIRT metrics over the cases the actor may see (through the unit filter), for the API and the metrics page.</summary>
internal sealed class MetricsViews(IDbContextFactory<ShirubeDbContext> contexts, ResponsePolicy policy, TimeProvider clock)
{
    /// <summary>
    /// The metrics as the API shows them: <c>Metrics.PeriodReversed</c> (400) when the period ends before it starts,
    /// <c>Metrics.UnitNotFound</c> (404) for a unit the actor does not belong to.
    /// </summary>
    public async Task<CaseMetricsDto> CasesAsync(DateTime? from, DateTime? to, Guid? unit)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var start = from is { } f ? DateTime.SpecifyKind(f.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null;
        var end = to is { } t ? DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null;
        Guard.That(!(start >= (end ?? now)), MetricsErrors.PeriodReversed());
        await using var db = await contexts.CreateDbContextAsync();
        if (unit is { } u && !await db.BusinessUnits.AnyAsync(b => b.Id == u && (db.Actor.Scope.SeesAllUnits || db.Actor.Scope.UnitIds.Contains(b.Id))))
            throw MetricsErrors.UnitNotFound(u).Exception();
        var report = await ReportAsync(db, now, start, end, unit);
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name);
        var units = await db.BusinessUnits.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code);
        return ToDto(report, products, units);
    }

    /// <summary>The metrics page: the twelve months before now, of every visible case or of one unit's.</summary>
    public async Task<MetricsPageDto> PageAsync(Guid? unit)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var scope = db.Actor.Scope;
        var units = (await db.BusinessUnits.AsNoTracking().OrderBy(u => u.Code).Select(u => new UnitChoiceDto(u.Id, u.Code, u.NameJa, u.NameEn)).ToListAsync())
            .Where(u => scope.Allows(u.Id)).ToArray();
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name);
        return new MetricsPageDto(units, products, await ReportAsync(db, clock.GetUtcNow().UtcDateTime, null, null, unit));
    }

    // The visible cases' histories, each with its response level, handed to CaseMetrics; the period defaults to the twelve months before now.
    private async Task<CaseMetricsReport> ReportAsync(ShirubeDbContext db, DateTime now, DateTime? from, DateTime? to, Guid? unit)
    {
        var query = db.Cases.AsNoTracking().Include(c => c.Transitions).AsQueryable();
        if (unit is { } u)
            query = query.Where(c => c.BusinessUnitId == u);
        var cases = await query.ToListAsync();
        var productIds = cases.Where(c => c.ProductId is not null).Select(c => c.ProductId!.Value).Distinct().ToList();
        var riskClasses = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RiskClass);
        var histories = cases.Select(c =>
        {
            var riskClass = c.ProductId is { } pid ? riskClasses.GetValueOrDefault(pid) : null;
            var level = policy.Decide(CaseViews.Score(c)?.Score, c.ExploitedSince is not null, riskClass).Level;
            return CaseHistory.Of(c, level);
        }).ToList();
        var end = to ?? now;
        return CaseMetrics.Compute(histories, policy.Levels, from ?? end.AddMonths(-CaseMetrics.TrendMonths), end, now);
    }

    private static double? Hours(TimeSpan? t) => t is { } v ? Math.Round(v.TotalHours, 1) : null;

    private static CaseMetricsDto ToDto(CaseMetricsReport r, IReadOnlyDictionary<Guid, string> products, IReadOnlyDictionary<Guid, string> units) => new(
        r.From, r.To, r.Cases,
        [.. r.Durations.Select(d => new DurationDto(d.Level, d.Step.ToString(), d.Count, Hours(d.Median), Hours(d.P90)))],
        [.. r.Sla.Select(s => new SlaCountDto(s.Level, s.Step.ToString(), s.Target.TotalHours, s.Met, s.Breached, s.Overdue, s.Open, s.Missed))],
        [.. r.OpenByProduct.Select(o => new OpenCountDto(o.Id, o.Id is { } id ? products.GetValueOrDefault(id) : null, o.Open))],
        [.. r.OpenByUnit.Select(o => new OpenCountDto(o.Id, o.Id is { } id ? units.GetValueOrDefault(id) : null, o.Open))],
        [.. r.Trend.Select(m => new MonthDto($"{m.Year:D4}-{m.Month:D2}", m.Opened, m.Closed, m.Fixed, m.MedianTimeToFix is { } f ? Math.Round(f.TotalDays, 1) : null))]);
}
