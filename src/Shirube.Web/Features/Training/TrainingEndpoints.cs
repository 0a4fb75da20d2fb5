using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Psirt;
using Shirube.Domain.Training;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Training;

internal sealed record CourseRequest(string? TitleEn, string? TitleJa, string? Description, string? Audience, int? DurationMinutes, int? ValidityMonths, string? FirstServiceId);

internal sealed record CourseDto(Guid Id, string TitleEn, string TitleJa, string? Description, string? Audience, int? DurationMinutes, int? ValidityMonths, string? FirstServiceId);

internal sealed record AssignmentRequest(Guid? CourseId, string? Role, string? UserId, DateOnly? DueOn);

internal sealed record AssigneeDto(string UserId, string UserName, DateTime AddedAt);

internal sealed record AssignmentDto(Guid Id, Guid CourseId, string Target, string? Role, DateOnly DueOn, DateTime AssignedAt, string AssignedBy, AssigneeDto[] Assignees);

internal sealed record CompletionRequest(Guid? CourseId, string? UserId, DateOnly? CompletedOn, string? Note, int? Score);

internal sealed record CompletionDto(Guid Id, Guid CourseId, string UserId, string UserName, DateOnly CompletedOn, string? Note, int? Score, string RecordedBy, DateTime RecordedAt);

internal sealed record StatusDto(Guid AssignmentId, Guid CourseId, string Course, string UserId, string UserName, DateOnly DueOn, DateOnly? CompletedOn, DateOnly? ValidUntil, string State);

