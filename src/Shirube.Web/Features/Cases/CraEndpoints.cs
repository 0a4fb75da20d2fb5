using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Cases;

internal sealed record ExploitedRequest(bool Exploited);

internal sealed record DeadlineDto(string Kind, DateTime? DueAt, DateTime? SubmittedAt, string Status, double? HoursLeft, bool Provisional);

internal sealed record CraDto(bool Applies, bool EuMarket, DateTime? ExploitedSince, DeadlineDto[] Deadlines);

/// <summary>One CRA report due or overdue; <c>Subject</c> is "case" or "incident", <c>Href</c> the page it belongs to.</summary>
internal sealed record CraDueDto(string Subject, Guid Id, string Number, string Title, string? Product, string Kind, DateTime DueAt, string Status, double HoursLeft, bool Provisional)
{
    public string Href => Subject == "incident" ? $"/incidents/{Id}" : $"/cases/{Id}";
}

internal sealed record CraDraftDto(string Kind, string CaseNumber, string Product, string[] AffectedVersions, string Title, string Description,
    string? Cwe, string? CvssVector, decimal? CvssScore, DateTime? ExploitedSince, string? RemediationPlan, DateOnly? PlannedRelease, DateTime? CorrectiveMeasureAt);

/// <summary>EU CRA Article 14 reporting clocks on cases: flag, deadlines, report drafts assembled from the case, sent records.</summary>
internal static class CraEndpoints
{
    public static WebApplication MapCraEndpoints(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases/{id:guid}").WithTags("CRA").RequireAuthorization();
        cases.MapPut("/exploited", async Task<Results<Ok<CraDto>, ProblemHttpResult>> (Guid id, ExploitedRequest request, ShirubeDbContext db, TimeProvider clock) =>
        {
            if (await CaseEndpoints.LoadAsync(db, id) is not { } c)
                return NotFound(id);
            c.MarkExploited(request.Exploited, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return TypedResults.Ok(await CraAsync(db, c, clock));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Flag the vulnerability as actively exploited (or not): on a product placed on the EU market this starts the CRA Article 14 clocks.");
        cases.MapGet("/cra", async Task<Results<Ok<CraDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, TimeProvider clock) =>
            await CaseEndpoints.LoadAsync(db, id) is { } c ? TypedResults.Ok(await CraAsync(db, c, clock)) : NotFound(id))
            .WithSummary("The CRA clocks of a case: early warning (24 h), notification (72 h), final report (14 days after the fix), with status and hours left.");
        cases.MapGet("/cra/{kind}", async Task<Results<Ok<CraDraftDto>, ValidationProblem, ProblemHttpResult>> (Guid id, string kind, ShirubeDbContext db) =>
        {
            if (!EnumNames.TryParse<CraReportKind>(kind, out var k))
                return Problems.Invalid("kind", "Expected EarlyWarning, Notification or FinalReport.");
            if (await CaseEndpoints.LoadAsync(db, id) is not { } c)
                return NotFound(id);
            var product = c.ProductId is { } pid ? await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == pid) : null;
            return TypedResults.Ok(Draft(c, product, k));
        }).WithSummary("The content of one CRA report, assembled from the case: product and versions, the vulnerability, CWE and CVSS, exploitation, corrective measures.");
        cases.MapPost("/cra/{kind}", async Task<Results<Ok<CraDto>, ValidationProblem, ProblemHttpResult>> (Guid id, string kind, ShirubeDbContext db, TimeProvider clock) =>
        {
            if (!EnumNames.TryParse<CraReportKind>(kind, out var k))
                return Problems.Invalid("kind", "Expected EarlyWarning, Notification or FinalReport.");
            if (await CaseEndpoints.LoadAsync(db, id) is not { } c)
                return NotFound(id);
            try
            {
                c.RecordSent(k, clock.GetUtcNow().UtcDateTime);
            }
            catch (InvalidOperationException e)
            {
                return Problems.Conflict(e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(await CraAsync(db, c, clock));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Record that a CRA report was sent.");

        app.MapGet("/api/cra/deadlines", async (ShirubeDbContext db, TimeProvider clock) =>
            TypedResults.Ok(await CraViews.DueAsync(db, clock.GetUtcNow().UtcDateTime)))
            .RequireAuthorization().WithTags("CRA")
            .WithSummary("Every CRA report due or overdue on the cases and incidents the caller may see, soonest deadline first.");
        return app;
    }

    private static async Task<CraDto> CraAsync(ShirubeDbContext db, VulnerabilityCase c, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var product = c.ProductId is { } pid ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid) : null;
        var eu = CraViews.OnEuMarket(product);
        return new CraDto(CraClock.Applies(c, eu), eu, c.ExploitedSince, CraViews.Deadlines(CraClock.For(c, eu, now), now));
    }

    private static CraDraftDto Draft(VulnerabilityCase c, Product? product, CraReportKind kind) => new(
        kind.ToString(), c.Number, product?.Name ?? c.ReportedProduct ?? "?",
        [.. (product?.Versions ?? []).Where(v => c.AffectedVersions.Contains(v.Id)).Select(v => v.Version)],
        c.Title, c.Description, c.Cwe, c.CvssVector, CaseEndpoints.Score(c)?.Score, c.ExploitedSince,
        kind == CraReportKind.EarlyWarning ? null : c.RemediationPlan, c.PlannedRelease, c.ReachedAt(CaseState.Release));

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No case {id} in your business units.");
}
