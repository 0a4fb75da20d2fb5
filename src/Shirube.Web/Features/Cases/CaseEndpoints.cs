using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shirube.Domain.Cases;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Cases;

/// <summary>Vulnerability intake (anonymous, rate-limited), the reporter's tracking link, security.txt, and ISO/IEC 30111 cases.</summary>
internal static class CaseEndpoints
{
    /// <summary>The largest report body accepted.</summary>
    public const long MaxReportBytes = 64 * 1024;

    public static WebApplication MapCaseEndpoints(this WebApplication app)
    {
        app.MapGet("/.well-known/security.txt", (HttpContext http, IConfiguration config, TimeProvider clock) =>
            TypedResults.Text(SecurityTxt.Build(config, new Uri($"{http.Request.Scheme}://{http.Request.Host}"), clock.GetUtcNow()), "text/plain; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();

        var reports = app.MapGroup("/api/reports").WithTags("Intake").AllowAnonymous();
        reports.MapPost("/", async Task<Results<Created<ReportCreated>, ProblemHttpResult>> (HttpContext http, CaseIntake intake, CaseCommands commands) =>
        {
            if (http.Request.ContentLength > MaxReportBytes)
                return TypedResults.Problem($"A report has at most {MaxReportBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            if (!intake.TryAcquire(http))
                return TypedResults.Problem("Too many reports from your address; try again later.", statusCode: StatusCodes.Status429TooManyRequests);
            var request = await ReadReportAsync(http);
            var created = await commands.ReportAsync(request?.Title, request?.Description, request?.Product, request?.ReporterEmail);
            return TypedResults.Created($"/api/reports/track/{created.TrackingToken}", created);
        }).WithMetadata(new RequestSizeLimitAttribute(MaxReportBytes))
          .WithSummary("Report a vulnerability, no account needed: {\"title\",\"description\",\"product\",\"reporterEmail\"} → 201 {\"id\",\"trackingToken\"}. At most 64 KiB; rate-limited per address.");
        reports.MapGet("/track/{token}", async (string token, CaseViews views) =>
            TypedResults.Ok(await views.TrackAsync(token) ?? throw CaseErrors.TrackingNotFound().Exception()))
            .WithSummary("The reporter's view of their report: its state and the messages shared with them, nothing else.");
        reports.MapPost("/track/{token}/messages", async (string token, MessageRequest request, CaseCommands commands) =>
            TypedResults.Ok(await commands.ReplyAsync(token, request.Text)))
            .WithSummary("The reporter writes to the PSIRT about their report.");

        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        cases.MapGet("/", async (string? state, CaseViews views) => TypedResults.Ok(await views.ListAsync(state)))
            .WithSummary("Cases of the caller's business units (unassigned new reports: PSIRT managers and administrators), newest first; state= filters.");
        cases.MapGet("/{id:guid}", async (Guid id, CaseViews views) => TypedResults.Ok(await views.GetAsync(id)))
            .WithSummary("A case with its transitions and comments.");
        cases.MapPut("/{id:guid}", async (Guid id, UpdateCaseRequest request, CaseCommands commands, CaseViews views) =>
        {
            await commands.UpdateAsync(id, request);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Triage and analysis: CVE id, product (and with it the handling unit), affected versions, CWE, root cause, CVSS vector, remediation plan, planned release, embargo, credit. Fields left out keep their value; fixedVersions names the versions that fix it (the advisory's vendor fixes).");
        cases.MapPost("/{id:guid}/transitions", async (Guid id, TransitionRequest request, CaseCommands commands, CaseViews views) =>
        {
            await commands.MoveAsync(id, request.To, request.Reason);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Move the case to its next state (guarded: rejected and duplicate need a reason, analysis the product, remediation the affected versions and CWE, release the plan).");
        cases.MapPost("/{id:guid}/comments", async (Guid id, CommentRequest request, CaseCommands commands, CaseViews views) =>
        {
            await commands.CommentAsync(id, request.Text, request.Shared);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Comment on the case: internal, or shared with the reporter (shared: true).");
        return app;
    }

    // A body that is not the report's JSON is refused naming the body (Cases.ReportNotJson).
    private static async Task<ReportRequest?> ReadReportAsync(HttpContext http)
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<ReportRequest>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw CaseErrors.ReportNotJson().Exception();
        }
    }
}
