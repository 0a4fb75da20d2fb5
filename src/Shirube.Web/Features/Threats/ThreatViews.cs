using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Risk;
using Shirube.Domain.Threats;

namespace Shirube.Web.Features.Threats;

/// <summary>Reads of the threat register, shared by the API and the pages (the baseline editor shows what each line counters).</summary>
internal sealed class ThreatViews(IDbContextFactory<ShirubeDbContext> contexts)
{
    /// <summary>Which of the product's threats each line of the baseline counters, riskiest first; empty for a company baseline or one the actor cannot see.</summary>
    public async Task<CounteredDto[]> CounteredAsync(Guid baselineId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var productId = await db.Baselines.AsNoTracking().Where(b => b.Id == baselineId).Select(b => b.ProductId).SingleOrDefaultAsync();
        if (productId is not { } pid)
            return [];
        var matrix = await Risk.RiskMatrixEndpoints.LoadAsync(db);
        return [.. Countered(await ThreatRegister.OfProductAsync(db, pid), matrix)
            .Select(kv => new CounteredDto(kv.Key, [.. kv.Value.Select(t => new ThreatRefDto(t.Id, t.Title, t.Stride.ToString(), t.RiskIn(matrix).Inherent.ToString()))]))];
    }

    /// <summary>The threats each requirement key counters, riskiest first.</summary>
    public static IReadOnlyDictionary<string, Threat[]> Countered(IEnumerable<Threat> threats, RiskMatrix matrix) =>
        threats.SelectMany(t => t.Countermeasures.SelectMany(c => c.RequirementKeys).Distinct().Select(k => (Key: k, Threat: t)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Threat).OrderByDescending(t => t.RiskIn(matrix).Inherent).ToArray(), StringComparer.Ordinal);
}
