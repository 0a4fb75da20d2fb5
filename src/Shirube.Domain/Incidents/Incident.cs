using Shirube.Domain.Cases;
using Shirube.Domain.Workflow;

namespace Shirube.Domain.Incidents;

/// <summary>
/// A security incident (FIRST PSIRT Services Framework, incident handling): with or without a vulnerability case, on a
/// product of the portfolio or none. It goes open → contained → resolved → closed, every step guarded and recorded; it
/// keeps a timeline, the notifications sent to stakeholders and the public statements in Japanese and English. Flagged
/// severe (EU CRA Art. 14(3)) on a product placed on the EU market, it runs the CRA reporting clocks.
/// </summary>
public sealed class Incident
{
    /// <summary>The longest title accepted.</summary>
    public const int MaxTitle = 200;
    /// <summary>The longest summary accepted.</summary>
    public const int MaxSummary = 8000;
    /// <summary>The longest advice to users accepted.</summary>
    public const int MaxUserAction = 4000;
    /// <summary>The longest public statement accepted.</summary>
    public const int MaxStatement = 20_000;

    private readonly List<Transition<IncidentState>> _transitions = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<IncidentNotification> _notifications = [];
    private readonly List<IncidentStatement> _statements = [];
    private readonly List<Guid> _affectedVersions = [];

    private Incident() => Number = Title = Summary = OpenedBy = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>Human reference, e.g. INC-2026-001.</summary>
    public string Number { get; private set; }
    /// <summary>Short title.</summary>
    public string Title { get; private set; }
    /// <summary>What happened, as far as known.</summary>
    public string Summary { get; private set; }
    /// <summary>What users should do (goes into the public statements).</summary>
    public string? UserAction { get; private set; }
    /// <summary>The vulnerability case behind it, if any.</summary>
    public Guid? CaseId { get; private set; }
    /// <summary>The product it concerns, if any.</summary>
    public Guid? ProductId { get; private set; }
    /// <summary>The business unit of the product; null without a product, when only those who see every unit see it.</summary>
    public Guid? BusinessUnitId { get; private set; }
    /// <summary>The product versions affected.</summary>
    public IReadOnlyList<Guid> AffectedVersions => _affectedVersions;
    /// <summary>When it was first detected (UTC).</summary>
    public DateTime DetectedAt { get; private set; }
    /// <summary>When the PSIRT became aware of it (UTC): the CRA clocks count from here.</summary>
    public DateTime BecameAwareAt { get; private set; }
    /// <summary>How bad it is.</summary>
    public IncidentSeverity Severity { get; private set; }
    /// <summary>Where it stands.</summary>
    public IncidentState State { get; private set; }
    /// <summary>A severe incident having an impact on the security of the product (EU CRA Art. 14(3)).</summary>
    public bool Severe { get; private set; }
    /// <summary>Who opened it.</summary>
    public string OpenedBy { get; private set; }
    /// <summary>When it was opened in Shirube (UTC).</summary>
    public DateTime OpenedAt { get; private set; }
    /// <summary>True for the example portfolio's incident, which <c>demo remove</c> deletes.</summary>
    public bool IsDemo { get; private set; }
    /// <summary>When the CRA early warning was sent.</summary>
    public DateTime? EarlyWarningSentAt { get; private set; }
    /// <summary>When the CRA incident notification was sent.</summary>
    public DateTime? NotificationSentAt { get; private set; }
    /// <summary>When the CRA final report was sent.</summary>
    public DateTime? FinalReportSentAt { get; private set; }
    /// <summary>Every state change.</summary>
    public IReadOnlyList<Transition<IncidentState>> Transitions => _transitions;
    /// <summary>What happened when, in the order entered (show it by <see cref="TimelineEntry.At"/>).</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;
    /// <summary>Notifications sent to stakeholders.</summary>
    public IReadOnlyList<IncidentNotification> Notifications => _notifications;
    /// <summary>Public statements, at most one per language.</summary>
    public IReadOnlyList<IncidentStatement> Statements => _statements;

    /// <summary>Opens an incident.</summary>
    public static Incident Open(string number, string title, string summary, IncidentSeverity severity, DateTime detectedAt, DateTime becameAwareAt, string by, DateTime now,
        bool isDemo = false)
    {
        var incident = new Incident { Id = Guid.CreateVersion7(), Number = number, State = IncidentState.Open, OpenedBy = by, OpenedAt = now, IsDemo = isDemo };
        incident.Describe(title, summary, null, severity, detectedAt, becameAwareAt, now);
        incident._transitions.Add(Transition<IncidentState>.Create(incident.Id, null, IncidentState.Open, by, now, null));
        return incident;
    }

