using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Dashboard;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Assessments;
using Shirube.Web.Features.Cases;

namespace Shirube.Web.Features.Dashboard;

/// <summary>What the dashboard shows: the actor's units and products, the CRA reports due, and the products furthest from their required level.</summary>
/// <param name="Products">The products the actor sees.</param>
/// <param name="Units">The business units the actor sees.</param>
/// <param name="CraDue">CRA reports due.</param>
/// <param name="WorstGaps">The products furthest from their required level.</param>
/// <param name="Levels">Every product's required and actual level (the portfolio view's rows), for the chart.</param>
/// <param name="Steps">The newcomer's first steps done.</param>
internal sealed record DashboardView(IReadOnlyList<Product> Products, IReadOnlyList<BusinessUnit> Units, CraDueDto[] CraDue, IReadOnlyList<HeatRow> WorstGaps,
    IReadOnlyList<HeatRow> Levels, FirstSteps Steps);

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
        string? stored;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var userId = db.Actor.UserId;
            stored = userId is null ? null : await db.UserTokens.AsNoTracking()
                .Where(t => t.UserId == userId && t.LoginProvider == DashboardCommands.Provider && t.Name == DashboardCommands.Name)
                .Select(t => t.Value).SingleOrDefaultAsync();
            products = await db.Products.AsNoTracking().OrderBy(p => p.Field).ThenBy(p => p.Name).ToListAsync();
            var scope = db.Actor.Scope;
            units = await db.BusinessUnits.AsNoTracking().Where(u => scope.SeesAllUnits || scope.UnitIds.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync();
        }
        var due = await cra.DueAsync();
        // Worst first, as the portfolio view orders them: level shortfall, then MUST gaps; only assessed products with gaps.
        var rows = (await portfolio.HeatmapAsync(PortfolioViews.ByParts, null, null)).Rows;
        var worst = rows.Where(r => r.AssessmentId is not null && r.Gaps > 0).Take(WorstCount).ToList();
        // Loading the example counts as done once there are products to look at, the example's or one's own.
        var steps = FirstSteps.Parse(stored);
        if (products.Count > 0)
            steps = steps.With(FirstStep.LoadExample);
        return new DashboardView(products, units, due, worst, rows, steps);
    }
}
