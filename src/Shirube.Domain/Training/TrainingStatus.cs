namespace Shirube.Domain.Training;

/// <summary>Where one user stands on one assigned course.</summary>
public enum TrainingState
{
    /// <summary>Not done, due date not passed.</summary>
    Open,
    /// <summary>Done, and the completion is still valid.</summary>
    Done,
    /// <summary>Not done and the due date has passed.</summary>
    Overdue,
    /// <summary>Done once, but the completion's validity has run out.</summary>
    Expired,
}

/// <summary>One user's standing on one assignment.</summary>
/// <param name="AssignmentId">The assignment.</param>
/// <param name="CourseId">The course.</param>
/// <param name="UserId">The user.</param>
/// <param name="UserName">Their name.</param>
/// <param name="DueOn">The due date.</param>
/// <param name="CompletedOn">The latest completion, if any.</param>
/// <param name="ValidUntil">The last day that completion counts; null when it does not expire.</param>
/// <param name="State">Open, done, overdue or expired.</param>
public sealed record TrainingStatus(Guid AssignmentId, Guid CourseId, string UserId, string UserName, DateOnly DueOn, DateOnly? CompletedOn, DateOnly? ValidUntil, TrainingState State)
{
    /// <summary>True for what the overdue list shows: overdue or expired.</summary>
    public bool NeedsAction => State is TrainingState.Overdue or TrainingState.Expired;

    /// <summary>
    /// The state on <paramref name="today"/>: the latest completion counts while valid (whenever it was taken);
    /// without one, the assignment is overdue the day after its due date.
    /// </summary>
    public static TrainingState StateOn(DateOnly today, DateOnly dueOn, DateOnly? completedOn, DateOnly? validUntil) => completedOn switch
    {
        not null when validUntil is null || today <= validUntil => TrainingState.Done,
        not null => TrainingState.Expired,
        null when today > dueOn => TrainingState.Overdue,
        null => TrainingState.Open,
    };

    /// <summary>The standing of every assignee of <paramref name="assignments"/> on <paramref name="today"/>.</summary>
    public static IReadOnlyList<TrainingStatus> For(IEnumerable<TrainingAssignment> assignments, IReadOnlyDictionary<Guid, TrainingCourse> courses,
        IEnumerable<TrainingCompletion> completions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(courses);
        var latest = completions.GroupBy(c => (c.CourseId, c.UserId)).ToDictionary(g => g.Key, g => g.Max(c => c.CompletedOn));
        return [.. assignments.Where(a => courses.ContainsKey(a.CourseId)).SelectMany(a => a.Assignees.Select(u =>
        {
            var course = courses[a.CourseId];
            DateOnly? done = latest.TryGetValue((a.CourseId, u.UserId), out var d) ? d : null;
            var validUntil = done is { } day ? course.ValidUntil(day) : null;
            return new TrainingStatus(a.Id, a.CourseId, u.UserId, u.UserName, a.DueOn, done, validUntil, StateOn(today, a.DueOn, done, validUntil));
        }))];
    }
}
