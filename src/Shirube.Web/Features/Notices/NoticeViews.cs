using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Incidents;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Cases;
using Shirube.Web.Features.Incidents;

namespace Shirube.Web.Features.Notices;

/// <summary>
/// The notices of the actor, computed from the data they may see (every query goes through the unit filter): CRA reports
/// due within 12 hours or overdue, incident notifications past their matrix target, and product versions whose security
/// support ends within the warning days or has ended while the version is still listed. The bell in the layout asks on
/// every page, so the notices take the same few queries however large the portfolio is: the database picks the versions
/// near or past their end, and no product is loaded whole.
/// </summary>
internal sealed class NoticeViews(IDbContextFactory<ShirubeDbContext> contexts, CraViews craViews, NoticeCentre settings, TimeProvider clock)
{
    /// <summary>Days before the end of support that a version gets a warning.</summary>
    public int SupportWarningDays => settings.SupportWarningDays;

    /// <summary>The actor's notices: past deadlines first, then the nearest.</summary>
    public async Task<NoticeDto[]> ListAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var cra = (await craViews.DueAsync())
            .Where(d => d.DueAt - now <= NoticeCentre.CraWarning)
            .Select(d => new NoticeDto("CraReport", d.Status == "Overdue" ? "error" : "warning", d.Number, d.Title, d.Product, d.Kind, d.DueAt, d.Href));
        return [.. cra.Concat(await OverdueNotificationsAsync(db, now)).Concat(await SupportAsync(db, now)).Concat(await NewFindingsAsync(db, now))
            .OrderBy(n => n.Level == "error" ? 0 : 1).ThenBy(n => n.DueAt)];
    }

    /// <summary>How many notices the actor has (the bell's badge).</summary>
    public async Task<int> CountAsync() => (await ListAsync()).Length;

    // Open incidents whose matrix says a group should have heard by now and has not.
    private static async Task<IEnumerable<NoticeDto>> OverdueNotificationsAsync(ShirubeDbContext db, DateTime now)
    {
        var rules = await IncidentViews.RulesAsync(db);
        if (rules.Count == 0)
            return [];
        var open = await db.Incidents.AsNoTracking().Include(i => i.Notifications).Where(i => i.State != IncidentState.Closed)
            .Select(i => new { Incident = i, Product = db.Products.Where(p => p.Id == i.ProductId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync();
        return open.SelectMany(o => NotificationMatrix.For(o.Incident, rules, now)
            .Where(d => d.Status == NotificationStatus.Overdue)
            .Select(d => new NoticeDto("NotificationOverdue", "error", o.Incident.Number, o.Incident.Title, o.Product, d.Group.ToString(), d.DueAt,
                $"/incidents/{o.Incident.Id}")));
    }

    /// <summary>How far back a finding counts as new for a notice.</summary>
    public static readonly TimeSpan NewFindingWindow = TimeSpan.FromDays(7);

    // Product versions with open findings of CVSS 7.0 or more first seen in the last week: one grouped query.
    private static async Task<IEnumerable<NoticeDto>> NewFindingsAsync(ShirubeDbContext db, DateTime now)
    {
        var since = now - NewFindingWindow;
        var rows = await (from f in db.Findings.AsNoTracking()
                          where f.FirstSeen >= since && !f.Suppressed && f.CvssScore >= 7.0m
                              && (f.State == Domain.Components.FindingState.InTriage || f.State == Domain.Components.FindingState.Exploitable)
                          group f by new { f.ProductId, f.ProductVersionId } into g
                          select new { g.Key.ProductId, g.Key.ProductVersionId, Count = g.Count(), Latest = g.Max(f => f.FirstSeen) })
            .ToListAsync();
        if (rows.Count == 0)
            return [];
        var versionIds = rows.Select(r => r.ProductVersionId).ToList();
        var names = await db.Products.AsNoTracking()
            .SelectMany(p => p.Versions.Where(v => versionIds.Contains(v.Id)), (p, v) => new { VersionId = v.Id, p.Name, v.Version })
            .ToDictionaryAsync(x => x.VersionId);
        return rows.Where(r => names.ContainsKey(r.ProductVersionId)).Select(r => new NoticeDto("NewFindings", "warning",
            names[r.ProductVersionId].Version, names[r.ProductVersionId].Name, names[r.ProductVersionId].Name,
            r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Latest,
            $"/products/{r.ProductId}/versions/{r.ProductVersionId}/components"));
    }

    // Versions whose support ends within the warning days or has ended: chosen by the database, one query.
    private async Task<IEnumerable<NoticeDto>> SupportAsync(ShirubeDbContext db, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var days = settings.SupportWarningDays;
        var horizon = today.AddDays(days);
        var near = await db.Products.AsNoTracking()
            .SelectMany(p => p.Versions.Where(v => v.EndOfSupport != null && v.EndOfSupport <= horizon), (p, v) => new { p.Id, p.Name, Version = v })
            .ToListAsync();
        return near.Select(x => (x.Id, x.Name, x.Version, Status: x.Version.SupportOn(today, days)))
            .Where(x => x.Status is SupportStatus.Ending or SupportStatus.Ended)
            .Select(x => new NoticeDto(x.Status == SupportStatus.Ended ? "SupportEnded" : "SupportEnding", x.Status == SupportStatus.Ended ? "error" : "warning",
                x.Version.Version, x.Name, x.Name, null, x.Version.EndOfSupport!.Value.ToDateTime(TimeOnly.MaxValue), $"/products/{x.Id}"));
    }
}
