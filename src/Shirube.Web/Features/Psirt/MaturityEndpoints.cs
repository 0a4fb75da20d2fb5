using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Data;
using Shirube.Domain.Psirt;
using Shirube.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Shirube.Web.Features.Psirt;

internal sealed record StartAssessmentRequest(string? Title, DateOnly? AssessedOn, string? AssessedBy);

internal sealed record AnswerRequest(string? Practice, string? OwnerDepartment, string? Evidence, string? Level);

internal sealed record AreaScoreDto(string AreaId, decimal? Score, int Counted, int InPlace, int Partial, int NotAssessed, decimal? Before, string Trend);

internal sealed record AnswerDto(string ServiceId, string AreaId, string Practice, string? OwnerDepartment, string? Evidence, string? Level, string? Before, string Trend);

internal sealed record AssessmentSummaryDto(Guid Id, string Title, DateOnly AssessedOn, string AssessedBy, DateTime? CompletedAt, decimal? Overall, AreaScoreDto[] Areas);

internal sealed record AssessmentDto(Guid Id, string Title, DateOnly AssessedOn, string AssessedBy, Guid? PreviousId, DateTime CreatedAt, string CreatedBy,
    DateTime? CompletedAt, string? CompletedBy, decimal? Overall, decimal? PreviousOverall, AreaScoreDto[] Areas, AnswerDto[] Answers);

/// <summary>The FIRST PSIRT Services Framework and the company's maturity self-assessments against it.</summary>
internal static class MaturityEndpoints
{
    public static WebApplication MapMaturityEndpoints(this WebApplication app)
    {
        var psirt = app.MapGroup("/api/psirt").WithTags("PSIRT maturity").RequireAuthorization();
        psirt.MapGet("/framework", (PsirtFramework framework) => TypedResults.Ok(new { framework.Version, framework.Levels, framework.Areas }))
            .WithSummary("The FIRST PSIRT Services Framework 1.1: service areas, services, functions and maturity levels; 'verify' marks names not confirmed against FIRST's text.");

        var maturity = psirt.MapGroup("/maturity");
        maturity.MapGet("/", async (ShirubeDbContext db, PsirtFramework framework) =>
        {
            var all = await db.MaturityAssessments.AsNoTracking().Include(a => a.Answers).OrderByDescending(a => a.CreatedAt).ToListAsync();
            return TypedResults.Ok(all.Select(a => new AssessmentSummaryDto(a.Id, a.Title, a.AssessedOn, a.AssessedBy, a.CompletedAt, MaturityScore.Overall(a),
                Areas(framework, a, null))).ToArray());
        }).WithSummary("Every maturity assessment, newest first, with its overall score and the score per service area.");

        maturity.MapPost("/", async Task<Results<Created<AssessmentDto>, ValidationProblem, ProblemHttpResult>> (StartAssessmentRequest request, ShirubeDbContext db,
            PsirtFramework framework, TimeProvider clock, HttpContext http) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                var started = await MaturityAssessments.StartAsync(db, framework, request.Title, request.AssessedOn ?? DateOnly.FromDateTime(now),
                    request.AssessedBy ?? http.User.Identity?.Name, http.User.Identity?.Name ?? "?", now);
                return TypedResults.Created($"/api/psirt/maturity/{started.Id}", await ViewAsync(db, framework, started));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            catch (InvalidOperationException e)
            {
                return Problems.Conflict(e.Message);
            }
        }).RequireAuthorization(p => p.RequireRole(MaturityAssessments.Leads))
          .WithSummary("Start an assessment: a copy of the latest completed one (a re-assessment), or empty for the first. One draft at a time.");