    /// <summary>Changes the description: title, summary, advice to users, severity and the two times.</summary>
    public void Describe(string title, string summary, string? userAction, IncidentSeverity severity, DateTime detectedAt, DateTime becameAwareAt, DateTime now)
    {
        title = Guard.Text(title, "title", 3, MaxTitle);
        summary = Guard.Text(summary, "summary", 10, MaxSummary);
        Guard.Defined(severity, "severity");
        Guard.That(becameAwareAt >= detectedAt, IncidentErrors.AwareBeforeDetected());
        // A little slack for clocks that disagree; an incident cannot be known before it happens.
        Guard.That(becameAwareAt <= now.AddMinutes(5), CommonErrors.InFuture("becameAwareAt"));
        (Title, Summary, UserAction, Severity, DetectedAt, BecameAwareAt) = (title, summary, Guard.OptionalText(userAction, "userAction", MaxUserAction), severity, detectedAt, becameAwareAt);
    }

    /// <summary>Links (or unlinks) the vulnerability case behind the incident.</summary>
    public void Link(Guid? caseId) => CaseId = caseId;

    /// <summary>Assigns the product (and with it the business unit) and the affected versions; null for none.</summary>
    public void Assign(Guid? productId, Guid? businessUnitId, IEnumerable<Guid> affectedVersions)
    {
        ArgumentNullException.ThrowIfNull(affectedVersions);
        Guard.That(productId is null == businessUnitId is null, IncidentErrors.ProductWithoutUnit());
        ProductId = productId;
        BusinessUnitId = businessUnitId;
        _affectedVersions.Clear();
        if (productId is not null)
            _affectedVersions.AddRange(affectedVersions.Distinct());
    }

    /// <summary>
    /// Moves the incident on: open → contained → resolved → closed, no skipping, no way back. Containment needs an action
    /// in the timeline; closure needs a decision in the timeline (the closing decision).
    /// </summary>
    public Transition<IncidentState> MoveTo(IncidentState to, string by, DateTime now, string? reason)
    {
        Guard.That(IncidentWorkflow.NextOf(State) == to, () => IncidentErrors.CannotMove(State, to));
        Guard.That(to != IncidentState.Contained || _timeline.Any(e => e.Kind == TimelineKind.Action), IncidentErrors.ContainmentNeedsAction);
        Guard.That(to != IncidentState.Closed || _timeline.Any(e => e.Kind == TimelineKind.Decision), IncidentErrors.ClosureNeedsDecision);
        var transition = Transition<IncidentState>.Create(Id, State, to, by, now, Guard.OptionalText(reason, "reason", 1000));
        _transitions.Add(transition);
        State = to;
        return transition;
    }

    /// <summary>When the incident first reached <paramref name="state"/>, if it did.</summary>
    public DateTime? ReachedAt(IncidentState state) => _transitions.FirstOrDefault(t => t.To == state)?.At;

    /// <summary>Adds an entry to the timeline.</summary>
    public TimelineEntry Record(DateTime at, TimelineKind kind, string text, string by, DateTime now)
    {
        Guard.Defined(kind, "kind");
        Guard.That(at <= now.AddMinutes(5), CommonErrors.InFuture("at"));
        var entry = TimelineEntry.Create(Id, at, kind, Guard.Text(text, "text", 4000), by);
        _timeline.Add(entry);
        return entry;
    }

    /// <summary>Records that a stakeholder group was notified.</summary>
    public IncidentNotification Notify(StakeholderGroup group, string recipient, NotificationChannel channel, DateTime sentAt, string by, string? note, DateTime now)
    {
        Guard.Defined(group, "group");
        Guard.Defined(channel, "channel");
        Guard.That(sentAt <= now.AddMinutes(5), CommonErrors.InFuture("sentAt"));
        var notification = IncidentNotification.Create(Id, group, Guard.Text(recipient, "recipient", 200), channel, sentAt, by, Guard.OptionalText(note, "note", 2000));
        _notifications.Add(notification);
        return notification;
    }

    /// <summary>The statement in <paramref name="language"/> ("ja" or "en"), if saved.</summary>
    public IncidentStatement? StatementIn(string language) => _statements.FirstOrDefault(s => s.Language == language);

    /// <summary>Saves the statement in one language; a changed text goes back to draft and needs approval again.</summary>
    public IncidentStatement SaveStatement(string language, string text, string by, DateTime now)
    {
        Guard.That(IncidentWorkflow.Languages.Contains(language), () => IncidentErrors.UnknownLanguage(language));
        text = Guard.Text(text, "text", MaxStatement);
        var statement = StatementIn(language);
        if (statement is null)
        {
            statement = IncidentStatement.Create(Id, language);
            _statements.Add(statement);
        }
        statement.Edit(text, by, now);
        return statement;
    }

