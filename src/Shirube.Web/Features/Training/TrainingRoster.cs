using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Accounts;
using Shirube.Domain.Training;

namespace Shirube.Web.Features.Training;

/// <summary>Training as the API and the pages both use it: who manages, the holders of a role, everyone's standing.</summary>
internal static class TrainingRoster
{
    /// <summary>Manage courses and assignments, and record completions for others.</summary>
    public static readonly string[] Managers = [Roles.Administrator, Roles.PsirtManager];

    /// <summary>See everyone's assignments and completions.</summary>
    public static readonly string[] Readers = [Roles.Administrator, Roles.PsirtManager, Roles.Auditor];

    /// <summary>The users holding an application role now, with the name shown for them.</summary>
    public static async Task<List<(string UserId, string UserName)>> HoldersAsync(ShirubeDbContext db, string role)
    {
        var holders = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             join u in db.Users on ur.UserId equals u.Id
                             where r.Name == role
                             orderby u.UserName
                             select new { u.Id, u.UserName, u.DisplayName }).ToListAsync();
        return [.. holders.Select(h => (h.Id, Name(h.DisplayName, h.UserName)))];
    }

    /// <summary>The name shown for a user: the display name, else the user name.</summary>
    public static string Name(string? displayName, string? userName) => string.IsNullOrWhiteSpace(displayName) ? userName ?? "?" : displayName;

    /// <summary>Assigns a course to a role's holders or to one user.</summary>
    public static async Task<TrainingAssignment> AssignAsync(ShirubeDbContext db, Guid courseId, string? role, string? userId, DateOnly dueOn, string by, DateTime now)
    {
        if (!await db.TrainingCourses.AnyAsync(c => c.Id == courseId))
            throw new ArgumentException($"No course {courseId}.", nameof(courseId));
        TrainingAssignment assignment;
        if (!string.IsNullOrEmpty(role) == !string.IsNullOrEmpty(userId))
            throw new ArgumentException("Give either a role or a user.", nameof(role));
        if (!string.IsNullOrEmpty(role))
        {
            if (!Roles.IsKnown(role))
                throw new ArgumentException($"'{role}' is not a role of Shirube.", nameof(role));
            assignment = TrainingAssignment.ToRole(courseId, role, await HoldersAsync(db, role), dueOn, by, now);
        }
        else
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId)
                ?? throw new ArgumentException($"No user {userId}.", nameof(userId));
            assignment = TrainingAssignment.ToUser(courseId, user.Id, Name(user.DisplayName, user.UserName), dueOn, by, now);
        }
        db.TrainingAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment;
    }

    /// <summary>Adds the role's new holders to a role assignment; returns how many were added.</summary>
    public static async Task<int> RefreshAsync(ShirubeDbContext db, TrainingAssignment assignment, DateTime now)
    {
        if (assignment.Target != AssignmentTarget.Role || assignment.Role is null)
            return 0;
        var added = assignment.AddHolders(await HoldersAsync(db, assignment.Role), now);
        await db.SaveChangesAsync();
        return added;
    }

    /// <summary>Every assignee's standing today; only <paramref name="userId"/>'s when given.</summary>
    public static async Task<(IReadOnlyList<TrainingStatus> Status, Dictionary<Guid, TrainingCourse> Courses)> StatusAsync(ShirubeDbContext db, DateOnly today, string? userId = null)
    {
        var courses = await db.TrainingCourses.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var assignments = await db.TrainingAssignments.AsNoTracking().Include(a => a.Assignees).ToListAsync();
        var completions = await db.TrainingCompletions.AsNoTracking().Where(c => userId == null || c.UserId == userId).ToListAsync();
        var status = TrainingStatus.For(assignments, courses, completions, today);
        return ([.. status.Where(s => userId is null || s.UserId == userId).OrderBy(s => s.DueOn).ThenBy(s => s.UserName, StringComparer.Ordinal)], courses);
    }

    /// <summary>Records a completion for <paramref name="userId"/>.</summary>
    public static async Task<TrainingCompletion> RecordAsync(ShirubeDbContext db, Guid courseId, string userId, DateOnly completedOn, string? note, int? score, string by, DateTime now)
    {
        if (!await db.TrainingCourses.AnyAsync(c => c.Id == courseId))
            throw new ArgumentException($"No course {courseId}.", nameof(courseId));
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId) ?? throw new ArgumentException($"No user {userId}.", nameof(userId));
        var completion = TrainingCompletion.Record(courseId, user.Id, Name(user.DisplayName, user.UserName), completedOn, note, score, by, now);
        db.TrainingCompletions.Add(completion);
        await db.SaveChangesAsync();
        return completion;
    }
}
