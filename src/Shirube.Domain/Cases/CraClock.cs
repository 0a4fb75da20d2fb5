namespace Shirube.Domain.Cases;

/// <summary>The three reports EU CRA Article 14 asks for about an actively exploited vulnerability.</summary>
public enum CraReportKind
{
    /// <summary>Early warning: within 24 hours of becoming aware.</summary>
    EarlyWarning,
    /// <summary>Vulnerability notification: within 72 hours of becoming aware.</summary>
    Notification,
    /// <summary>Final report: within 14 days after a corrective or mitigating measure is available.</summary>
    FinalReport,
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
public sealed record CraDeadline(CraReportKind Kind, DateTime? DueAt, DateTime? SubmittedAt, CraReportStatus Status)
{
    /// <summary>Time left until the deadline (negative when overdue), or null.</summary>
    public TimeSpan? Left(DateTime now) => DueAt is { } due && SubmittedAt is null ? due - now : null;
}

/// <summary>
/// EU CRA Article 14 clocks for a case: they run when the case is flagged actively exploited and its product is placed
/// on the EU market. Early warning within 24 hours and notification within 72 hours of becoming aware (the time the
/// case was flagged); the final report within 14 days after a corrective measure is available (the case reached
/// Release).
/// </summary>
public static class CraClock
{
    /// <summary>The early-warning deadline after becoming aware.</summary>
    public static readonly TimeSpan EarlyWarning = TimeSpan.FromHours(24);
    /// <summary>The notification deadline after becoming aware.</summary>
    public static readonly TimeSpan Notification = TimeSpan.FromHours(72);
    /// <summary>The final-report deadline after the corrective measure.</summary>
    public static readonly TimeSpan FinalReport = TimeSpan.FromDays(14);

    /// <summary>True when the clocks run for this case.</summary>
    public static bool Applies(VulnerabilityCase c, bool productOnEuMarket)
    {
        ArgumentNullException.ThrowIfNull(c);
        return productOnEuMarket && c.ExploitedSince is not null;
    }

    /// <summary>The three deadlines at <paramref name="now"/>, or none when the clocks do not run.</summary>
    public static IReadOnlyList<CraDeadline> For(VulnerabilityCase c, bool productOnEuMarket, DateTime now)
    {
        if (!Applies(c, productOnEuMarket))
            return [];
        var aware = c.ExploitedSince!.Value;
        var fixedAt = c.ReachedAt(CaseState.Release);
        return
        [
            Deadline(CraReportKind.EarlyWarning, aware + EarlyWarning, c.SentAt(CraReportKind.EarlyWarning), now),
            Deadline(CraReportKind.Notification, aware + Notification, c.SentAt(CraReportKind.Notification), now),
            Deadline(CraReportKind.FinalReport, fixedAt + FinalReport, c.SentAt(CraReportKind.FinalReport), now),
        ];
    }

    private static CraDeadline Deadline(CraReportKind kind, DateTime? due, DateTime? sent, DateTime now) =>
        new(kind, due, sent, sent is not null ? CraReportStatus.Submitted : due is null ? CraReportStatus.Waiting : now > due ? CraReportStatus.Overdue : CraReportStatus.Due);
}
