using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Training;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Training;

internal sealed record CourseDto(Guid Id, string TitleEn, string TitleJa, string? Description, string? Audience, int? DurationMinutes, int? ValidityMonths, string? FirstServiceId)
{
    public static CourseDto From(TrainingCourse c) => new(c.Id, c.TitleEn, c.TitleJa, c.Description, c.Audience, c.DurationMinutes, c.ValidityMonths, c.FirstServiceId);

    /// <summary>The title in a language: Japanese for "ja…", English otherwise.</summary>
    public string Title(string language) => language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? TitleJa : TitleEn;
}

internal sealed record AssigneeDto(string UserId, string UserName, DateTime AddedAt);

internal sealed record AssignmentDto(Guid Id, Guid CourseId, string Target, string? Role, DateOnly DueOn, DateTime AssignedAt, string AssignedBy, AssigneeDto[] Assignees)
{
    public static AssignmentDto From(TrainingAssignment a) => new(a.Id, a.CourseId, a.Target.ToString(), a.Role, a.DueOn, a.AssignedAt, a.AssignedBy,
        [.. a.Assignees.Select(u => new AssigneeDto(u.UserId, u.UserName, u.AddedAt))]);
}

internal sealed record CompletionDto(Guid Id, Guid CourseId, string UserId, string UserName, DateOnly CompletedOn, string? Note, int? Score, string RecordedBy, DateTime RecordedAt)
{
    public static CompletionDto From(TrainingCompletion c) => new(c.Id, c.CourseId, c.UserId, c.UserName, c.CompletedOn, c.Note, c.Score, c.RecordedBy, c.RecordedAt);
}

/// <summary>Where one assignee stands with one assignment: Open, Done, Overdue or Expired (public: the status table component shows it).</summary>
/// <param name="AssignmentId">The assignment.</param>
/// <param name="CourseId">The course.</param>
/// <param name="Course">The course's title in the UI language.</param>
/// <param name="UserId">The assignee.</param>
/// <param name="UserName">The name shown for the assignee.</param>
/// <param name="DueOn">The due date.</param>
/// <param name="CompletedOn">The last completion, if any.</param>
/// <param name="ValidUntil">The last day the completion counts, for recurring courses.</param>
/// <param name="State">Open, Done, Overdue or Expired.</param>
public sealed record StatusDto(Guid AssignmentId, Guid CourseId, string Course, string UserId, string UserName, DateOnly DueOn, DateOnly? CompletedOn, DateOnly? ValidUntil, string State);

/// <summary>A user to assign a course to.</summary>
internal sealed record UserChoiceDto(string Id, string Name);

/// <summary>Reads of training, shared by the API and the training pages: courses, assignments, completions and everyone's standing today.</summary>
internal sealed class TrainingViews(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Every course, by English title.</summary>
    public async Task<CourseDto[]> CoursesAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return [.. (await db.TrainingCourses.AsNoTracking().OrderBy(c => c.TitleEn).ToListAsync()).Select(CourseDto.From)];
    }

    /// <summary>Every assignment with its assignees, soonest due first.</summary>
    public async Task<AssignmentDto[]> AssignmentsAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return [.. (await db.TrainingAssignments.AsNoTracking().Include(a => a.Assignees).OrderBy(a => a.DueOn).ToListAsync()).Select(AssignmentDto.From)];
    }

    /// <summary>Every completion record, latest first.</summary>
    public async Task<CompletionDto[]> CompletionsAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return [.. (await db.TrainingCompletions.AsNoTracking().OrderByDescending(c => c.CompletedOn).ToListAsync()).Select(CompletionDto.From)];
    }

    /// <summary>Every assignee's standing today (only those who must act when <paramref name="needsAction"/>), course titles in the UI language.</summary>
    public Task<StatusDto[]> StatusAsync(bool needsAction = false) => StatusAsync(null, needsAction);

    /// <summary>The actor's own assigned training and where they stand.</summary>
    public Task<StatusDto[]> MineAsync() => StatusAsync(actor.UserId ?? "-", needsAction: false);

    /// <summary>The users, by user name, with the name shown for them.</summary>
    public async Task<UserChoiceDto[]> UsersAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return [.. (await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync())
            .Select(u => new UserChoiceDto(u.Id, TrainingRoster.Name(u.DisplayName, u.UserName)))];
    }

    private async Task<StatusDto[]> StatusAsync(string? userId, bool needsAction)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var courses = await db.TrainingCourses.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var assignments = await db.TrainingAssignments.AsNoTracking().Include(a => a.Assignees).ToListAsync();
        var completions = await db.TrainingCompletions.AsNoTracking().Where(c => userId == null || c.UserId == userId).ToListAsync();
        var language = CultureInfo.CurrentUICulture.Name;
        return [.. TrainingStatus.For(assignments, courses, completions, today)
            .Where(s => (userId is null || s.UserId == userId) && (!needsAction || s.NeedsAction))
            .OrderBy(s => s.DueOn).ThenBy(s => s.UserName, StringComparer.Ordinal)
            .Select(s => new StatusDto(s.AssignmentId, s.CourseId, courses[s.CourseId].Title(language), s.UserId, s.UserName, s.DueOn, s.CompletedOn, s.ValidUntil, s.State.ToString()))];
    }
}
