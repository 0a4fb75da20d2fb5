using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;
using Shirube.Domain.Incidents;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Cases;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Incidents;

internal sealed record IncidentRequest(string? Title, string? Summary, string? UserAction, string? Severity, DateTime? DetectedAt, DateTime? BecameAwareAt,
    Guid? ProductId, Guid[]? AffectedVersions, Guid? CaseId);

internal sealed record IncidentSummaryDto(Guid Id, string Number, string Title, string Severity, string State, bool Severe, DateTime BecameAwareAt,
    Guid? ProductId, string? Product, Guid? BusinessUnitId);

internal sealed record TimelineDto(Guid Id, DateTime At, string Kind, string Text, string By);

internal sealed record NotificationDto(Guid Id, string Group, string Recipient, string Channel, DateTime SentAt, string By, string? Note);

internal sealed record NotificationDueDto(string Group, int TargetHours, DateTime DueAt, DateTime? NotifiedAt, string Status);

internal sealed record StatementDto(string Language, string Text, bool Saved, string Status, string? EditedBy, DateTime? EditedAt, string? ApprovedBy, DateTime? ApprovedAt, string Generated);

internal sealed record IncidentCraDto(bool Applies, bool EuMarket, bool Severe, DateTime BecameAwareAt, DeadlineDto[] Deadlines);

internal sealed record IncidentDto(Guid Id, string Number, string Title, string Summary, string? UserAction, Guid? CaseId, string? CaseNumber,
    Guid? ProductId, string? Product, Guid? BusinessUnitId, Guid[] AffectedVersions, string[] AffectedVersionNames, DateTime DetectedAt, DateTime BecameAwareAt,
    string Severity, string State, string? Next, bool Severe, string OpenedBy, DateTime OpenedAt, TransitionDto[] Transitions, TimelineDto[] Timeline,
    NotificationDto[] Notifications, NotificationDueDto[] Matrix, StatementDto[] Statements, IncidentCraDto Cra);

internal sealed record IncidentCraDraftDto(string Kind, string Number, string? Product, string[] AffectedVersions, string Title, string Summary, string Severity,
    DateTime DetectedAt, DateTime BecameAwareAt, string? CaseNumber, string? MeasuresForUsers, TimelineDto[] Timeline, DateTime? NotificationSentAt, string State);

internal sealed record RuleDto(string Severity, string Group, int TargetHours);

