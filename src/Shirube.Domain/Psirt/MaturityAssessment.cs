namespace Shirube.Domain.Psirt;

/// <summary>How far the company already performs a PSIRT service.</summary>
public enum ServicePractice
{
    /// <summary>Not answered yet; scores like <see cref="NotInPlace"/>.</summary>
    NotAssessed,
    /// <summary>Done, by someone, in a repeatable way.</summary>
    InPlace,
    /// <summary>Done in part, or only sometimes.</summary>
    Partial,
    /// <summary>Not done.</summary>
    NotInPlace,
    /// <summary>Does not apply to this company; left out of the score.</summary>
    NotApplicable,
}

/// <summary>
/// A company-wide self-assessment against the FIRST PSIRT Services Framework: "what do we already do?". One answer
/// per service; once completed it is frozen, and the next assessment starts from a copy of it.
/// </summary>
public sealed class MaturityAssessment
{
    /// <summary>Longest title.</summary>
    public const int MaxTitle = 200;
    /// <summary>Longest name of who assessed.</summary>
    public const int MaxAssessor = 200;

    private readonly List<MaturityAnswer> _answers = [];

    private MaturityAssessment()
    {
        Title = AssessedBy = CreatedBy = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>What this assessment is, e.g. "FY2026 H1 self-assessment".</summary>
    public string Title { get; private set; }
    /// <summary>The day the assessment describes.</summary>
    public DateOnly AssessedOn { get; private set; }
    /// <summary>Who did it (people or a team, free text).</summary>
    public string AssessedBy { get; private set; }
    /// <summary>The assessment this one was copied from, if any.</summary>
    public Guid? PreviousId { get; private set; }
    /// <summary>When it was started (UTC).</summary>
    public DateTime CreatedAt { get; private set; }
    /// <summary>The user who started it.</summary>
    public string CreatedBy { get; private set; }
    /// <summary>When it was completed and frozen (UTC); null while it is a draft.</summary>
    public DateTime? CompletedAt { get; private set; }
    /// <summary>The user who completed it.</summary>
    public string? CompletedBy { get; private set; }
    /// <summary>One answer per service of the framework.</summary>
    public IReadOnlyList<MaturityAnswer> Answers => _answers;

    /// <summary>
    /// True for the example portfolio's self-assessment, which <c>demo remove</c> deletes; a new assessment never
    /// starts from it.
    /// </summary>
    public bool IsDemo { get; private set; }

    /// <summary>True once completed: nothing changes any more.</summary>
    public bool IsCompleted => CompletedAt is not null;

    /// <summary>
    /// A new assessment with one answer per service of <paramref name="framework"/>; when <paramref name="previous"/>
    /// is given (it must be completed), its answers are copied as the starting point.
    /// </summary>
    public static MaturityAssessment Start(PsirtFramework framework, string title, DateOnly assessedOn, string assessedBy, string user, DateTime now, MaturityAssessment? previous = null,
        bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(framework);
        Guard.That(previous is not { IsCompleted: false }, PsirtErrors.PreviousNotCompleted());
        var assessment = new MaturityAssessment
        {
            Id = Guid.CreateVersion7(),
            Title = Guard.Text(title, nameof(title), MaxTitle),
            AssessedOn = assessedOn,
            AssessedBy = Guard.Text(assessedBy, nameof(assessedBy), MaxAssessor),
            PreviousId = previous?.Id,
            CreatedAt = now,
            CreatedBy = user,
            IsDemo = isDemo,
        };
        foreach (var service in framework.Services)
        {
            var old = previous?.Answers.FirstOrDefault(a => a.ServiceId == service.Id);
            assessment._answers.Add(new MaturityAnswer(assessment.Id, service.Id, old));
        }
        return assessment;
    }

    /// <summary>Changes the title, date or assessor of a draft.</summary>
    public void Describe(string title, DateOnly assessedOn, string assessedBy)
    {
        EnsureDraft();
        Title = Guard.Text(title, nameof(title), MaxTitle);
        AssessedOn = assessedOn;
        AssessedBy = Guard.Text(assessedBy, nameof(assessedBy), MaxAssessor);
    }

    /// <summary>Answers one service of a draft.</summary>
    /// <exception cref="DomainException">The assessment is completed (<c>Psirt.AssessmentCompleted</c>), the service is not part of it, or a text is too long.</exception>
    public MaturityAnswer Answer(string serviceId, ServicePractice practice, string? ownerDepartment, string? evidence, MaturityLevel? level)
    {
        EnsureDraft();
        var answer = _answers.FirstOrDefault(a => a.ServiceId == serviceId)
            ?? throw PsirtErrors.ServiceNotInAssessment(serviceId).Exception();
        answer.Set(practice, ownerDepartment, evidence, level);
        return answer;
    }

    /// <summary>Completes and freezes the assessment.</summary>
    public void Complete(string user, DateTime now)
    {
        EnsureDraft();
        CompletedAt = now;
        CompletedBy = user;
    }

    private void EnsureDraft()
    {
        if (CompletedAt is { } completed)
            throw PsirtErrors.AssessmentCompleted(Title, DateOnly.FromDateTime(completed)).Exception();
    }
}

/// <summary>The answer for one service in a <see cref="MaturityAssessment"/>.</summary>
public sealed class MaturityAnswer
{
    /// <summary>Longest owner department name.</summary>
    public const int MaxOwner = 200;
    /// <summary>Longest evidence text (notes and links).</summary>
    public const int MaxEvidence = 4000;

    private MaturityAnswer()
    {
        ServiceId = string.Empty;
    }

    internal MaturityAnswer(Guid assessmentId, string serviceId, MaturityAnswer? copyOf)
    {
        Id = Guid.CreateVersion7();
        AssessmentId = assessmentId;
        ServiceId = serviceId;
        if (copyOf is not null)
            (Practice, OwnerDepartment, Evidence, Level) = (copyOf.Practice, copyOf.OwnerDepartment, copyOf.Evidence, copyOf.Level);
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The assessment.</summary>
    public Guid AssessmentId { get; private set; }
    /// <summary>The framework service, "1.1" … "6.5".</summary>
    public string ServiceId { get; private set; }
    /// <summary>Whether the company performs it.</summary>
    public ServicePractice Practice { get; private set; }
    /// <summary>The department that owns it (free text).</summary>
    public string? OwnerDepartment { get; private set; }
    /// <summary>Evidence: notes, document names, links.</summary>
    public string? Evidence { get; private set; }
    /// <summary>The maturity level the team believes the service reaches (their judgement; FIRST's mapping is not checked).</summary>
    public MaturityLevel? Level { get; private set; }

    /// <summary>The answer's contribution to a score: 1, 0.5 or 0; null when not applicable.</summary>
    public decimal? Points => MaturityScore.Points(Practice);

    internal void Set(ServicePractice practice, string? ownerDepartment, string? evidence, MaturityLevel? level)
    {
        Guard.Defined(practice, nameof(practice));
        if (level is { } l)
            Guard.Defined(l, nameof(level));
        OwnerDepartment = Guard.OptionalText(ownerDepartment, nameof(ownerDepartment), MaxOwner);
        Evidence = Guard.OptionalText(evidence, nameof(evidence), MaxEvidence);
        Practice = practice;
        Level = level;
    }
}