/// <summary>Training (FIRST service area 6): courses, assignments to roles or users, completion records, the overdue list.</summary>
internal static class TrainingEndpoints
{
    public static WebApplication MapTrainingEndpoints(this WebApplication app)
    {
        var training = app.MapGroup("/api/training").WithTags("Training").RequireAuthorization();
        training.MapGet("/courses", async (ShirubeDbContext db) =>
            TypedResults.Ok((await db.TrainingCourses.AsNoTracking().OrderBy(c => c.TitleEn).ToListAsync()).Select(Dto).ToArray()))
            .WithSummary("Every course.");
        training.MapPost("/courses", async Task<Results<Created<CourseDto>, ValidationProblem>> (CourseRequest request, ShirubeDbContext db, PsirtFramework framework) =>
        {
            if (Check(request, framework) is { } invalid)
                return invalid;
            try
            {
                var course = TrainingCourse.Create(request.TitleEn ?? "", request.TitleJa ?? "", request.Description, request.Audience,
                    request.DurationMinutes, request.ValidityMonths, request.FirstServiceId);
                db.TrainingCourses.Add(course);
                await db.SaveChangesAsync();
                return TypedResults.Created($"/api/training/courses/{course.Id}", Dto(course));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
        }).RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers))
          .WithSummary("Create a course: titles in English and Japanese, description, audience, duration in minutes, validity in months for recurring training, the FIRST service it serves (e.g. 6.1).");
        training.MapPut("/courses/{id:guid}", async Task<Results<Ok<CourseDto>, ValidationProblem, ProblemHttpResult>> (Guid id, CourseRequest request, ShirubeDbContext db, PsirtFramework framework) =>
        {
            if (Check(request, framework) is { } invalid)
                return invalid;
            if (await db.TrainingCourses.SingleOrDefaultAsync(c => c.Id == id) is not { } course)
                return Problems.NotFound($"No course {id}.");
            try
            {
                course.Update(request.TitleEn ?? "", request.TitleJa ?? "", request.Description, request.Audience, request.DurationMinutes, request.ValidityMonths, request.FirstServiceId);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(Dto(course));
        }).RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers)).WithSummary("Change a course.");

        training.MapGet("/assignments", async (ShirubeDbContext db) =>
            TypedResults.Ok((await db.TrainingAssignments.AsNoTracking().Include(a => a.Assignees).OrderBy(a => a.DueOn).ToListAsync()).Select(Dto).ToArray()))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers)).WithSummary("Every assignment with its assignees.");
        training.MapPost("/assignments", async Task<Results<Created<AssignmentDto>, ValidationProblem>> (AssignmentRequest request, ShirubeDbContext db, TimeProvider clock, HttpContext http) =>
        {
            if (request.CourseId is not { } courseId)
                return Problems.Invalid("courseId", "'courseId' is required.");
            if (request.DueOn is not { } due)
                return Problems.Invalid("dueOn", "'dueOn' is required.");
            try
            {
                var assignment = await TrainingRoster.AssignAsync(db, courseId, request.Role, request.UserId, due, http.User.Identity?.Name ?? "?", clock.GetUtcNow().UtcDateTime);
                return TypedResults.Created($"/api/training/assignments/{assignment.Id}", Dto(assignment));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
        }).RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers))
          .WithSummary("Assign a course to every holder of a role (Administrator, PsirtManager, PsirtAnalyst, ProductOwner, Auditor) or to one user, due on a date.");
        training.MapPost("/assignments/{id:guid}/refresh", async Task<Results<Ok<AssignmentDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, TimeProvider clock) =>
        {
            if (await db.TrainingAssignments.Include(a => a.Assignees).SingleOrDefaultAsync(a => a.Id == id) is not { } assignment)
                return Problems.NotFound($"No assignment {id}.");
            await TrainingRoster.RefreshAsync(db, assignment, clock.GetUtcNow().UtcDateTime);
            return TypedResults.Ok(Dto(assignment));
        }).RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers))
          .WithSummary("Add the users who received the role since the assignment was made (nobody is removed).");

        training.MapGet("/status", async (ShirubeDbContext db, TimeProvider clock, HttpContext http) => TypedResults.Ok(await StatusAsync(db, clock, http, null, overdueOnly: false)))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers)).WithSummary("Every assignee's standing: Open, Done, Overdue or Expired.");
        training.MapGet("/overdue", async (ShirubeDbContext db, TimeProvider clock, HttpContext http) => TypedResults.Ok(await StatusAsync(db, clock, http, null, overdueOnly: true)))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers))
            .WithSummary("Assignments past their due date and not completed, and completions whose validity has run out.");
        training.MapGet("/mine", async (ShirubeDbContext db, TimeProvider clock, HttpContext http) =>
            TypedResults.Ok(await StatusAsync(db, clock, http, http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-", overdueOnly: false)))
            .WithSummary("The caller's own assigned training and where they stand.");

        training.MapGet("/completions", async (ShirubeDbContext db) =>
            TypedResults.Ok((await db.TrainingCompletions.AsNoTracking().OrderByDescending(c => c.CompletedOn).ToListAsync()).Select(Dto).ToArray()))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers)).WithSummary("Every completion record.");
        training.MapPost("/completions", async Task<Results<Created<CompletionDto>, ValidationProblem, ProblemHttpResult>> (CompletionRequest request, ShirubeDbContext db, TimeProvider clock, HttpContext http) =>
        {
            var self = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var userId = string.IsNullOrEmpty(request.UserId) ? self : request.UserId;
            if (userId is null)
                return Problems.Invalid("userId", "'userId' is required.");
            if (userId != self && !TrainingRoster.Managers.Any(http.User.IsInRole))
                return Problems.Forbidden("Only managers record training for someone else; record your own without a userId.");
            if (request.CourseId is not { } courseId)
                return Problems.Invalid("courseId", "'courseId' is required.");
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                var completion = await TrainingRoster.RecordAsync(db, courseId, userId, request.CompletedOn ?? DateOnly.FromDateTime(now), request.Note, request.Score,
                    http.User.Identity?.Name ?? "?", now);
                return TypedResults.Created($"/api/training/completions/{completion.Id}", Dto(completion));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
        }).WithSummary("Record a completion: your own (no userId), or, for managers, anyone's.");
        return app;
    }

    private static async Task<StatusDto[]> StatusAsync(ShirubeDbContext db, TimeProvider clock, HttpContext http, string? userId, bool overdueOnly)
    {
        var (status, courses) = await TrainingRoster.StatusAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), userId);
        var language = http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? "en";
        return [.. status.Where(s => !overdueOnly || s.NeedsAction).Select(s => new StatusDto(s.AssignmentId, s.CourseId, courses[s.CourseId].Title(language),
            s.UserId, s.UserName, s.DueOn, s.CompletedOn, s.ValidUntil, s.State.ToString()))];
    }

    private static ValidationProblem? Check(CourseRequest request, PsirtFramework framework) =>
        !string.IsNullOrWhiteSpace(request.FirstServiceId) && framework.Service(request.FirstServiceId.Trim()) is null
            ? Problems.Invalid("firstServiceId", $"'{request.FirstServiceId}' is not a service of the FIRST PSIRT Services Framework {framework.Version} (1.1 … 6.5).")
            : null;

    private static CourseDto Dto(TrainingCourse c) => new(c.Id, c.TitleEn, c.TitleJa, c.Description, c.Audience, c.DurationMinutes, c.ValidityMonths, c.FirstServiceId);

    private static AssignmentDto Dto(TrainingAssignment a) => new(a.Id, a.CourseId, a.Target.ToString(), a.Role, a.DueOn, a.AssignedAt, a.AssignedBy,
        [.. a.Assignees.Select(u => new AssigneeDto(u.UserId, u.UserName, u.AddedAt))]);

    private static CompletionDto Dto(TrainingCompletion c) => new(c.Id, c.CourseId, c.UserId, c.UserName, c.CompletedOn, c.Note, c.Score, c.RecordedBy, c.RecordedAt);
}
