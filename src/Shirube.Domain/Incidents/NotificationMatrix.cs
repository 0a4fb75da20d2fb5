namespace Shirube.Domain.Incidents;

/// <summary>One cell of the notification matrix: at this severity, this group hears within so many hours.</summary>
public sealed class NotificationRule
{
    /// <summary>The longest target accepted: one year.</summary>
    public const int MaxTargetHours = 8760;

    private NotificationRule() { }

    /// <summary>The severity the rule is for.</summary>
    public IncidentSeverity Severity { get; private set; }
    /// <summary>The group to inform.</summary>
    public StakeholderGroup Group { get; private set; }
    /// <summary>Within how many hours of becoming aware.</summary>
    public int TargetHours { get; private set; }

    /// <summary>A rule, checked.</summary>
    public static NotificationRule Create(IncidentSeverity severity, StakeholderGroup group, int targetHours)
    {
        Guard.Defined(severity, "severity");
        Guard.Defined(group, "group");
        var rule = new NotificationRule { Severity = severity, Group = group };
        rule.Retarget(targetHours);
        return rule;
    }

    /// <summary>Changes the target time.</summary>
    public void Retarget(int targetHours)
    {
        Guard.That(targetHours is >= 1 and <= MaxTargetHours, () => CommonErrors.OutOfRange("targetHours", 1, MaxTargetHours));
        TargetHours = targetHours;
    }
}

/// <summary>Where one required notification of an incident stands.</summary>
public enum NotificationStatus
{
    /// <summary>Sent in time.</summary>
    Notified,
    /// <summary>Sent, but after the target.</summary>
    Late,
    /// <summary>Not yet sent, time left.</summary>
    Pending,
    /// <summary>Not sent and past the target.</summary>
    Overdue,
}

/// <summary>One group that must hear of an incident, by when, and whether it has.</summary>
/// <param name="Group">The group.</param>
/// <param name="TargetHours">The matrix's target for the incident's severity.</param>
/// <param name="DueAt">Becoming aware plus the target (UTC).</param>
/// <param name="NotifiedAt">The first notification to the group, if any.</param>
/// <param name="Status">Where it stands at the time asked.</param>
public sealed record NotificationDue(StakeholderGroup Group, int TargetHours, DateTime DueAt, DateTime? NotifiedAt, NotificationStatus Status);

/// <summary>
/// Who must hear of an incident at which severity, and how fast: the matrix is stored (and edited by PSIRT managers);
/// this holds the default it starts from and applies it to an incident.
/// </summary>
public static class NotificationMatrix
{
    /// <summary>
    /// The matrix a new installation starts with. The worse the incident, the more groups and the shorter the targets;
    /// management always hears. Authorities under the EU CRA are reported to through the CRA clocks, not this matrix.
    /// </summary>
    public static IReadOnlyList<NotificationRule> Default() =>
    [
        .. Row(IncidentSeverity.Critical, (StakeholderGroup.Management, 1), (StakeholderGroup.Legal, 4), (StakeholderGroup.PublicRelations, 4),
            (StakeholderGroup.Customers, 24), (StakeholderGroup.Regulators, 24), (StakeholderGroup.Coordinators, 24), (StakeholderGroup.Suppliers, 48)),
        .. Row(IncidentSeverity.High, (StakeholderGroup.Management, 4), (StakeholderGroup.Legal, 24), (StakeholderGroup.PublicRelations, 24),
            (StakeholderGroup.Customers, 72), (StakeholderGroup.Coordinators, 72), (StakeholderGroup.Suppliers, 72)),
        .. Row(IncidentSeverity.Moderate, (StakeholderGroup.Management, 24), (StakeholderGroup.Suppliers, 168)),
        .. Row(IncidentSeverity.Low, (StakeholderGroup.Management, 72)),
    ];

    private static IEnumerable<NotificationRule> Row(IncidentSeverity severity, params (StakeholderGroup Group, int Hours)[] cells) =>
        cells.Select(c => NotificationRule.Create(severity, c.Group, c.Hours));

    /// <summary>The groups that must hear of <paramref name="incident"/> at its severity, in matrix order, with their status at <paramref name="now"/>.</summary>
    public static IReadOnlyList<NotificationDue> For(Incident incident, IEnumerable<NotificationRule> rules, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return [.. rules.Where(r => r.Severity == incident.Severity).OrderBy(r => r.Group).Select(r =>
        {
            var due = incident.BecameAwareAt.AddHours(r.TargetHours);
            var sent = incident.Notifications.Where(n => n.Group == r.Group).Select(n => (DateTime?)n.SentAt).Min();
            var status = sent is { } at ? at <= due ? NotificationStatus.Notified : NotificationStatus.Late
                : now > due ? NotificationStatus.Overdue : NotificationStatus.Pending;
            return new NotificationDue(r.Group, r.TargetHours, due, sent, status);
        })];
    }
}
