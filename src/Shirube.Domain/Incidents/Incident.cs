using Shirube.Domain.Cases;

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

    private readonly List<IncidentTransition> _transitions = [];
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
    /// <summary>When the CRA early warning was sent.</summary>
    public DateTime? EarlyWarningSentAt { get; private set; }
    /// <summary>When the CRA incident notification was sent.</summary>
    public DateTime? NotificationSentAt { get; private set; }
    /// <summary>When the CRA final report was sent.</summary>
    public DateTime? FinalReportSentAt { get; private set; }
    /// <summary>Every state change.</summary>
    public IReadOnlyList<IncidentTransition> Transitions => _transitions;
    /// <summary>What happened when, in the order entered (show it by <see cref="TimelineEntry.At"/>).</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;
    /// <summary>Notifications sent to stakeholders.</summary>
    public IReadOnlyList<IncidentNotification> Notifications => _notifications;
    /// <summary>Public statements, at most one per language.</summary>
    public IReadOnlyList<IncidentStatement> Statements => _statements;

    /// <summary>Opens an incident.</summary>
    public static Incident Open(string number, string title, string summary, IncidentSeverity severity, DateTime detectedAt, DateTime becameAwareAt, string by, DateTime now)
    {
        var incident = new Incident { Id = Guid.CreateVersion7(), Number = number, State = IncidentState.Open, OpenedBy = by, OpenedAt = now };
        incident.Describe(title, summary, null, severity, detectedAt, becameAwareAt, now);
        incident._transitions.Add(IncidentTransition.Create(incident.Id, null, IncidentState.Open, by, now, null));
        return incident;
    }

    /// <summary>Changes the description: title, summary, advice to users, severity and the two times.</summary>
    public void Describe(string title, string summary, string? userAction, IncidentSeverity severity, DateTime detectedAt, DateTime becameAwareAt, DateTime now)
    {
        title = (title ?? string.Empty).Trim();
        if (title.Length is < 3 or > MaxTitle)
            throw new ArgumentException($"A title has 3 to {MaxTitle} characters.", nameof(title));
        summary = (summary ?? string.Empty).Trim();
        if (summary.Length is < 10 or > MaxSummary)
            throw new ArgumentException($"Describe the incident in 10 to {MaxSummary} characters.", nameof(summary));
        if (!Enum.IsDefined(severity))
            throw new ArgumentException($"'{severity}' is not a severity.", nameof(severity));
        if (becameAwareAt < detectedAt)
            throw new ArgumentException("The PSIRT cannot become aware of an incident before it was detected.", nameof(becameAwareAt));
        // A little slack for clocks that disagree; an incident cannot be known before it happens.
        if (becameAwareAt > now.AddMinutes(5))
            throw new ArgumentException("The time of becoming aware lies in the future.", nameof(becameAwareAt));
        (Title, Summary, UserAction, Severity, DetectedAt, BecameAwareAt) = (title, summary, Limit(userAction, MaxUserAction, nameof(userAction)), severity, detectedAt, becameAwareAt);
    }

    /// <summary>Links (or unlinks) the vulnerability case behind the incident.</summary>
    public void Link(Guid? caseId) => CaseId = caseId;

    /// <summary>Assigns the product (and with it the business unit) and the affected versions; null for none.</summary>
    public void Assign(Guid? productId, Guid? businessUnitId, IEnumerable<Guid> affectedVersions)
    {
        if (productId is null != businessUnitId is null)
            throw new ArgumentException("A product comes with its business unit.", nameof(businessUnitId));
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
    public IncidentTransition MoveTo(IncidentState to, string by, DateTime now, string? reason)
    {
        if (IncidentWorkflow.NextOf(State) != to)
            throw new InvalidOperationException($"An incident in {State} cannot move to {to}; next: {IncidentWorkflow.NextOf(State)?.ToString() ?? "none"}.");
        var missing = to switch
        {
            IncidentState.Contained when _timeline.All(e => e.Kind != TimelineKind.Action) => "an action in the timeline",
            IncidentState.Closed when _timeline.All(e => e.Kind != TimelineKind.Decision) => "a decision in the timeline",
            _ => null,
        };
        if (missing is not null)
            throw new InvalidOperationException($"Moving to {to} needs {missing}.");
        var transition = IncidentTransition.Create(Id, State, to, by, now, Limit(reason, 1000, nameof(reason)));
        _transitions.Add(transition);
        State = to;
        return transition;
    }

    /// <summary>When the incident first reached <paramref name="state"/>, if it did.</summary>
    public DateTime? ReachedAt(IncidentState state) => _transitions.FirstOrDefault(t => t.To == state)?.At;

    /// <summary>Adds an entry to the timeline.</summary>
    public TimelineEntry Record(DateTime at, TimelineKind kind, string text, string by, DateTime now)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentException($"'{kind}' is not a kind of timeline entry.", nameof(kind));
        if (at > now.AddMinutes(5))
            throw new ArgumentException("A timeline entry cannot lie in the future.", nameof(at));
        var entry = TimelineEntry.Create(Id, at, kind, Required(text, 4000, nameof(text)), by);
        _timeline.Add(entry);
        return entry;
    }

    /// <summary>Records that a stakeholder group was notified.</summary>
    public IncidentNotification Notify(StakeholderGroup group, string recipient, NotificationChannel channel, DateTime sentAt, string by, string? note, DateTime now)
    {
        if (!Enum.IsDefined(group))
            throw new ArgumentException($"'{group}' is not a stakeholder group.", nameof(group));
        if (!Enum.IsDefined(channel))
            throw new ArgumentException($"'{channel}' is not a channel.", nameof(channel));
        if (sentAt > now.AddMinutes(5))
            throw new ArgumentException("A notification cannot be sent in the future.", nameof(sentAt));
        var notification = IncidentNotification.Create(Id, group, Required(recipient, 200, nameof(recipient)), channel, sentAt, by, Limit(note, 2000, nameof(note)));
        _notifications.Add(notification);
        return notification;
    }

    /// <summary>The statement in <paramref name="language"/> ("ja" or "en"), if saved.</summary>
    public IncidentStatement? StatementIn(string language) => _statements.FirstOrDefault(s => s.Language == language);

    /// <summary>Saves the statement in one language; a changed text goes back to draft and needs approval again.</summary>
    public IncidentStatement SaveStatement(string language, string text, string by, DateTime now)
    {
        if (!IncidentWorkflow.Languages.Contains(language))
            throw new ArgumentException($"'{language}' is not a statement language; expected ja or en.", nameof(language));
        text = Required(text, MaxStatement, nameof(text));
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
        var statement = StatementIn(language) ?? throw new InvalidOperationException($"There is no saved {language} statement to approve.");
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
        if (!Severe)
            throw new InvalidOperationException("The incident is not flagged severe: no CRA report is due.");
        if (kind == CraReportKind.FinalReport && NotificationSentAt is null)
            throw new InvalidOperationException("The final report follows the incident notification: send the notification first.");
        if (SentAt(kind) is not null)
            throw new InvalidOperationException($"The {kind} was sent already.");
        switch (kind)
        {
            case CraReportKind.EarlyWarning: EarlyWarningSentAt = now; break;
            case CraReportKind.Notification: NotificationSentAt = now; break;
            default: FinalReportSentAt = now; break;
        }
    }

    private static string Required(string? text, int max, string name) =>
        Limit(text, max, name) ?? throw new ArgumentException("This must not be empty.", name);

    private static string? Limit(string? text, int max, string name)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return text?.Length > max ? throw new ArgumentException($"At most {max} characters.", name) : text;
    }
}

/// <summary>One state change of an incident.</summary>
public sealed class IncidentTransition
{
    private IncidentTransition() => By = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The incident.</summary>
    public Guid IncidentId { get; private set; }
    /// <summary>From (null when opened).</summary>
    public IncidentState? From { get; private set; }
    /// <summary>To.</summary>
    public IncidentState To { get; private set; }
    /// <summary>Who.</summary>
    public string By { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime At { get; private set; }
    /// <summary>Why, where given.</summary>
    public string? Reason { get; private set; }

    internal static IncidentTransition Create(Guid incidentId, IncidentState? from, IncidentState to, string by, DateTime at, string? reason) =>
        new() { Id = Guid.CreateVersion7(), IncidentId = incidentId, From = from, To = to, By = by, At = at, Reason = reason };
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
        if (Status == StatementStatus.Approved)
            throw new InvalidOperationException($"The {Language} statement is approved already.");
        (Status, ApprovedBy, ApprovedAt) = (StatementStatus.Approved, by, now);
    }
}