    /// <summary>Approves the saved statement in one language (the caller checks the approver's role).</summary>
    public IncidentStatement ApproveStatement(string language, string by, DateTime now)
    {
        var statement = StatementIn(language) ?? throw IncidentErrors.NoStatementToApprove(language).Exception();
        statement.Approve(by, now);
        return statement;
    }

    /// <summary>Flags (or clears) the incident as severe, having an impact on the security of the product.</summary>
    public void MarkSevere(bool severe) => Severe = severe;

    /// <summary>When a CRA report was sent, if it was.</summary>
    public DateTime? SentAt(CraReportKind kind) => kind switch
    {
        CraReportKind.EarlyWarning => EarlyWarningSentAt,
        CraReportKind.Notification => NotificationSentAt,
        _ => FinalReportSentAt,
    };

    /// <summary>Records that a CRA report was sent; the final report follows the incident notification.</summary>
    public void RecordSent(CraReportKind kind, DateTime now)
    {
        Guard.That(Severe, IncidentErrors.NotSevere());
        Guard.That(kind != CraReportKind.FinalReport || NotificationSentAt is not null, IncidentErrors.FinalReportBeforeNotification());
        Guard.That(SentAt(kind) is null, () => IncidentErrors.ReportSentAlready(kind));
        switch (kind)
        {
            case CraReportKind.EarlyWarning: EarlyWarningSentAt = now; break;
            case CraReportKind.Notification: NotificationSentAt = now; break;
            default: FinalReportSentAt = now; break;
        }
    }
}

/// <summary>A dated entry of an incident's timeline.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry() => Text = By = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The incident.</summary>
    public Guid IncidentId { get; private set; }
    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; private set; }
    /// <summary>What kind of entry.</summary>
    public TimelineKind Kind { get; private set; }
    /// <summary>What happened.</summary>
    public string Text { get; private set; }
    /// <summary>Who entered it.</summary>
    public string By { get; private set; }

    internal static TimelineEntry Create(Guid incidentId, DateTime at, TimelineKind kind, string text, string by) =>
        new() { Id = Guid.CreateVersion7(), IncidentId = incidentId, At = at, Kind = kind, Text = text, By = by };
}

/// <summary>A notification sent to a stakeholder group about an incident.</summary>
public sealed class IncidentNotification
{
    private IncidentNotification() => Recipient = By = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The incident.</summary>
    public Guid IncidentId { get; private set; }
    /// <summary>The group informed.</summary>
    public StakeholderGroup Group { get; private set; }
    /// <summary>Who exactly (free text: a person, a department, an organisation).</summary>
    public string Recipient { get; private set; }
    /// <summary>How.</summary>
    public NotificationChannel Channel { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime SentAt { get; private set; }
    /// <summary>Who sent it.</summary>
    public string By { get; private set; }
    /// <summary>A note, e.g. what was said.</summary>
    public string? Note { get; private set; }

    internal static IncidentNotification Create(Guid incidentId, StakeholderGroup group, string recipient, NotificationChannel channel, DateTime sentAt, string by, string? note) =>
        new() { Id = Guid.CreateVersion7(), IncidentId = incidentId, Group = group, Recipient = recipient, Channel = channel, SentAt = sentAt, By = by, Note = note };
}

/// <summary>The public statement about an incident in one language.</summary>
public sealed class IncidentStatement
{
    private IncidentStatement() => Language = Text = EditedBy = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The incident.</summary>
    public Guid IncidentId { get; private set; }
    /// <summary>"ja" or "en".</summary>
    public string Language { get; private set; }
    /// <summary>The text.</summary>
    public string Text { get; private set; }
    /// <summary>Draft or approved.</summary>
    public StatementStatus Status { get; private set; }
    /// <summary>Who saved it last.</summary>
    public string EditedBy { get; private set; }
    /// <summary>When it was saved last (UTC).</summary>
    public DateTime EditedAt { get; private set; }
    /// <summary>Who approved it.</summary>
    public string? ApprovedBy { get; private set; }
    /// <summary>When it was approved (UTC).</summary>
    public DateTime? ApprovedAt { get; private set; }

    internal static IncidentStatement Create(Guid incidentId, string language) =>
        new() { Id = Guid.CreateVersion7(), IncidentId = incidentId, Language = language, Status = StatementStatus.Draft };

    internal void Edit(string text, string by, DateTime now)
    {
        if (text == Text)
            return;
        (Text, EditedBy, EditedAt, Status, ApprovedBy, ApprovedAt) = (text, by, now, StatementStatus.Draft, null, null);
    }

    internal void Approve(string by, DateTime now)
    {
        Guard.That(Status != StatementStatus.Approved, () => IncidentErrors.StatementApprovedAlready(Language));
        (Status, ApprovedBy, ApprovedAt) = (StatementStatus.Approved, by, now);
    }
}
