using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Incidents;

/// <summary>
/// Incident response (FIRST PSIRT Services Framework, incident handling): incidents, their timeline, the notification
/// matrix and notifications, public statements in Japanese and English, and the EU CRA Article 14 clocks of severe
/// incidents. PSIRT roles change; product owners and auditors read within their units. Refusals are domain errors:
/// 400 naming the field, 404 for an incident outside the caller's units, 409 for a refused step.
/// </summary>
internal static class IncidentEndpoints
{
    public static WebApplication MapIncidentEndpoints(this WebApplication app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization();
        incidents.MapGet("/", async (string? state, string? severity, IncidentViews views) => TypedResults.Ok(await views.ListAsync(state, severity)))
            .WithSummary("Incidents of the caller's business units (those without a product: PSIRT managers and administrators), newest first; state= and severity= filter.");

        incidents.MapPost("/", async (IncidentRequest request, IncidentCommands commands) =>
        {
            var incident = await commands.OpenAsync(request);
            return TypedResults.Created($"/api/incidents/{incident.Id}", incident);
        }).RequireAuthorization(AccountsSetup.PsirtPolicy)
          .WithSummary("Open an incident: {title, summary, severity (Low, Moderate, High, Critical), detectedAt, becameAwareAt, productId, affectedVersions, caseId, userAction}.");

        var one = incidents.MapGroup("/{id:guid}");
        one.MapGet("/", async (Guid id, IncidentViews views) => TypedResults.Ok(await views.GetAsync(id)))
            .WithSummary("An incident with its timeline, notification status against the matrix, notifications, statements and CRA clocks.");
        one.MapPut("/", async (Guid id, IncidentRequest request, IncidentCommands commands) => TypedResults.Ok(await commands.ChangeAsync(id, request)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Change the incident: title, summary, userAction, severity, times, product and versions, linked case. Fields left out keep their value.");
        one.MapPost("/transitions", async (Guid id, IncidentTransitionRequest request, IncidentCommands commands) =>
            TypedResults.Ok(await commands.MoveAsync(id, request.To, request.Reason)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Move the incident on: open → contained (needs an action in the timeline) → resolved → closed (needs a decision in the timeline).");
        one.MapPost("/timeline", async (Guid id, TimelineRequest request, IncidentCommands commands) => TypedResults.Ok(await commands.RecordAsync(id, request)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Add a timeline entry: {at, kind (Detection, Analysis, Action, Decision, Communication), text}.");
        one.MapPost("/notifications", async (Guid id, NotificationRequest request, IncidentCommands commands) => TypedResults.Ok(await commands.NotifyAsync(id, request)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Record a notification: {group, recipient, channel (Email, Phone, Meeting, Portal, Other), sentAt, note}.");
        one.MapPut("/statements/{language}", async (Guid id, string language, StatementRequest request, IncidentCommands commands) =>
            TypedResults.Ok(await commands.SaveStatementAsync(id, language, request.Text)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Save the public statement in ja or en: {text}. A changed text is a draft again.");
        one.MapPost("/statements/{language}/approve", async (Guid id, string language, IncidentCommands commands) =>
            TypedResults.Ok(await commands.ApproveStatementAsync(id, language)))
            .RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
            .WithSummary("Approve the saved statement in ja or en (PSIRT managers and administrators).");

        one.MapPut("/severe", async (Guid id, SevereRequest request, IncidentCommands commands) => TypedResults.Ok(await commands.MarkSevereAsync(id, request.Severe)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy)
            .WithSummary("Flag the incident as severe, having an impact on the security of the product (EU CRA Art. 14(3)): on a product placed on the EU market this starts the CRA clocks.");
        one.MapGet("/cra", async (Guid id, IncidentViews views) => TypedResults.Ok(await views.CraAsync(id)))
            .WithSummary("The CRA clocks of an incident: early warning (24 h), notification (72 h), final report (one month after the notification), with status and hours left.");
        one.MapGet("/cra/{kind}", async (Guid id, string kind, IncidentViews views) => TypedResults.Ok(await views.DraftAsync(id, kind)))
            .WithSummary("The content of one CRA report, assembled from the incident: product and versions, what happened, severity, measures, timeline.");
        one.MapPost("/cra/{kind}", async (Guid id, string kind, IncidentCommands commands) => TypedResults.Ok(await commands.RecordSentAsync(id, kind)))
            .RequireAuthorization(AccountsSetup.PsirtPolicy).WithSummary("Record that a CRA report about the incident was sent.");

        incidents.MapGet("/matrix", async (IncidentViews views) => TypedResults.Ok(await views.MatrixAsync()))
            .WithSummary("The notification matrix: which stakeholder group hears of an incident at which severity, within how many hours of becoming aware.");
        incidents.MapPut("/matrix", async (RuleDto[] rules, IncidentCommands commands) => TypedResults.Ok(await commands.ReplaceMatrixAsync(rules)))
            .RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
            .WithSummary("Replace the notification matrix: [{severity, group, targetHours}], one per severity and group (PSIRT managers and administrators).");
        return app;
    }
}
