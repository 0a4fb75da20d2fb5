using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;
using Shirube.Domain.Incidents;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Incidents;

internal sealed record IncidentTransitionRequest(string? To, string? Reason);

internal sealed record TimelineRequest(DateTime? At, string? Kind, string? Text);

internal sealed record NotificationRequest(string? Group, string? Recipient, string? Channel, DateTime? SentAt, string? Note);

internal sealed record StatementRequest(string? Text);

internal sealed record SevereRequest(bool Severe);

/// <summary>
/// Incident response (FIRST PSIRT Services Framework, incident handling): incidents, their timeline, the notification
/// matrix and notifications, public statements in Japanese and English, and the EU CRA Article 14 clocks of severe
/// incidents. PSIRT roles change; product owners and auditors read within their units.
/// </summary>
internal static class IncidentEndpoints
{
    public static WebApplication MapIncidentEndpoints(this WebApplication app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization();
        incidents.MapGet("/", async Task<Results<Ok<IncidentSummaryDto[]>, ValidationProblem>> (string? state, string? severity, ShirubeDbContext db) =>
        {
            var s = default(IncidentState);
            var v = default(IncidentSeverity);
            if (state is not null && !EnumNames.TryParse(state, out s))
                return Problems.Invalid("state", $"'{state}' is not a state.");
            if (severity is not null && !EnumNames.TryParse(severity, out v))
                return Problems.Invalid("severity", $"'{severity}' is not a severity.");
            return TypedResults.Ok(await ListAsync(db, state is null ? null : s, severity is null ? null : v));
        }).WithSummary("Incidents of the caller's business units (those without a product: PSIRT managers and administrators), newest first; state= and severity= filter.");

        incidents.MapPost("/", async Task<Results<Created<IncidentDto>, ValidationProblem>> (IncidentRequest request, ShirubeDbContext db, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var (incident, field, error) = await IncidentModel.OpenAsync(db, request, now);
            return incident is null ? Problems.Invalid(field!, error!) : TypedResults.Created($"/api/incidents/{incident.Id}", await IncidentModel.ViewAsync(db, incident, now));
        }).RequireAuthorization(AccountsSetup.PsirtPolicy)
          .WithSummary("Open an incident: {title, summary, severity (Low, Moderate, High, Critical), detectedAt, becameAwareAt, productId, affectedVersions, caseId, userAction}.");

        var one = incidents.MapGroup("/{id:guid}");
        one.MapGet("/", async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, TimeProvider clock) =>
            await IncidentModel.LoadAsync(db, id) is { } i ? TypedResults.Ok(await IncidentModel.ViewAsync(db, i, clock.GetUtcNow().UtcDateTime)) : NotFound(id))
            .WithSummary("An incident with its timeline, notification status against the matrix, notifications, statements and CRA clocks.");
        one.MapPut("/", (Guid id, IncidentRequest request, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, async i => await IncidentModel.ChangeAsync(db, i, request, clock.GetUtcNow().UtcDateTime)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Change the incident: title, summary, userAction, severity, times, product and versions, linked case. Fields left out keep their value.");
        one.MapPost("/transitions", (Guid id, IncidentTransitionRequest request, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, i =>
            {
                if (!EnumNames.TryParse<IncidentState>(request.To, out var to))
                    return Task.FromResult<(string?, string?)>(("to", $"'{request.To}' is not a state; next: {IncidentWorkflow.NextOf(i.State)?.ToString() ?? "none"}."));
                i.MoveTo(to, db.Actor.UserName, clock.GetUtcNow().UtcDateTime, request.Reason);
                return Task.FromResult<(string?, string?)>((null, null));
            }))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Move the incident on: open → contained (needs an action in the timeline) → resolved → closed (needs a decision in the timeline).");
        one.MapPost("/timeline", (Guid id, TimelineRequest request, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, i =>
            {
                if (!EnumNames.TryParse<TimelineKind>(request.Kind, out var kind))
                    return Task.FromResult<(string?, string?)>(("kind", $"'{request.Kind}' is not a kind; expected {string.Join(", ", Enum.GetNames<TimelineKind>())}."));
                var now = clock.GetUtcNow().UtcDateTime;
                i.Record(request.At ?? now, kind, request.Text ?? string.Empty, db.Actor.UserName, now);
                return Task.FromResult<(string?, string?)>((null, null));
            }))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Add a timeline entry: {at, kind (Detection, Analysis, Action, Decision, Communication), text}.");
        one.MapPost("/notifications", (Guid id, NotificationRequest request, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, i =>
            {
                if (!EnumNames.TryParse<StakeholderGroup>(request.Group, out var group))
                    return Task.FromResult<(string?, string?)>(("group", $"'{request.Group}' is not a stakeholder group; expected {string.Join(", ", Enum.GetNames<StakeholderGroup>())}."));
                if (!EnumNames.TryParse<NotificationChannel>(request.Channel, out var channel))
                    return Task.FromResult<(string?, string?)>(("channel", $"'{request.Channel}' is not a channel; expected {string.Join(", ", Enum.GetNames<NotificationChannel>())}."));
                var now = clock.GetUtcNow().UtcDateTime;
                i.Notify(group, request.Recipient ?? string.Empty, channel, request.SentAt ?? now, db.Actor.UserName, request.Note, now);
                return Task.FromResult<(string?, string?)>((null, null));
            }))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Record a notification: {group, recipient, channel (Email, Phone, Meeting, Portal, Other), sentAt, note}.");
        one.MapPut("/statements/{language}", (Guid id, string language, StatementRequest request, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, i =>
            {
                i.SaveStatement(language, request.Text ?? string.Empty, db.Actor.UserName, clock.GetUtcNow().UtcDateTime);
                return Task.FromResult<(string?, string?)>((null, null));
            }))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Save the public statement in ja or en: {text}. A changed text is a draft again.");
        one.MapPost("/statements/{language}/approve", (Guid id, string language, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, i =>
            {
                i.ApproveStatement(language, db.Actor.UserName, clock.GetUtcNow().UtcDateTime);
                return Task.FromResult<(string?, string?)>((null, null));
            }))
            .RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
            .WithSummary("Approve the saved statement in ja or en (PSIRT managers and administrators).");

        one.MapPut("/severe", (Guid id, SevereRequest request, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, i =>
            {
                i.MarkSevere(request.Severe);
                return Task.FromResult<(string?, string?)>((null, null));
            }))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Flag the incident as severe, having an impact on the security of the product (EU CRA Art. 14(3)): on a product placed on the EU market this starts the CRA clocks.");
        one.MapGet("/cra", async Task<Results<Ok<IncidentCraDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, TimeProvider clock) =>
        {
            if (await IncidentModel.LoadAsync(db, id) is not { } i)
                return NotFound(id);
            var product = i.ProductId is { } pid ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid) : null;
            return TypedResults.Ok(IncidentModel.Cra(i, product, clock.GetUtcNow().UtcDateTime));
        }).WithSummary("The CRA clocks of an incident: early warning (24 h), notification (72 h), final report (one month after the notification), with status and hours left.");
        one.MapGet("/cra/{kind}", async Task<Results<Ok<IncidentCraDraftDto>, ValidationProblem, ProblemHttpResult>> (Guid id, string kind, ShirubeDbContext db) =>
        {
            if (!EnumNames.TryParse<CraReportKind>(kind, out var k))
                return Problems.Invalid("kind", "Expected EarlyWarning, Notification or FinalReport.");
            if (await IncidentModel.LoadAsync(db, id) is not { } i)
                return NotFound(id);
            var product = i.ProductId is { } pid ? await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == pid) : null;
            var caseNumber = i.CaseId is { } cid ? await db.Cases.Where(c => c.Id == cid).Select(c => c.Number).SingleOrDefaultAsync() : null;
            return TypedResults.Ok(IncidentModel.Draft(i, product, caseNumber, k));
        }).WithSummary("The content of one CRA report, assembled from the incident: product and versions, what happened, severity, measures, timeline.");
        one.MapPost("/cra/{kind}", (Guid id, string kind, ShirubeDbContext db, TimeProvider clock) =>
            ChangeAsync(db, id, clock, i =>
            {
                if (!EnumNames.TryParse<CraReportKind>(kind, out var k))
                    return Task.FromResult<(string?, string?)>(("kind", "Expected EarlyWarning, Notification or FinalReport."));
                i.RecordSent(k, clock.GetUtcNow().UtcDateTime);
                return Task.FromResult<(string?, string?)>((null, null));
            }))
            .RequireAuthorization(AccountsSetup.PsirtPolicy).WithSummary("Record that a CRA report about the incident was sent.");

        incidents.MapGet("/matrix", async (ShirubeDbContext db) =>
            TypedResults.Ok((await IncidentModel.MatrixAsync(db)).Select(r => new RuleDto(r.Severity.ToString(), r.Group.ToString(), r.TargetHours)).ToArray()))
            .WithSummary("The notification matrix: which stakeholder group hears of an incident at which severity, within how many hours of becoming aware.");
        incidents.MapPut("/matrix", async Task<Results<Ok<RuleDto[]>, ValidationProblem>> (RuleDto[] rules, ShirubeDbContext db) =>
        {
            if (rules.Length > 100)
                return Problems.Invalid("rules", "At most 100 rules.");
            var (field, error) = await IncidentModel.ReplaceMatrixAsync(db, rules);
            if (error is not null)
                return Problems.Invalid(field!, error);
            await db.SaveChangesAsync();
            return TypedResults.Ok((await IncidentModel.MatrixAsync(db)).Select(r => new RuleDto(r.Severity.ToString(), r.Group.ToString(), r.TargetHours)).ToArray());
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
          .WithSummary("Replace the notification matrix: [{severity, group, targetHours}], one per severity and group (PSIRT managers and administrators).");
        return app;
    }

    internal static async Task<IncidentSummaryDto[]> ListAsync(ShirubeDbContext db, IncidentState? state, IncidentSeverity? severity)
    {
        var list = await db.Incidents.AsNoTracking().Where(i => (state == null || i.State == state) && (severity == null || i.Severity == severity)).ToListAsync();
        var ids = list.Select(i => i.ProductId).OfType<Guid>().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
        return [.. list.OrderByDescending(i => i.BecameAwareAt).Select(i => new IncidentSummaryDto(i.Id, i.Number, i.Title, i.Severity.ToString(), i.State.ToString(),
            i.Severe, i.BecameAwareAt, i.ProductId, i.ProductId is { } pid ? products.GetValueOrDefault(pid) : null, i.BusinessUnitId))];
    }

    // Every change: load through the unit filter (404), apply (400 naming the field, 409 for a refused step), save, answer with the incident.
    private static async Task<Results<Ok<IncidentDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(ShirubeDbContext db, Guid id, TimeProvider clock,
        Func<Incident, Task<(string? Field, string? Error)>> change)
    {
        if (await IncidentModel.LoadAsync(db, id) is not { } i)
            return NotFound(id);
        try
        {
            var (field, error) = await change(i);
            if (error is not null)
                return Problems.Invalid(field!, error);
        }
        catch (ArgumentException e)
        {
            return Problems.Invalid(e.ParamName ?? "body", e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Problems.Conflict(e.Message);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(await IncidentModel.ViewAsync(db, i, clock.GetUtcNow().UtcDateTime));
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No incident {id} in your business units.");
}