        maturity.MapGet("/{id:guid}", async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, PsirtFramework framework) =>
            await MaturityAssessments.LoadAsync(db, id) is { } a ? TypedResults.Ok(await ViewAsync(db, framework, a)) : NotFound(id))
            .WithSummary("One assessment: answers per service, scores per area and overall, and progress against the assessment it was copied from.");

        maturity.MapPut("/{id:guid}/answers/{serviceId}", async Task<Results<Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult>> (Guid id, string serviceId,
            AnswerRequest request, ShirubeDbContext db, PsirtFramework framework) =>
        {
            if (!EnumNames.TryParse<ServicePractice>(request.Practice, out var practice))
                return Problems.Invalid("practice", "Expected NotAssessed, InPlace, Partial, NotInPlace or NotApplicable.");
            MaturityLevel? level = null;
            if (!string.IsNullOrEmpty(request.Level))
            {
                if (!EnumNames.TryParse<MaturityLevel>(request.Level, out var l))
                    return Problems.Invalid("level", "Expected Basic, Intermediate or Advanced (or nothing).");
                level = l;
            }
            if (await MaturityAssessments.LoadAsync(db, id, tracking: true) is not { } a)
                return NotFound(id);
            if (framework.Service(serviceId) is null)
                return Problems.NotFound($"No service {serviceId} in the FIRST PSIRT Services Framework {framework.Version}.");
            try
            {
                a.Answer(serviceId, practice, request.OwnerDepartment, request.Evidence, level);
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
            return TypedResults.Ok(await ViewAsync(db, framework, a));
        }).RequireAuthorization(p => p.RequireRole(MaturityAssessments.Editors))
          .WithSummary("Answer one service of a draft: practice (InPlace, Partial, NotInPlace, NotApplicable), owner department, evidence, believed maturity level. A completed assessment gives 409.");

        maturity.MapPost("/{id:guid}/complete", async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, PsirtFramework framework,
            TimeProvider clock, HttpContext http) =>
        {
            if (await MaturityAssessments.LoadAsync(db, id, tracking: true) is not { } a)
                return NotFound(id);
            try
            {
                a.Complete(http.User.Identity?.Name ?? "?", clock.GetUtcNow().UtcDateTime);
            }
            catch (InvalidOperationException e)
            {
                return Problems.Conflict(e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(await ViewAsync(db, framework, a));
        }).RequireAuthorization(p => p.RequireRole(MaturityAssessments.Leads))
          .WithSummary("Complete an assessment: it is frozen from then on, and the next one starts from a copy of it.");
        return app;
    }

    private static async Task<AssessmentDto> ViewAsync(ShirubeDbContext db, PsirtFramework framework, MaturityAssessment a)
    {
        var previous = await MaturityAssessments.PreviousAsync(db, a);
        var services = MaturityScore.Services(a, previous).ToDictionary(p => p.ServiceId);
        return new AssessmentDto(a.Id, a.Title, a.AssessedOn, a.AssessedBy, a.PreviousId, a.CreatedAt, a.CreatedBy, a.CompletedAt, a.CompletedBy,
            MaturityScore.Overall(a), previous is null ? null : MaturityScore.Overall(previous), Areas(framework, a, previous),
            [.. framework.Services.Select(s => (Service: s, Answer: a.Answers.FirstOrDefault(x => x.ServiceId == s.Id))).Where(x => x.Answer is not null)
                .Select(x => new AnswerDto(x.Service.Id, x.Service.AreaId, x.Answer!.Practice.ToString(), x.Answer.OwnerDepartment, x.Answer.Evidence,
                    x.Answer.Level?.ToString(), services[x.Service.Id].Before?.ToString(), services[x.Service.Id].Trend.ToString()))]);
    }

    private static AreaScoreDto[] Areas(PsirtFramework framework, MaturityAssessment a, MaturityAssessment? previous)
    {
        var progress = MaturityScore.Areas(framework, a, previous);
        return [.. MaturityScore.ByArea(framework, a).Zip(progress, (s, p) => new AreaScoreDto(s.AreaId, s.Score, s.Counted, s.InPlace, s.Partial, s.NotAssessed,
            p.Before, p.Trend.ToString()))];
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No maturity assessment {id}.");
}
