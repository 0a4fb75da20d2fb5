using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Psirt;
using Shirube.Domain.Training;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Training;

internal sealed record CourseRequest(string? TitleEn, string? TitleJa, string? Description, string? Audience, int? DurationMinutes, int? ValidityMonths, string? FirstServiceId);

internal sealed record AssignmentRequest(Guid? CourseId, string? Role, string? UserId, DateOnly? DueOn);

internal sealed record CompletionRequest(Guid? CourseId, string? UserId, DateOnly? CompletedOn, string? Note, int? Score);

/// <summary>
/// Changes to training, shared by the API and the training pages: managers keep courses and assignments and record
/// training for anyone; everyone records their own.
/// </summary>
internal sealed class TrainingCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock, PsirtFramework framework)
{
    /// <summary>Creates a course.</summary>
    public async Task<CourseDto> CreateCourseAsync(CourseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(TrainingRoster.Managers);
        CheckService(request.FirstServiceId);
        var course = TrainingCourse.Create(request.TitleEn ?? "", request.TitleJa ?? "", request.Description, request.Audience,
            request.DurationMinutes, request.ValidityMonths, request.FirstServiceId);
        await using var db = await contexts.CreateDbContextAsync();
        db.TrainingCourses.Add(course);
        await db.SaveChangesAsync();
        return CourseDto.From(course);
    }

    /// <summary>Changes a course; refused (404) when there is none.</summary>
    public async Task<CourseDto> UpdateCourseAsync(Guid id, CourseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(TrainingRoster.Managers);
        CheckService(request.FirstServiceId);
        await using var db = await contexts.CreateDbContextAsync();
        var course = await db.TrainingCourses.SingleOrDefaultAsync(c => c.Id == id) ?? throw TrainingErrors.CourseNotFound(id).Exception();
        course.Update(request.TitleEn ?? "", request.TitleJa ?? "", request.Description, request.Audience, request.DurationMinutes, request.ValidityMonths, request.FirstServiceId);
        await db.SaveChangesAsync();
        return CourseDto.From(course);
    }

    /// <summary>Assigns a course to every holder of a role or to one user (exactly one of them), due on a date.</summary>
    public async Task<AssignmentDto> AssignAsync(AssignmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(TrainingRoster.Managers);
        var courseId = request.CourseId ?? throw CommonErrors.Required("courseId").Exception();
        var dueOn = request.DueOn ?? throw CommonErrors.Required("dueOn").Exception();
        await using var db = await contexts.CreateDbContextAsync();
        Guard.That(await db.TrainingCourses.AnyAsync(c => c.Id == courseId), () => TrainingErrors.UnknownCourse(courseId));
        var (role, userId) = (request.Role, request.UserId);
        Guard.That(string.IsNullOrEmpty(role) != string.IsNullOrEmpty(userId), TrainingErrors.RoleOrUser);
        var now = clock.GetUtcNow().UtcDateTime;
        TrainingAssignment assignment;
        if (!string.IsNullOrEmpty(role))
        {
            Guard.That(Domain.Accounts.Roles.IsKnown(role), () => TrainingErrors.UnknownRole(role));
            assignment = TrainingAssignment.ToRole(courseId, role, await HoldersAsync(db, role), dueOn, actor.UserName, now);
        }
        else
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId) ?? throw TrainingErrors.UnknownUser(userId!).Exception();
            assignment = TrainingAssignment.ToUser(courseId, user.Id, TrainingRoster.Name(user.DisplayName, user.UserName), dueOn, actor.UserName, now);
        }
        db.TrainingAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return AssignmentDto.From(assignment);
    }

    /// <summary>Adds the users who received the role since the assignment was made (nobody is removed); refused (404) when there is no such assignment.</summary>
    public async Task<AssignmentDto> RefreshAsync(Guid id)
    {
        actor.Require(TrainingRoster.Managers);
        await using var db = await contexts.CreateDbContextAsync();
        var assignment = await db.TrainingAssignments.Include(a => a.Assignees).SingleOrDefaultAsync(a => a.Id == id)
            ?? throw TrainingErrors.AssignmentNotFound(id).Exception();
        if (assignment.Target == AssignmentTarget.Role && assignment.Role is { } role)
        {
            assignment.AddHolders(await HoldersAsync(db, role), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        return AssignmentDto.From(assignment);
    }

    /// <summary>Records a completion: the actor's own (no user), or, for managers, anyone's; on today unless given.</summary>
    public async Task<CompletionDto> RecordAsync(CompletionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var self = actor.UserId;
        var userId = string.IsNullOrEmpty(request.UserId) ? self : request.UserId;
        if (userId is null)
            throw CommonErrors.Required("userId").Exception();
        if (userId != self)
            Guard.That(TrainingRoster.Managers.Any(actor.User.IsInRole), TrainingErrors.RecordForOthers);
        var courseId = request.CourseId ?? throw CommonErrors.Required("courseId").Exception();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync();
        Guard.That(await db.TrainingCourses.AnyAsync(c => c.Id == courseId), () => TrainingErrors.UnknownCourse(courseId));
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId) ?? throw TrainingErrors.UnknownUser(userId).Exception();
        var completion = TrainingCompletion.Record(courseId, user.Id, TrainingRoster.Name(user.DisplayName, user.UserName), request.CompletedOn ?? DateOnly.FromDateTime(now),
            request.Note, request.Score, actor.UserName, now);
        db.TrainingCompletions.Add(completion);
        await db.SaveChangesAsync();
        return CompletionDto.From(completion);
    }

    private void CheckService(string? serviceId)
    {
        if (!string.IsNullOrWhiteSpace(serviceId))
            Guard.That(framework.Service(serviceId.Trim()) is not null, () => TrainingErrors.NotAFirstService(serviceId, framework.Version));
    }

    /// <summary>The users holding an application role now, with the name shown for them.</summary>
    private static async Task<List<(string UserId, string UserName)>> HoldersAsync(ShirubeDbContext db, string role)
    {
        var holders = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             join u in db.Users on ur.UserId equals u.Id
                             where r.Name == role
                             orderby u.UserName
                             select new { u.Id, u.UserName, u.DisplayName }).ToListAsync();
        return [.. holders.Select(h => (h.Id, TrainingRoster.Name(h.DisplayName, h.UserName)))];
    }
}
