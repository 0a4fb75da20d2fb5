using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Assessments;
using Shirube.Web.Features.Cases;

namespace Shirube.Web.Features.Dashboard;

/// <summary>What the dashboard shows: the actor's units and products, the CRA reports due, and the products furthest from their required level.</summary>
internal sealed record DashboardView(IReadOnlyList<Product> Products, IReadOnlyList<BusinessUnit> Units, CraDueDto[] CraDue, IReadOnlyList<HeatRow> WorstGaps);

/// <summary>The dashboard's reads: a fixed number of queries however large the portfolio is.</summary>
internal sealed class DashboardViews(IDbContextFactory<ShirubeDbContext> contexts, CraViews cra, PortfolioViews portfolio)
{
    /// <summary>How many of the worst products the dashboard lists.</summary>
    public const int WorstCount = 5;

    /// <summary>The dashboard of the current actor.</summary>
    public async Task<DashboardView> LoadAsync()
    {
        List<Product> products;
        List<BusinessUnit> units;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            products = await db.Products.AsNoTracking().OrderBy(p => p.Field).ThenBy(p => p.Name).ToListAsync();
            var scope = db.Actor.Scope;
            units = await db.BusinessUnits.AsNoTracking().Where(u => scope.SeesAllUnits || scope.UnitIds.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync();
        }
        var due = await cra.DueAsync();
        // Worst first, as the portfolio view orders them: level shortfall, then MUST gaps; only assessed products with gaps.
        var worst = (await portfolio.HeatmapAsync(PortfolioViews.ByParts, null, null)).Rows
            .Where(r => r.AssessmentId is not null && r.Gaps > 0).Take(WorstCount).ToList();
        return new DashboardView(products, units, due, worst);
    }
}
