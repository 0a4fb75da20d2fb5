using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Incidents;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Cases;
using Shirube.Web.Features.Incidents;

namespace Shirube.Web.Features.Notices;

/// <summary>
/// One notice: <c>Kind</c> is CraReport, NotificationOverdue, SupportEnding or SupportEnded; <c>Level</c> error (past a
/// deadline) or warning (one near); <c>Subject</c> the case or incident number or the product version; <c>Detail</c>
/// the report kind or the stakeholder group.
/// </summary>
internal sealed record NoticeDto(string Kind, string Level, string Subject, string Title, string? Product, string? Detail, DateTime DueAt, string Href);

/// <summary>
/// The notices of one user, computed from the data they may see (every query goes through the unit filter): CRA reports
/// due within 12 hours or overdue, incident notifications past their matrix target, and product versions whose security
/// support ends within Shirube:Notices:SupportWarningDays (default 90) or has ended while the version is still listed.
/// </summary>
internal sealed class NoticeCentre(IConfiguration config)
{
    /// <summary>How close a CRA deadline must be to make a notice.</summary>
    public static readonly TimeSpan CraWarning = TimeSpan.FromHours(12);

    /// <summary>Days before the end of support that a version gets a warning.</summary>
    public int SupportWarningDays => Math.Clamp(config.GetValue("Shirube:Notices:SupportWarningDays", 90), 0, 3650);

    public async Task<NoticeDto[]> ForAsync(ShirubeDbContext db, DateTime now)
    {
        var cra = (await CraViews.DueAsync(db, now))
            .Where(d => d.DueAt - now <= CraWarning)
            .Select(d => new NoticeDto("CraReport", d.Status == "Overdue" ? "error" : "warning", d.Number, d.Title, d.Product, d.Kind, d.DueAt, d.Href));

        var rules = await IncidentModel.MatrixAsync(db);
        var open = await db.Incidents.AsNoTracking().Include(i => i.Notifications).Where(i => i.State != IncidentState.Closed).ToListAsync();
        var names = await ProductNamesAsync(db, open.Select(i => i.ProductId).OfType<Guid>());
        var notifications = open.SelectMany(i => NotificationMatrix.For(i, rules, now)
            .Where(d => d.Status == NotificationStatus.Overdue)
            .Select(d => new NoticeDto("NotificationOverdue", "error", i.Number, i.Title, i.ProductId is { } pid ? names.GetValueOrDefault(pid) : null,
                d.Group.ToString(), d.DueAt, $"/incidents/{i.Id}")));

        var today = DateOnly.FromDateTime(now);
        var products = await db.Products.AsNoTracking().Include(p => p.Versions).ToListAsync();
        var support = products.SelectMany(p => p.Versions.Select(v => (Product: p, Version: v, Status: v.SupportOn(today, SupportWarningDays))))
            .Where(x => x.Status is SupportStatus.Ending or SupportStatus.Ended)
            .Select(x => new NoticeDto(x.Status == SupportStatus.Ended ? "SupportEnded" : "SupportEnding", x.Status == SupportStatus.Ended ? "error" : "warning",
                x.Version.Version, x.Product.Name, x.Product.Name, null, x.Version.EndOfSupport!.Value.ToDateTime(TimeOnly.MaxValue), $"/products/{x.Product.Id}"));

        // Past deadlines first, then the nearest.
        return [.. cra.Concat(notifications).Concat(support).OrderBy(n => n.Level == "error" ? 0 : 1).ThenBy(n => n.DueAt)];
    }

    private static async Task<Dictionary<Guid, string>> ProductNamesAsync(ShirubeDbContext db, IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        return await db.Products.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
    }
}

/// <summary>The notice centre's API.</summary>
internal static class NoticeEndpoints
{
    public static WebApplication MapNoticeEndpoints(this WebApplication app)
    {
        app.MapGet("/api/notices", async (ShirubeDbContext db, NoticeCentre notices, TimeProvider clock) =>
            TypedResults.Ok(await notices.ForAsync(db, clock.GetUtcNow().UtcDateTime)))
            .RequireAuthorization().WithTags("Notices")
            .WithSummary("The caller's notices, from the data they may see: CRA reports due within 12 hours or overdue, incident notifications past their target, product versions near or past the end of security support.");
        return app;
    }
}
