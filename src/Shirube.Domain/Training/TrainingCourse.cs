using Shirube.Domain.Accounts;

namespace Shirube.Domain.Training;

/// <summary>A training course (FIRST service area 6), recurring when it has a validity.</summary>
public sealed class TrainingCourse
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 200;
    /// <summary>Longest description.</summary>
    public const int MaxDescription = 4000;
    /// <summary>Longest audience text.</summary>
    public const int MaxAudience = 200;
    /// <summary>Longest duration, in minutes.</summary>
    public const int MaxDuration = 10_000;
    /// <summary>Longest validity, in months.</summary>
    public const int MaxValidity = 120;

    private TrainingCourse()
    {
        TitleEn = TitleJa = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>Title in English.</summary>
    public string TitleEn { get; private set; }
    /// <summary>Title in Japanese.</summary>
    public string TitleJa { get; private set; }
    /// <summary>What the course teaches.</summary>
    public string? Description { get; private set; }
    /// <summary>Who it is for, e.g. "developers".</summary>
    public string? Audience { get; private set; }
    /// <summary>Length in minutes.</summary>
    public int? DurationMinutes { get; private set; }
    /// <summary>Months a completion stays valid; null for a course taken once.</summary>
    public int? ValidityMonths { get; private set; }
    /// <summary>The FIRST PSIRT service it serves, e.g. "6.1".</summary>
    public string? FirstServiceId { get; private set; }
    /// <summary>True for the example portfolio's courses, which <c>demo remove</c> deletes with their assignments.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>A new course.</summary>
    public static TrainingCourse Create(string titleEn, string titleJa, string? description, string? audience, int? durationMinutes, int? validityMonths, string? firstServiceId,
        bool isDemo = false)
    {
        var course = new TrainingCourse { Id = Guid.CreateVersion7(), IsDemo = isDemo };
        course.Update(titleEn, titleJa, description, audience, durationMinutes, validityMonths, firstServiceId);
        return course;
    }

    /// <summary>Changes the course; the caller checks that <paramref name="firstServiceId"/> names a framework service.</summary>
    public void Update(string titleEn, string titleJa, string? description, string? audience, int? durationMinutes, int? validityMonths, string? firstServiceId)
    {
        Guard.That(durationMinutes is null or (>= 1 and <= MaxDuration), () => CommonErrors.OutOfRange(nameof(durationMinutes), 1, MaxDuration));
        Guard.That(validityMonths is null or (>= 1 and <= MaxValidity), () => CommonErrors.OutOfRange(nameof(validityMonths), 1, MaxValidity));
        var (en, ja) = (Guard.Text(titleEn, nameof(titleEn), MaxTitle), Guard.Text(titleJa, nameof(titleJa), MaxTitle));
        var (about, audienceText) = (Guard.OptionalText(description, nameof(description), MaxDescription), Guard.OptionalText(audience, nameof(audience), MaxAudience));
        var service = Guard.OptionalText(firstServiceId, nameof(firstServiceId), 10);
        (TitleEn, TitleJa, Description, Audience, DurationMinutes, ValidityMonths, FirstServiceId) = (en, ja, about, audienceText, durationMinutes, validityMonths, service);
    }

    /// <summary>The title in a language: Japanese for "ja…", English otherwise.</summary>
    public string Title(string language) => language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? TitleJa : TitleEn;

    /// <summary>The last day a completion on <paramref name="completedOn"/> counts; null when it never expires.</summary>
    public DateOnly? ValidUntil(DateOnly completedOn) => ValidityMonths is { } m ? completedOn.AddMonths(m).AddDays(-1) : null;
}

/// <summary>Whom an assignment targets.</summary>
public enum AssignmentTarget
{
    /// <summary>Every user holding an application role, refreshed when new holders appear.</summary>
    Role,
    /// <summary>One user.</summary>
    User,
}

/// <summary>An assignment of a course, to a role's holders or to one user, due on a date.</summary>
public sealed class TrainingAssignment
{
    private readonly List<TrainingAssignee> _assignees = [];

