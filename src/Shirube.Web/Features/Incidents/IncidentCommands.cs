using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Cases;
using Shirube.Domain.Incidents;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Incidents;

/// <summary>
/// Changes to incidents and the notification matrix, shared by the API and the pages. PSIRT roles change incidents;
/// PSIRT managers and administrators approve statements and edit the matrix. Every change loads the incident through
/// the unit filter (<c>Incidents.NotFound</c> otherwise), applies the domain change, saves and answers with the incident.
/// </summary>
internal sealed class IncidentCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock)
{
    /// <summary>At most this many rules in one matrix.</summary>
    public const int MaxRules = 100;

    /// <summary>Opens an incident, numbered INC-year-nnn.</summary>
    public async Task<IncidentDto> OpenAsync(IncidentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.Psirt);
        var severity = IncidentViews.Parse<IncidentSeverity>(request.Severity, "severity");
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync();
        var year = now.Year.ToString(CultureInfo.InvariantCulture);
        // Numbers run per year over every incident, whoever may see them.
        var count = await db.Incidents.IgnoreQueryFilters().CountAsync(i => i.Number.StartsWith($"INC-{year}-"));
        var incident = Incident.Open($"INC-{year}-{count + 1:000}", request.Title ?? string.Empty, request.Summary ?? string.Empty, severity,
            request.DetectedAt ?? request.BecameAwareAt ?? now, request.BecameAwareAt ?? now, actor.UserName, now);
        await DescribeAsync(db, incident, request with { Severity = null }, now);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return await IncidentViews.ViewAsync(db, incident, now);
    }

    /// <summary>Changes title, summary, advice, severity, times, product and versions, linked case; fields left out keep their value.</summary>
    public Task<IncidentDto> ChangeAsync(Guid id, IncidentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(id, (db, i, now) => DescribeAsync(db, i, request, now));
    }

    /// <summary>Moves the incident to the state named <paramref name="to"/>.</summary>
    public Task<IncidentDto> MoveAsync(Guid id, string? to, string? reason) => ChangeAsync(id, (_, i, now) =>
    {
        i.MoveTo(IncidentViews.Parse<IncidentState>(to, "to"), actor.UserName, now, reason);
        return Task.CompletedTask;
    });

    /// <summary>Adds a timeline entry (at now when no time is given).</summary>
    public Task<IncidentDto> RecordAsync(Guid id, TimelineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(id, (_, i, now) =>
        {
            i.Record(request.At ?? now, IncidentViews.Parse<TimelineKind>(request.Kind, "kind"), request.Text ?? string.Empty, actor.UserName, now);
            return Task.CompletedTask;
        });
    }

    /// <summary>Records a notification to a stakeholder group (sent now when no time is given).</summary>
    public Task<IncidentDto> NotifyAsync(Guid id, NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(id, (_, i, now) =>
        {
            var group = IncidentViews.Parse<StakeholderGroup>(request.Group, "group");
            var channel = IncidentViews.Parse<NotificationChannel>(request.Channel, "channel");
            i.Notify(group, request.Recipient ?? string.Empty, channel, request.SentAt ?? now, actor.UserName, request.Note, now);
            return Task.CompletedTask;
        });
    }

    /// <summary>Saves the public statement in ja or en; a changed text is a draft again.</summary>
    public Task<IncidentDto> SaveStatementAsync(Guid id, string language, string? text) => ChangeAsync(id, (_, i, now) =>
    {
        i.SaveStatement(language, text ?? string.Empty, actor.UserName, now);
        return Task.CompletedTask;
    });

    /// <summary>Approves the saved statement in ja or en (PSIRT managers and administrators).</summary>
    public Task<IncidentDto> ApproveStatementAsync(Guid id, string language)
    {
        actor.Require(Roles.SeeAllUnits);
        return ChangeAsync(id, (_, i, now) =>
        {
            i.ApproveStatement(language, actor.UserName, now);
            return Task.CompletedTask;
        });
    }

    /// <summary>Flags (or clears) the incident as severe (EU CRA Art. 14(3)).</summary>
    public Task<IncidentDto> MarkSevereAsync(Guid id, bool severe) => ChangeAsync(id, (_, i, _) =>
    {
        i.MarkSevere(severe);
        return Task.CompletedTask;
    });

    /// <summary>Records that the CRA report named <paramref name="kind"/> was sent now.</summary>
    public Task<IncidentDto> RecordSentAsync(Guid id, string kind) => ChangeAsync(id, (_, i, now) =>
    {
        i.RecordSent(IncidentViews.Parse<CraReportKind>(kind, "kind"), now);
        return Task.CompletedTask;
    });

    /// <summary>Replaces the notification matrix with <paramref name="rules"/>, one per severity and group; answers with the stored matrix.</summary>
    public async Task<RuleDto[]> ReplaceMatrixAsync(IReadOnlyList<RuleDto> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        actor.Require(Roles.SeeAllUnits);
        if (rules.Count > MaxRules)
            throw IncidentErrors.TooManyRules(MaxRules).Exception();
        var wanted = new Dictionary<(IncidentSeverity, StakeholderGroup), NotificationRule>();
        for (var n = 0; n < rules.Count; n++)
        {
            var r = rules[n];
            var field = $"rules[{n}]";
            var severity = IncidentViews.Parse<IncidentSeverity>(r.Severity, $"{field}.severity");
            var group = IncidentViews.Parse<StakeholderGroup>(r.Group, $"{field}.group");
            Guard.That(r.TargetHours is >= 1 and <= NotificationRule.MaxTargetHours, () => CommonErrors.OutOfRange($"{field}.targetHours", 1, NotificationRule.MaxTargetHours));
            if (!wanted.TryAdd((severity, group), NotificationRule.Create(severity, group, r.TargetHours)))
                throw IncidentErrors.RuleGivenTwice(field, severity, group).Exception();
        }
        await using var db = await contexts.CreateDbContextAsync();
        foreach (var stored in await db.NotificationRules.ToListAsync())
        {
            if (wanted.Remove((stored.Severity, stored.Group), out var rule))
            {
                if (stored.TargetHours != rule.TargetHours)
                    stored.Retarget(rule.TargetHours);
            }
            else
            {
                db.NotificationRules.Remove(stored);
            }
        }
        db.NotificationRules.AddRange(wanted.Values);
        await db.SaveChangesAsync();
        return [.. (await IncidentViews.RulesAsync(db)).Select(r => new RuleDto(r.Severity.ToString(), r.Group.ToString(), r.TargetHours))];
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // Every change: PSIRT roles only; load through the unit filter (404), apply (400 naming the field, 409 for a refused step), save, answer with the incident.
    private async Task<IncidentDto> ChangeAsync(Guid id, Func<ShirubeDbContext, Incident, DateTime, Task> change)
    {
        actor.Require(Roles.Psirt);
        await using var db = await contexts.CreateDbContextAsync();
        var incident = await IncidentViews.LoadAsync(db, id) ?? throw IncidentErrors.NotFound(id).Exception();
        var now = Now;
        await change(db, incident, now);
        await db.SaveChangesAsync();
        return await IncidentViews.ViewAsync(db, incident, now);
    }

    // Changes what the request names (fields left out keep their value); saves nothing.
    private async Task DescribeAsync(ShirubeDbContext db, Incident incident, IncidentRequest request, DateTime now)
    {
        var severity = request.Severity is null ? incident.Severity : IncidentViews.Parse<IncidentSeverity>(request.Severity, "severity");
        VulnerabilityCase? linked = null;
        if (request.CaseId is { } caseId)
        {
            // Read through the unit filter: only a case the caller may see can be linked.
            linked = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId)
                ?? throw IncidentErrors.CaseNotVisible(caseId).Exception();
        }
        var productId = request.ProductId ?? (incident.ProductId is null ? linked?.ProductId : null);
        incident.Describe(request.Title ?? incident.Title, request.Summary ?? incident.Summary, request.UserAction ?? incident.UserAction, severity,
            request.DetectedAt ?? incident.DetectedAt, request.BecameAwareAt ?? incident.BecameAwareAt, now);
        if (linked is not null)
            incident.Link(linked.Id);
        if (productId is { } pid)
        {
            var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == pid)
                ?? throw IncidentErrors.ProductNotVisible(pid).Exception();
            var versions = request.AffectedVersions ?? (request.ProductId is null && linked is not null ? [.. linked.AffectedVersions] : [.. incident.AffectedVersions]);
            var unknown = versions.FirstOrDefault(v => product.Versions.All(pv => pv.Id != v));
            if (unknown != Guid.Empty)
                throw IncidentErrors.NotAVersionOf(unknown, product.Name).Exception();
            incident.Assign(product.Id, product.BusinessUnitId, versions);
        }
        // Without a product the incident belongs to no unit: only those who see every unit could find it again.
        if (incident.ProductId is null && !actor.Scope.SeesAllUnits)
            throw IncidentErrors.ProductNeeded().Exception();
    }
}
