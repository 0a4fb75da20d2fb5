using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Exploitation;
using Shirube.Domain.Cases;
using Shirube.Domain.Exploitation;
using Shirube.Domain.Scoring;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Cases;

internal sealed record ReportRequest(string? Title, string? Description, string? Product, string? ReporterEmail);

internal sealed record ReportCreated(Guid Id, string TrackingToken);

internal sealed record MessageDto(string From, string Text, DateTime At);

internal sealed record TrackDto(string Number, string Title, string State, DateTime ReceivedAt, MessageDto[] Messages);

internal sealed record MessageRequest(string? Text);

internal sealed record TransitionDto(string? From, string To, string By, DateTime At, string? Reason);

internal sealed record CommentDto(Guid Id, string Author, string Text, bool Shared, bool FromReporter, DateTime At);

internal sealed record CaseSummaryDto(Guid Id, string Number, string Title, string State, DateTime ReceivedAt, Guid? ProductId, Guid? BusinessUnitId);

internal sealed record CaseDto(Guid Id, string Number, string Title, string Description, string? ReportedProduct, string? ReporterEmail, string State,
    string[] Next, DateTime ReceivedAt, Guid? ProductId, Guid? BusinessUnitId, Guid[] AffectedVersions, string? Cwe, string? RootCause, string? CvssVector,
    decimal? CvssScore, string? CvssSeverity,
    string? RemediationPlan, DateOnly? PlannedRelease, DateOnly? EmbargoUntil, string? Credit, string? Resolution, TransitionDto[] Transitions, CommentDto[] Comments,
    string ResponseLevel, string[] ResponseReasons, SlaDto[] Sla, string? CveId, ExploitationDto Exploitation);

/// <summary>What is known of the case's exploitation: the PSIRT's flag, CISA KEV and FIRST EPSS (by the case's CVE id).</summary>
internal sealed record ExploitationDto(bool Flagged, DateOnly? KevDateAdded, bool? KevRansomware, decimal? Epss, decimal? EpssPercentile, DateOnly? EpssDate);

internal sealed record SlaDto(string Step, DateTime DueAt, DateTime? ReachedAt, string Status);

internal sealed record UpdateCaseRequest(Guid? ProductId, Guid[]? AffectedVersions, string? Cwe, string? RootCause, string? CvssVector,
    string? RemediationPlan, DateOnly? PlannedRelease, DateOnly? EmbargoUntil, string? Credit, string? CveId);

internal sealed record TransitionRequest(string? To, string? Reason);