    private TrainingAssignment()
    {
        AssignedBy = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The course.</summary>
    public Guid CourseId { get; private set; }
    /// <summary>Role or user.</summary>
    public AssignmentTarget Target { get; private set; }
    /// <summary>The role, when <see cref="Target"/> is <see cref="AssignmentTarget.Role"/>.</summary>
    public string? Role { get; private set; }
    /// <summary>The day it must be done by.</summary>
    public DateOnly DueOn { get; private set; }
    /// <summary>When it was assigned (UTC).</summary>
    public DateTime AssignedAt { get; private set; }
    /// <summary>Who assigned it.</summary>
    public string AssignedBy { get; private set; }
    /// <summary>The users it applies to.</summary>
    public IReadOnlyList<TrainingAssignee> Assignees => _assignees;

    /// <summary>Assigns a course to every holder of <paramref name="role"/>.</summary>
    public static TrainingAssignment ToRole(Guid courseId, string role, IEnumerable<(string UserId, string UserName)> holders, DateOnly dueOn, string by, DateTime now)
    {
        Guard.That(Roles.IsKnown(role), () => TrainingErrors.UnknownRole(role));
        var assignment = New(courseId, AssignmentTarget.Role, role, dueOn, by, now);
        assignment.AddHolders(holders, now);
        return assignment;
    }

    /// <summary>Assigns a course to one user.</summary>
    public static TrainingAssignment ToUser(Guid courseId, string userId, string userName, DateOnly dueOn, string by, DateTime now)
    {
        var assignment = New(courseId, AssignmentTarget.User, null, dueOn, by, now);
        assignment.AddHolders([(userId, userName)], now);
        return assignment;
    }

    /// <summary>Adds the holders of the role that are not assignees yet; returns how many were added. Nobody is removed.</summary>
    public int AddHolders(IEnumerable<(string UserId, string UserName)> holders, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(holders);
        var added = 0;
        foreach (var (userId, userName) in holders)
        {
            if (_assignees.Any(a => a.UserId == userId))
                continue;
            _assignees.Add(new TrainingAssignee(Id, userId, userName, now));
            added++;
        }
        return added;
    }

    private static TrainingAssignment New(Guid courseId, AssignmentTarget target, string? role, DateOnly dueOn, string by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        CourseId = courseId,
        Target = target,
        Role = role,
        DueOn = dueOn,
        AssignedAt = now,
        AssignedBy = by,
    };
}

/// <summary>A user an assignment applies to.</summary>
public sealed class TrainingAssignee
{
    private TrainingAssignee()
    {
        UserId = UserName = string.Empty;
    }

    internal TrainingAssignee(Guid assignmentId, string userId, string userName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AssignmentId = assignmentId;
        UserId = Guard.Text(userId, nameof(userId), 450);
        UserName = Guard.Text(userName, nameof(userName), 256);
        AddedAt = now;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The assignment.</summary>
    public Guid AssignmentId { get; private set; }
    /// <summary>The user's id.</summary>
    public string UserId { get; private set; }
    /// <summary>The user's name when assigned.</summary>
    public string UserName { get; private set; }
    /// <summary>When the user was added (UTC).</summary>
    public DateTime AddedAt { get; private set; }
}

/// <summary>A record that a user completed a course.</summary>
public sealed class TrainingCompletion
{
    /// <summary>Longest note.</summary>
    public const int MaxNote = 1000;

    private TrainingCompletion()
    {
        UserId = UserName = RecordedBy = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The course.</summary>
    public Guid CourseId { get; private set; }
    /// <summary>Who completed it.</summary>
    public string UserId { get; private set; }
    /// <summary>Their user name.</summary>
    public string UserName { get; private set; }
    /// <summary>The day it was completed.</summary>
    public DateOnly CompletedOn { get; private set; }
    /// <summary>A note (where, which session).</summary>
    public string? Note { get; private set; }
    /// <summary>A score, 0 to 100, where the course has a test.</summary>
    public int? Score { get; private set; }
    /// <summary>Who recorded it (the user, or a manager for them).</summary>
    public string RecordedBy { get; private set; }
    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>A completion; not in the future.</summary>
    public static TrainingCompletion Record(Guid courseId, string userId, string userName, DateOnly completedOn, string? note, int? score, string recordedBy, DateTime now)
    {
        Guard.That(completedOn <= DateOnly.FromDateTime(now), () => CommonErrors.InFuture(nameof(completedOn)));
        Guard.That(score is null or (>= 0 and <= 100), () => CommonErrors.OutOfRange(nameof(score), 0, 100));
        return new TrainingCompletion
        {
            Id = Guid.CreateVersion7(),
            CourseId = courseId,
            UserId = Guard.Text(userId, nameof(userId), 450),
            UserName = Guard.Text(userName, nameof(userName), 256),
            CompletedOn = completedOn,
            Note = Guard.OptionalText(note, nameof(note), MaxNote),
            Score = score,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}