/// <summary>
/// What the incident API and pages share: loading (through the unit filter), checked changes, and the view of an
/// incident with its matrix status, statements and CRA clocks. A change returns the field it failed on and why.
/// </summary>
internal static class IncidentModel
{
    public static Task<Incident?> LoadAsync(ShirubeDbContext db, Guid id) =>
        db.Incidents.Include(i => i.Transitions).Include(i => i.Timeline).Include(i => i.Notifications).Include(i => i.Statements)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id);

    /// <summary>Opens an incident, or says which field is wrong.</summary>
    public static async Task<(Incident? Incident, string? Field, string? Error)> OpenAsync(ShirubeDbContext db, IncidentRequest request, DateTime now)
    {
        if (!EnumNames.TryParse<IncidentSeverity>(request.Severity, out var severity))
            return (null, "severity", $"'{request.Severity}' is not a severity; expected {string.Join(", ", Enum.GetNames<IncidentSeverity>())}.");
        var year = now.Year.ToString(CultureInfo.InvariantCulture);
        // Numbers run per year over every incident, whoever may see them.
        var count = await db.Incidents.IgnoreQueryFilters().CountAsync(i => i.Number.StartsWith($"INC-{year}-"));
        Incident incident;
        try
        {
            incident = Incident.Open($"INC-{year}-{count + 1:000}", request.Title ?? string.Empty, request.Summary ?? string.Empty, severity,
                request.DetectedAt ?? request.BecameAwareAt ?? now, request.BecameAwareAt ?? now, db.Actor.UserName, now);
        }
        catch (ArgumentException e)
        {
            return (null, e.ParamName ?? "body", e.Message);
        }
        var (field, error) = await ChangeAsync(db, incident, request with { Severity = null }, now);
        if (error is not null)
            return (null, field, error);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return (incident, null, null);
    }

    /// <summary>Changes what the request names (fields left out keep their value), or says which field is wrong; saves nothing.</summary>
    public static async Task<(string? Field, string? Error)> ChangeAsync(ShirubeDbContext db, Incident incident, IncidentRequest request, DateTime now)
    {
        var severity = incident.Severity;
        if (request.Severity is not null && !EnumNames.TryParse(request.Severity, out severity))
            return ("severity", $"'{request.Severity}' is not a severity; expected {string.Join(", ", Enum.GetNames<IncidentSeverity>())}.");
        VulnerabilityCase? linked = null;
        if (request.CaseId is { } caseId)
        {
            // Read through the unit filter: only a case the caller may see can be linked.
            linked = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId);
            if (linked is null)
                return ("caseId", $"No case {caseId} in your business units.");
        }
        var productId = request.ProductId ?? (incident.ProductId is null ? linked?.ProductId : null);
        try
        {
            incident.Describe(request.Title ?? incident.Title, request.Summary ?? incident.Summary, request.UserAction ?? incident.UserAction, severity,
                request.DetectedAt ?? incident.DetectedAt, request.BecameAwareAt ?? incident.BecameAwareAt, now);
            if (linked is not null)
                incident.Link(linked.Id);
            if (productId is { } pid)
            {
                var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == pid);
                if (product is null)
                    return ("productId", $"No product {pid} in your business units.");
                var versions = request.AffectedVersions ?? (request.ProductId is null && linked is not null ? [.. linked.AffectedVersions] : [.. incident.AffectedVersions]);
                var unknown = versions.FirstOrDefault(v => product.Versions.All(pv => pv.Id != v));
                if (unknown != Guid.Empty)
                    return ("affectedVersions", $"{unknown} is not a version of {product.Name}.");
                incident.Assign(product.Id, product.BusinessUnitId, versions);
            }
        }
        catch (ArgumentException e)
        {
            return (e.ParamName ?? "body", e.Message);
        }
        // Without a product the incident belongs to no unit: only those who see every unit could find it again.
        if (incident.ProductId is null && !db.Actor.Scope.SeesAllUnits)
            return ("productId", "Choose a product of your business units: an incident without one is visible only to those who see every unit.");
        return (null, null);
    }

    /// <summary>The stored matrix, in severity and group order.</summary>
    public static async Task<List<NotificationRule>> MatrixAsync(ShirubeDbContext db) =>
        [.. (await db.NotificationRules.AsNoTracking().ToListAsync()).OrderByDescending(r => r.Severity).ThenBy(r => r.Group)];

    /// <summary>Replaces the matrix with <paramref name="rules"/> (one per severity and group), or says which rule is wrong; saves nothing.</summary>
    public static async Task<(string? Field, string? Error)> ReplaceMatrixAsync(ShirubeDbContext db, IReadOnlyList<RuleDto> rules)
    {
        var wanted = new Dictionary<(IncidentSeverity, StakeholderGroup), int>();
        for (var n = 0; n < rules.Count; n++)
        {
            var r = rules[n];
            if (!EnumNames.TryParse<IncidentSeverity>(r.Severity, out var severity))
                return ($"rules[{n}].severity", $"'{r.Severity}' is not a severity.");
            if (!EnumNames.TryParse<StakeholderGroup>(r.Group, out var group))
                return ($"rules[{n}].group", $"'{r.Group}' is not a stakeholder group; expected {string.Join(", ", Enum.GetNames<StakeholderGroup>())}.");
            if (r.TargetHours is < 1 or > NotificationRule.MaxTargetHours)
                return ($"rules[{n}].targetHours", $"A target is 1 to {NotificationRule.MaxTargetHours} hours.");
            if (!wanted.TryAdd((severity, group), r.TargetHours))
                return ($"rules[{n}]", $"{severity} / {group} is given twice.");
        }
        var stored = await db.NotificationRules.ToListAsync();
        foreach (var rule in stored)
        {
            if (wanted.Remove((rule.Severity, rule.Group), out var hours))
            {
                if (rule.TargetHours != hours)
                    rule.Retarget(hours);
            }
            else
            {
                db.NotificationRules.Remove(rule);
            }
        }
        db.NotificationRules.AddRange(wanted.Select(w => NotificationRule.Create(w.Key.Item1, w.Key.Item2, w.Value)));
        return (null, null);
    }

    /// <summary>The incident as the API and the page show it.</summary>
    public static async Task<IncidentDto> ViewAsync(ShirubeDbContext db, Incident i, DateTime now)
    {
        var product = i.ProductId is { } pid ? await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == pid) : null;
        var caseNumber = i.CaseId is { } cid ? await db.Cases.Where(c => c.Id == cid).Select(c => c.Number).SingleOrDefaultAsync() : null;
        var versions = VersionNames(i, product);
        var rules = await MatrixAsync(db);
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

    public static IncidentCraDto Cra(Incident i, Product? product, DateTime now)
    {
        var eu = CraViews.OnEuMarket(product);
        return new IncidentCraDto(CraClock.Applies(i, eu), eu, i.Severe, i.BecameAwareAt, CraViews.Deadlines(CraClock.For(i, eu, now), now));
    }

    public static string[] VersionNames(Incident i, Product? product) =>
        [.. (product?.Versions ?? []).Where(v => i.AffectedVersions.Contains(v.Id)).Select(v => v.Version)];

    public static TimelineDto[] Timeline(IEnumerable<TimelineEntry> entries) =>
        [.. entries.OrderBy(e => e.At).Select(e => new TimelineDto(e.Id, e.At, e.Kind.ToString(), e.Text, e.By))];

    private static StatementDto Statement(Incident i, string language, string? product, string[] versions)
    {
        var generated = StatementTemplate.Draft(language, i, product, versions);
        var saved = i.StatementIn(language);
        return saved is null
            ? new StatementDto(language, generated, false, nameof(StatementStatus.Draft), null, null, null, null, generated)
            : new StatementDto(language, saved.Text, true, saved.Status.ToString(), saved.EditedBy, saved.EditedAt, saved.ApprovedBy, saved.ApprovedAt, generated);
    }

    /// <summary>The content of one CRA report, assembled from the incident: more detail with each report (Art. 14(4)).</summary>
    public static IncidentCraDraftDto Draft(Incident i, Product? product, string? caseNumber, CraReportKind kind) => new(
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
