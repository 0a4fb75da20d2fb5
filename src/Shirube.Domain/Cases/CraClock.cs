namespace Shirube.Domain.Cases;

/// <summary>The three reports EU CRA Article 14 asks for about an actively exploited vulnerability or a severe incident.</summary>
public enum CraReportKind
{
    /// <summary>Early warning: within 24 hours of becoming aware.</summary>
    EarlyWarning,
    /// <summary>Vulnerability or incident notification: within 72 hours of becoming aware.</summary>
    Notification,
    /// <summary>Final report: 14 days after the corrective measure (vulnerability) or one month after the notification (incident).</summary>
    FinalReport,
}

/// <summary>What the final report's deadline is counted from.</summary>
public enum CraFinalReportRule
{
    /// <summary>14 days after a corrective or mitigating measure is available (actively exploited vulnerability, Art. 14(2)(c)).</summary>
    FourteenDaysAfterCorrectiveMeasure,
    /// <summary>One calendar month after the incident notification was submitted (severe incident, Art. 14(4)(c)).</summary>
    OneMonthAfterNotification,
}

/// <summary>Where one report stands.</summary>
public enum CraReportStatus
{
    /// <summary>Not yet due: the final report waits for the corrective measure.</summary>
    Waiting,
    /// <summary>Due, not yet sent, time left.</summary>
    Due,
    /// <summary>Past its deadline and not sent.</summary>
    Overdue,
    /// <summary>Sent.</summary>
    Submitted,
}

/// <summary>One report's clock.</summary>
/// <param name="Kind">Which report.</param>
/// <param name="DueAt">Its deadline (UTC), or null while it waits for the corrective measure.</param>
/// <param name="SubmittedAt">When it was sent, if it was.</param>
/// <param name="Status">Where it stands at the time asked.</param>
/// <param name="Provisional">
/// True when the deadline is counted from an expected date rather than the real one: an incident's final report while
/// the notification is unsent is counted from the notification's own deadline.
/// </param>
public sealed record CraDeadline(CraReportKind Kind, DateTime? DueAt, DateTime? SubmittedAt, CraReportStatus Status, bool Provisional = false)
{
    /// <summary>Time left until the deadline (negative when overdue), or null.</summary>
    public TimeSpan? Left(DateTime now) => DueAt is { } due && SubmittedAt is null ? due - now : null;
}

/// <summary>
/// EU CRA Article 14 clocks, one implementation for cases and incidents. They run when a case is flagged actively
/// exploited, or an incident flagged severe, and its product is placed on the EU market. Early warning within 24 hours
/// and notification within 72 hours of becoming aware (a case: the time it was flagged; an incident: the time the PSIRT
/// became aware of it). The final report: for a vulnerability within 14 days after a corrective measure is available
/// (the case reached Release); for an incident within one calendar month after the notification was submitted.
/// </summary>
public static class CraClock
{
    /// <summary>The early-warning deadline after becoming aware.</summary>
    public static readonly TimeSpan EarlyWarning = TimeSpan.FromHours(24);
    /// <summary>The notification deadline after becoming aware.</summary>
    public static readonly TimeSpan Notification = TimeSpan.FromHours(72);
    /// <summary>The final-report deadline after the corrective measure (vulnerabilities).</summary>
    public static readonly TimeSpan FinalReport = TimeSpan.FromDays(14);

    /// <summary>True when the clocks run for this case.</summary>
    public static bool Applies(VulnerabilityCase c, bool productOnEuMarket)
    {
        ArgumentNullException.ThrowIfNull(c);
        return productOnEuMarket && c.ExploitedSince is not null;
    }

    /// <summary>True when the clocks run for this incident: flagged severe, on a product placed on the EU market.</summary>
    public static bool Applies(Incidents.Incident incident, bool productOnEuMarket)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return productOnEuMarket && incident.Severe;
    }

    /// <summary>The three deadlines of a case at <paramref name="now"/>, or none when the clocks do not run.</summary>
    public static IReadOnlyList<CraDeadline> For(VulnerabilityCase c, bool productOnEuMarket, DateTime now) =>
        Applies(c, productOnEuMarket)
            ? Run(c.ExploitedSince!.Value, CraFinalReportRule.FourteenDaysAfterCorrectiveMeasure, c.ReachedAt(CaseState.Release), c.SentAt, now)
            : [];

    /// <summary>The three deadlines of an incident at <paramref name="now"/>, or none when the clocks do not run.</summary>
    public static IReadOnlyList<CraDeadline> For(Incidents.Incident incident, bool productOnEuMarket, DateTime now) =>
        Applies(incident, productOnEuMarket)
            ? Run(incident.BecameAwareAt, CraFinalReportRule.OneMonthAfterNotification, null, incident.SentAt, now)
            : [];

    /// <summary>
    /// The clocks themselves: early warning and notification from <paramref name="awareAt"/>; the final report by
    /// <paramref name="rule"/> — 14 days after <paramref name="correctiveMeasureAt"/> (waiting while it is null), or one
    /// calendar month after the notification was sent (until then provisionally after the notification's deadline;
    /// a month from 31 January ends on the last day of February).
    /// </summary>
    public static IReadOnlyList<CraDeadline> Run(DateTime awareAt, CraFinalReportRule rule, DateTime? correctiveMeasureAt, Func<CraReportKind, DateTime?> sentAt, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(sentAt);
        var notificationDue = awareAt + Notification;
        var (finalDue, provisional) = rule switch
        {
            CraFinalReportRule.FourteenDaysAfterCorrectiveMeasure => (correctiveMeasureAt + FinalReport, false),
            CraFinalReportRule.OneMonthAfterNotification => sentAt(CraReportKind.Notification) is { } sent
                ? (sent.AddMonths(1), false)
                : ((DateTime?)notificationDue.AddMonths(1), true),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        return
        [
            Deadline(CraReportKind.EarlyWarning, awareAt + EarlyWarning, sentAt(CraReportKind.EarlyWarning), now, false),
            Deadline(CraReportKind.Notification, notificationDue, sentAt(CraReportKind.Notification), now, false),
            Deadline(CraReportKind.FinalReport, finalDue, sentAt(CraReportKind.FinalReport), now, provisional && sentAt(CraReportKind.FinalReport) is null),
        ];
    }

    private static CraDeadline Deadline(CraReportKind kind, DateTime? due, DateTime? sent, DateTime now, bool provisional) =>
        new(kind, due, sent, sent is not null ? CraReportStatus.Submitted : due is null ? CraReportStatus.Waiting : now > due ? CraReportStatus.Overdue : CraReportStatus.Due, provisional);
}
