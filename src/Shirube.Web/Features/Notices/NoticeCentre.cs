namespace Shirube.Web.Features.Notices;

/// <summary>
/// One notice: <c>Kind</c> is CraReport, NotificationOverdue, SupportEnding, SupportEnded or NewFindings; <c>Level</c>
/// error (past a deadline) or warning (one near, or new findings); <c>Subject</c> the case or incident number or the
/// product version; <c>Detail</c> the report kind, the stakeholder group, or the number of new findings.
/// </summary>
internal sealed record NoticeDto(string Kind, string Level, string Subject, string Title, string? Product, string? Detail, DateTime DueAt, string Href);

/// <summary>
/// The settings of the notices: how near a CRA deadline and how near the end of a version's security support must be
/// (Shirube:Notices:SupportWarningDays, default 90) to make a notice. The product page shows support with the same warning.
/// </summary>
internal sealed class NoticeCentre(IConfiguration config)
{
    /// <summary>How close a CRA deadline must be to make a notice.</summary>
    public static readonly TimeSpan CraWarning = TimeSpan.FromHours(12);

    /// <summary>Days before the end of support that a version gets a warning.</summary>
    public int SupportWarningDays => Math.Clamp(config.GetValue("Shirube:Notices:SupportWarningDays", 90), 0, 3650);
}