internal sealed record CommentRequest(string? Text, bool Shared);

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
        reports.MapPost("/", async Task<Results<Created<ReportCreated>, ValidationProblem, ProblemHttpResult>> (HttpContext http, ShirubeDbContext db, CaseIntake intake) =>
        {
            if (http.Request.ContentLength > MaxReportBytes)
                return TypedResults.Problem($"A report has at most {MaxReportBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            if (!intake.TryAcquire(http))
                return TypedResults.Problem("Too many reports from your address; try again later.", statusCode: StatusCodes.Status429TooManyRequests);
            ReportRequest? request;
            try
            {
                request = await http.Request.ReadFromJsonAsync<ReportRequest>();
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return Problems.Invalid("body", "Send JSON: {\"title\",\"description\",\"product\",\"reporterEmail\"}.");
            }
            try
            {
                var (received, token) = await intake.ReceiveAsync(db, request?.Title, request?.Description, request?.Product, request?.ReporterEmail);
                return TypedResults.Created($"/api/reports/track/{token}", new ReportCreated(received.Id, token));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
        }).WithMetadata(new RequestSizeLimitAttribute(MaxReportBytes))
          .WithSummary("Report a vulnerability, no account needed: {\"title\",\"description\",\"product\",\"reporterEmail\"} → 201 {\"id\",\"trackingToken\"}. At most 64 KiB; rate-limited per address.");
        reports.MapGet("/track/{token}", async Task<Results<Ok<TrackDto>, ProblemHttpResult>> (string token, ShirubeDbContext db) =>
            await CaseIntake.TrackAsync(db, token) is { } c ? TypedResults.Ok(Track(c)) : Problems.NotFound("No report with that tracking token."))
            .WithSummary("The reporter's view of their report: its state and the messages shared with them, nothing else.");
        reports.MapPost("/track/{token}/messages", async Task<Results<Ok<TrackDto>, ValidationProblem, ProblemHttpResult>> (string token, MessageRequest request, ShirubeDbContext db, TimeProvider clock) =>
        {
            if (await CaseIntake.TrackAsync(db, token) is not { } c)
                return Problems.NotFound("No report with that tracking token.");
            try
            {
                c.Comment("reporter", request.Text ?? string.Empty, shared: true, fromReporter: true, clock.GetUtcNow().UtcDateTime);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid("text", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(Track(c));
        }).WithSummary("The reporter writes to the PSIRT about their report.");

        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        cases.MapGet("/", async (string? state, ShirubeDbContext db) =>
            TypedResults.Ok((await db.Cases.AsNoTracking().OrderByDescending(c => c.ReceivedAt).ToListAsync())
                .Where(c => state is null || string.Equals(c.State.ToString(), state, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CaseSummaryDto(c.Id, c.Number, c.Title, c.State.ToString(), c.ReceivedAt, c.ProductId, c.BusinessUnitId)).ToArray()))
            .WithSummary("Cases of the caller's business units (unassigned new reports: PSIRT managers and administrators), newest first; state= filters.");
        cases.MapGet("/{id:guid}", async Task<Results<Ok<CaseDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, ResponsePolicy policy, TimeProvider clock) =>
            await LoadAsync(db, id) is { } c ? TypedResults.Ok(await DtoAsync(db, c, policy, clock)) : NotFound(id))
            .WithSummary("A case with its transitions and comments.");
        cases.MapPut("/{id:guid}", async Task<Results<Ok<CaseDto>, ValidationProblem, ProblemHttpResult>> (Guid id, UpdateCaseRequest request, ShirubeDbContext db, ResponsePolicy policy, TimeProvider clock) =>
        {
            if (await LoadAsync(db, id) is not { } c)
                return NotFound(id);
            try
            {
                if (request.ProductId is { } productId)
                {
                    // The product is read through the unit filter: a case can only go to a product the caller may see.
                    var product = await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == productId);
                    if (product is null)
                        return Problems.Invalid("productId", $"No product {productId} in your business units.");
                    var versions = request.AffectedVersions ?? [.. c.AffectedVersions];
                    var unknown = versions.FirstOrDefault(v => product.Versions.All(pv => pv.Id != v));
                    if (unknown != Guid.Empty)
                        return Problems.Invalid("affectedVersions", $"{unknown} is not a version of {product.Name}.");
                    c.Assign(product.Id, product.BusinessUnitId, versions);
                }
                var vector = request.CvssVector ?? c.CvssVector;
                CvssVector? parsed = null;
                if (!string.IsNullOrWhiteSpace(vector) && !CvssVector.TryParse(vector.Trim(), out parsed, out var error))
                    return Problems.Invalid("cvssVector", error);
                if (request.CveId is not null)
                    c.Identify(request.CveId);
                // Stored normalized, as the scorer writes it.
                c.Analyse(request.Cwe ?? c.Cwe, request.RootCause ?? c.RootCause, parsed?.Score().Vector);
                c.Plan(request.RemediationPlan ?? c.RemediationPlan, request.PlannedRelease ?? c.PlannedRelease, request.EmbargoUntil ?? c.EmbargoUntil, request.Credit ?? c.Credit);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(await DtoAsync(db, c, policy, clock));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Triage and analysis: CVE id, product (and with it the handling unit), affected versions, CWE, root cause, CVSS vector, remediation plan, planned release, embargo, credit. Fields left out keep their value.");
        cases.MapPost("/{id:guid}/transitions", async Task<Results<Ok<CaseDto>, ValidationProblem, ProblemHttpResult>> (Guid id, TransitionRequest request, ShirubeDbContext db, ICurrentActor actor, TimeProvider clock, ResponsePolicy policy) =>
        {
            if (await LoadAsync(db, id) is not { } c)
                return NotFound(id);
            if (!EnumNames.TryParse<CaseState>(request.To, out var to))
                return Problems.Invalid("to", $"'{request.To}' is not a state; next: {string.Join(", ", CaseWorkflow.NextOf(c.State))}.");
            try
            {
                c.MoveTo(to, actor.UserName, clock.GetUtcNow().UtcDateTime, request.Reason);
            }
            catch (InvalidOperationException e)
            {
                return Problems.Conflict(e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(await DtoAsync(db, c, policy, clock));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Move the case to its next state (guarded: rejected and duplicate need a reason, analysis the product, remediation the affected versions and CWE, release the plan).");
        cases.MapPost("/{id:guid}/comments", async Task<Results<Ok<CaseDto>, ValidationProblem, ProblemHttpResult>> (Guid id, CommentRequest request, ShirubeDbContext db, ICurrentActor actor, TimeProvider clock, ResponsePolicy policy) =>
        {
            if (await LoadAsync(db, id) is not { } c)
                return NotFound(id);
            try
            {
                c.Comment(actor.UserName, request.Text ?? string.Empty, request.Shared, fromReporter: false, clock.GetUtcNow().UtcDateTime);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid("text", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(await DtoAsync(db, c, policy, clock));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Comment on the case: internal, or shared with the reporter (shared: true).");
        return app;
    }

    internal static Task<VulnerabilityCase?> LoadAsync(ShirubeDbContext db, Guid id) =>
        db.Cases.Include(c => c.Transitions).Include(c => c.Comments).SingleOrDefaultAsync(c => c.Id == id);

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No case {id} in your business units.");

    /// <summary>The case's CVSS score, from its stored (valid) vector.</summary>
    internal static CvssScore? Score(VulnerabilityCase c) => CvssVector.TryParse(c.CvssVector, out var v) ? v.Score() : null;

    internal static TrackDto Track(VulnerabilityCase c) => new(c.Number, c.Title, c.State.ToString(), c.ReceivedAt,
        [.. c.Comments.Where(m => m.Shared).OrderBy(m => m.At).Select(m => new MessageDto(m.FromReporter ? "reporter" : "psirt", m.Text, m.At))]);

    /// <summary>The case as the API shows it, with its response level (score, exploitation, the product's risk class) and SLA targets.</summary>
    internal static async Task<CaseDto> DtoAsync(ShirubeDbContext db, VulnerabilityCase c, ResponsePolicy policy, TimeProvider clock)
    {
        var riskClass = c.ProductId is { } pid ? await db.Products.Where(p => p.Id == pid).Select(p => p.RiskClass).SingleOrDefaultAsync() : null;
        var (decision, signals) = await DecideAsync(db, c, policy, riskClass);
        return ToDto(c, decision, ResponsePolicy.Sla(c, decision.Level, clock.GetUtcNow().UtcDateTime), Score(c), signals);
    }

    /// <summary>The case's response level from its score, what is known of its exploitation, and its product's risk class.</summary>
    internal static async Task<(ResponseDecision Decision, ExploitationSignals Signals)> DecideAsync(ShirubeDbContext db, VulnerabilityCase c, ResponsePolicy policy, int? riskClass)
    {
        var signals = await ExploitationStore.SignalsAsync(db, c.CveId, c.ExploitedSince is not null);
        return (policy.Decide(Score(c)?.Score, signals, riskClass), signals);
    }

    private static CaseDto ToDto(VulnerabilityCase c, ResponseDecision decision, IReadOnlyList<SlaTarget> sla, CvssScore? score, ExploitationSignals signals) => new(c.Id, c.Number, c.Title, c.Description, c.ReportedProduct, c.ReporterEmail, c.State.ToString(),
        [.. CaseWorkflow.NextOf(c.State).Select(s => s.ToString())], c.ReceivedAt, c.ProductId, c.BusinessUnitId, [.. c.AffectedVersions], c.Cwe, c.RootCause,
        c.CvssVector, score?.Score, score?.Severity.ToString(), c.RemediationPlan, c.PlannedRelease, c.EmbargoUntil, c.Credit, c.Resolution,
        [.. c.Transitions.OrderBy(t => t.At).Select(t => new TransitionDto(t.From?.ToString(), t.To.ToString(), t.By, t.At, t.Reason))],
        [.. c.Comments.OrderBy(m => m.At).Select(m => new CommentDto(m.Id, m.Author, m.Text, m.Shared, m.FromReporter, m.At))],
        decision.Level.Name, [.. decision.Reasons], [.. sla.Select(t => new SlaDto(t.Step, t.DueAt, t.ReachedAt, t.Status.ToString()))], c.CveId,
        new ExploitationDto(signals.KnownExploited, signals.Kev?.DateAdded, signals.Kev?.KnownRansomwareUse, signals.Epss?.Probability, signals.Epss?.Percentile, signals.Epss?.ScoreDate));
}
