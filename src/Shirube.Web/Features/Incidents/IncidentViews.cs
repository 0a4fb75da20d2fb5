using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Cases;
using Shirube.Domain.Incidents;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Cases;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Incidents;

/// <summary>
/// Reads of incident response, shared by the API and the pages, through the unit filter: the list, one incident with its
/// matrix status, statements and CRA clocks, a CRA report's content and the notification matrix.
/// </summary>
internal sealed class IncidentViews(IDbContextFactory<ShirubeDbContext> contexts, TimeProvider clock)
{
    /// <summary>The incidents the actor may see, newest first; <paramref name="state"/> and <paramref name="severity"/> filter by name.</summary>
    public Task<IncidentSummaryDto[]> ListAsync(string? state, string? severity) =>
        ListAsync(state is null ? null : Parse<IncidentState>(state, "state"), severity is null ? null : Parse<IncidentSeverity>(severity, "severity"));

    /// <summary>The incidents the actor may see, newest first, filtered by state and severity when given.</summary>
    public async Task<IncidentSummaryDto[]> ListAsync(IncidentState? state, IncidentSeverity? severity)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => (state == null || i.State == state) && (severity == null || i.Severity == severity))
            .Select(i => new
            {
                i.Id, i.Number, i.Title, i.Severity, i.State, i.Severe, i.BecameAwareAt, i.ProductId, i.BusinessUnitId,
                Product = db.Products.Where(p => p.Id == i.ProductId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync();
        return [.. rows.OrderByDescending(i => i.BecameAwareAt).Select(i => new IncidentSummaryDto(i.Id, i.Number, i.Title, i.Severity.ToString(), i.State.ToString(),
            i.Severe, i.BecameAwareAt, i.ProductId, i.Product, i.BusinessUnitId))];
    }

    /// <summary>The incident as the API and the page show it, or null when the actor may not see it.</summary>
    public async Task<IncidentDto?> FindAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await LoadAsync(db, id, tracked: false) is { } incident ? await ViewAsync(db, incident, clock.GetUtcNow().UtcDateTime) : null;
    }

    /// <summary>The incident as the API shows it; <c>Incidents.NotFound</c> (404) when the actor may not see it.</summary>
    public async Task<IncidentDto> GetAsync(Guid id) => await FindAsync(id) ?? throw IncidentErrors.NotFound(id).Exception();

    /// <summary>The CRA clocks of an incident.</summary>
    public async Task<IncidentCraDto> CraAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var incident = await LoadAsync(db, id, tracked: false) ?? throw IncidentErrors.NotFound(id).Exception();
        var product = incident.ProductId is { } pid ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid) : null;
        return Cra(incident, product, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The content of one CRA report (EarlyWarning, Notification or FinalReport), assembled from the incident.</summary>
    public async Task<IncidentCraDraftDto> DraftAsync(Guid id, string kind)
    {
        var report = Parse<CraReportKind>(kind, "kind");
        await using var db = await contexts.CreateDbContextAsync();
        var incident = await LoadAsync(db, id, tracked: false) ?? throw IncidentErrors.NotFound(id).Exception();
        var product = await ProductAsync(db, incident);
        var caseNumber = incident.CaseId is { } cid ? await db.Cases.Where(c => c.Id == cid).Select(c => c.Number).SingleOrDefaultAsync() : null;
        return Draft(incident, product, caseNumber, report);
    }

    /// <summary>The notification matrix, worst severity first, then by group.</summary>
    public async Task<RuleDto[]> MatrixAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return [.. (await RulesAsync(db)).Select(r => new RuleDto(r.Severity.ToString(), r.Group.ToString(), r.TargetHours))];
    }

    /// <summary>The products the actor may open an incident on, by name.</summary>
    public async Task<ProductChoiceDto[]> ProductsAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new ProductChoiceDto(p.Id, p.Name)).ToArrayAsync();
    }

    /// <summary>An enum value of a request by its name; <c>Common.Required</c> or <c>Common.UnknownValue</c> on <paramref name="field"/> otherwise.</summary>
    public static T Parse<T>(string? text, string field) where T : struct, Enum =>
        EnumNames.TryParse<T>(text, out var value) ? value
        : throw (text is null ? CommonErrors.Required(field) : CommonErrors.UnknownValue(field, text, string.Join(", ", Enum.GetNames<T>()))).Exception();

    /// <summary>An incident with everything it holds, through the unit filter.</summary>
    public static Task<Incident?> LoadAsync(ShirubeDbContext db, Guid id, bool tracked = true)
    {
        var incidents = tracked ? db.Incidents : db.Incidents.AsNoTracking();
        return incidents.Include(i => i.Transitions).Include(i => i.Timeline).Include(i => i.Notifications).Include(i => i.Statements)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id);
    }

    /// <summary>The stored matrix, in severity and group order.</summary>
    public static async Task<List<NotificationRule>> RulesAsync(ShirubeDbContext db) =>
        [.. (await db.NotificationRules.AsNoTracking().ToListAsync()).OrderByDescending(r => r.Severity).ThenBy(r => r.Group)];

    /// <summary>The incident as the API and the page show it.</summary>
    public static async Task<IncidentDto> ViewAsync(ShirubeDbContext db, Incident i, DateTime now)
    {
        var product = await ProductAsync(db, i);
        var caseNumber = i.CaseId is { } cid ? await db.Cases.Where(c => c.Id == cid).Select(c => c.Number).SingleOrDefaultAsync() : null;
        var versions = VersionNames(i, product);
        var rules = await RulesAsync(db);
        return new IncidentDto(i.Id, i.Number, i.Title, i.Summary, i.UserAction, i.CaseId, caseNumber, i.ProductId, product?.Name, i.BusinessUnitId,
            [.. i.AffectedVersions], versions, i.DetectedAt, i.BecameAwareAt, i.Severity.ToString(), i.State.ToString(), IncidentWorkflow.NextOf(i.State)?.ToString(),
            i.Severe, i.OpenedBy, i.OpenedAt,
            [.. i.Transitions.OrderBy(t => t.At).Select(t => new TransitionDto(t.From?.ToString(), t.To.ToString(), t.By, t.At, t.Reason))],
            Timeline(i.Timeline),
            [.. i.Notifications.OrderBy(n => n.SentAt).Select(n => new NotificationDto(n.Id, n.Group.ToString(), n.Recipient, n.Channel.ToString(), n.SentAt, n.By, n.Note))],
            [.. NotificationMatrix.For(i, rules, now).Select(d => new NotificationDueDto(d.Group.ToString(), d.TargetHours, d.DueAt, d.NotifiedAt, d.Status.ToString()))],
            [.. IncidentWorkflow.Languages.Select(lang => Statement(i, lang, product?.Name, versions))],
            Cra(i, product, now));
    }

    private static async Task<Product?> ProductAsync(ShirubeDbContext db, Incident i) =>
        i.ProductId is { } pid ? await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == pid) : null;

    private static IncidentCraDto Cra(Incident i, Product? product, DateTime now)
    {
        var eu = CraViews.OnEuMarket(product);
        return new IncidentCraDto(CraClock.Applies(i, eu), eu, i.Severe, i.BecameAwareAt, CraViews.Deadlines(CraClock.For(i, eu, now), now));
    }

    private static string[] VersionNames(Incident i, Product? product) =>
        [.. (product?.Versions ?? []).Where(v => i.AffectedVersions.Contains(v.Id)).Select(v => v.Version)];

    private static TimelineDto[] Timeline(IEnumerable<TimelineEntry> entries) =>
        [.. entries.OrderBy(e => e.At).Select(e => new TimelineDto(e.Id, e.At, e.Kind.ToString(), e.Text, e.By))];

    private static StatementDto Statement(Incident i, string language, string? product, string[] versions)
    {
        var generated = StatementTemplate.Draft(language, i, product, versions);
        var saved = i.StatementIn(language);
        return saved is null
            ? new StatementDto(language, generated, false, nameof(StatementStatus.Draft), null, null, null, null, generated)
            : new StatementDto(language, saved.Text, true, saved.Status.ToString(), saved.EditedBy, saved.EditedAt, saved.ApprovedBy, saved.ApprovedAt, generated);
    }

    // The content of one CRA report, assembled from the incident: more detail with each report (Art. 14(4)).
    private static IncidentCraDraftDto Draft(Incident i, Product? product, string? caseNumber, CraReportKind kind) => new(
        kind.ToString(), i.Number, product?.Name, VersionNames(i, product), i.Title, i.Summary, i.Severity.ToString(), i.DetectedAt, i.BecameAwareAt, caseNumber,
        kind == CraReportKind.EarlyWarning ? null : i.UserAction,
        kind switch
        {
            CraReportKind.EarlyWarning => [],
            // The notification names what was done so far; the final report gives the whole timeline.
            CraReportKind.Notification => Timeline(i.Timeline.Where(e => e.Kind is TimelineKind.Action or TimelineKind.Analysis)),
            _ => Timeline(i.Timeline),
        },
        i.NotificationSentAt, i.State.ToString());
}
