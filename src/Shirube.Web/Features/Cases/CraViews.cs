using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;
using Shirube.Domain.Portfolio;

namespace Shirube.Web.Features.Cases;

/// <summary>Reads of the EU CRA clocks, shared by the API, the dashboard, the notices and the incident pages.</summary>
internal sealed class CraViews(IDbContextFactory<ShirubeDbContext> contexts, TimeProvider clock)
{
    /// <summary>Every CRA report due or overdue on the cases and incidents the actor may see, soonest first.</summary>
    public async Task<CraDueDto[]> DueAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await DueAsync(db, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The CRA clocks of a case: whether they apply, and each report's deadline; <c>Cases.NotFound</c> (404) when the actor may not see the case.</summary>
    public async Task<CraDto> OfCaseAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var c = await CaseViews.LoadAsync(db, id, tracked: false) ?? throw CaseErrors.NotFound(id).Exception();
        var now = clock.GetUtcNow().UtcDateTime;
        var product = c.ProductId is { } pid ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid) : null;
        var eu = OnEuMarket(product);
        return new CraDto(CraClock.Applies(c, eu), eu, c.ExploitedSince, Deadlines(CraClock.For(c, eu, now), now));
    }

    /// <summary>The content of one CRA report, assembled from the case; <c>Cases.NotFound</c> (404) when the actor may not see it.</summary>
    public async Task<CraDraftDto> DraftAsync(Guid id, CraReportKind kind)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var c = await CaseViews.LoadAsync(db, id, tracked: false) ?? throw CaseErrors.NotFound(id).Exception();
        var product = c.ProductId is { } pid ? await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == pid) : null;
        return new CraDraftDto(
            kind.ToString(), c.Number, product?.Name ?? c.ReportedProduct ?? "?",
            [.. (product?.Versions ?? []).Where(v => c.AffectedVersions.Contains(v.Id)).Select(v => v.Version)],
            c.Title, c.Description, c.Cwe, c.CvssVector, CaseViews.Score(c)?.Score, c.ExploitedSince,
            kind == CraReportKind.EarlyWarning ? null : c.RemediationPlan, c.PlannedRelease, c.ReachedAt(CaseState.Release));
    }

    /// <summary>Open CRA reports across the visible cases and incidents, soonest first.</summary>
    public static async Task<CraDueDto[]> DueAsync(ShirubeDbContext db, DateTime now)
    {
        var flagged = await db.Cases.AsNoTracking().Include(c => c.Transitions).Where(c => c.ExploitedSince != null).ToListAsync();
        var severe = await db.Incidents.AsNoTracking().Where(i => i.Severe).ToListAsync();
        var ids = flagged.Select(c => c.ProductId).Concat(severe.Select(i => i.ProductId)).OfType<Guid>().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        Product? ProductOf(Guid? id) => id is { } pid ? products.GetValueOrDefault(pid) : null;
        return [.. flagged.SelectMany(c => Open("case", c.Id, c.Number, c.Title, ProductOf(c.ProductId), CraClock.For(c, OnEuMarket(ProductOf(c.ProductId)), now), now))
            .Concat(severe.SelectMany(i => Open("incident", i.Id, i.Number, i.Title, ProductOf(i.ProductId), CraClock.For(i, OnEuMarket(ProductOf(i.ProductId)), now), now)))
            .OrderBy(d => d.DueAt)];
    }

    private static IEnumerable<CraDueDto> Open(string subject, Guid id, string number, string title, Product? product, IReadOnlyList<CraDeadline> deadlines, DateTime now) =>
        deadlines.Where(d => d.Status is CraReportStatus.Due or CraReportStatus.Overdue)
            .Select(d => new CraDueDto(subject, id, number, title, product?.Name, d.Kind.ToString(), d.DueAt!.Value, d.Status.ToString(), Math.Round(d.Left(now)!.Value.TotalHours, 1), d.Provisional));

    /// <summary>True when the product is placed on the EU market, which is what makes the CRA clocks run.</summary>
    public static bool OnEuMarket(Product? product) => product?.Markets.Contains("EU") ?? false;

    /// <summary>The deadlines as the API shows them, with hours left.</summary>
    public static DeadlineDto[] Deadlines(IReadOnlyList<CraDeadline> deadlines, DateTime now) =>
        [.. deadlines.Select(d => new DeadlineDto(d.Kind.ToString(), d.DueAt, d.SubmittedAt, d.Status.ToString(),
            d.Left(now) is { } left ? Math.Round(left.TotalHours, 1) : null, d.Provisional))];
}
