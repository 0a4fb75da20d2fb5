using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;
using Shirube.Domain.Metrics;
using Shirube.Web.Features.Cases;

namespace Shirube.Web.Features.Metrics;

/// <summary>Reads the cases the actor may see (through the unit filter) and hands their histories to <see cref="CaseMetrics"/>.</summary>
internal static class CaseMetricsQuery
{
    /// <summary>The metrics of the visible cases, optionally of one unit; the period defaults to the twelve months before now.</summary>
    public static async Task<CaseMetricsReport> RunAsync(ShirubeDbContext db, ResponsePolicy policy, DateTime now, DateTime? from, DateTime? to, Guid? unit)
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
            var level = policy.Decide(CaseEndpoints.Score(c)?.Score, c.ExploitedSince is not null, riskClass).Level;
            return CaseHistory.Of(c, level);
        }).ToList();
        var end = to ?? now;
        return CaseMetrics.Compute(histories, policy.Levels, from ?? end.AddMonths(-CaseMetrics.TrendMonths), end, now);
    }
}
