using Shirube.Domain.Cases;

namespace Shirube.Domain.Tests.Cases;

public class CraClockTests
{
    private static readonly DateTime Reported = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static VulnerabilityCase Case()
    {
        var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Telnet root password", "Port 23 accepts root / admin.", "HR-300", null, Reported);
        return c;
    }

    private static VulnerabilityCase Released(DateTime flagged, DateTime released)
    {
        var c = Case();
        c.MarkExploited(true, flagged);
        c.Assign(Guid.NewGuid(), Guid.NewGuid(), [Guid.NewGuid()]);
        c.Analyse("CWE-798", null, null);
        c.Plan("2.0.1 removes the account.", null, null, null);
        foreach (var s in new[] { CaseState.Acknowledged, CaseState.Triage, CaseState.Analysis, CaseState.Remediation })
            c.MoveTo(s, "hana", flagged, null);
        c.MoveTo(CaseState.Release, "hana", released, null);
        return c;
    }

    public sealed record ClockCase(string Name, double HoursAfterFlag, CraReportStatus EarlyWarning, CraReportStatus Notification)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<ClockCase> Clocks => new(
        new ClockCase("just flagged: both due", 0, CraReportStatus.Due, CraReportStatus.Due),
        new ClockCase("23 h 59 min: early warning still due", 23.98, CraReportStatus.Due, CraReportStatus.Due),
        new ClockCase("25 h: early warning overdue", 25, CraReportStatus.Overdue, CraReportStatus.Due),
        new ClockCase("73 h: both overdue", 73, CraReportStatus.Overdue, CraReportStatus.Overdue));

    [Theory]
    [MemberData(nameof(Clocks))]
    public void EarlyWarningAndNotification_RunFromTheFlag_OnTheEuMarket(ClockCase c)
    {
        var flagged = Reported.AddHours(5);
        var vulnerability = Case();
        vulnerability.MarkExploited(true, flagged);

        var deadlines = CraClock.For(vulnerability, productOnEuMarket: true, flagged.AddHours(c.HoursAfterFlag));

        Assert.Equal(flagged.AddHours(24), deadlines[0].DueAt);
        Assert.Equal(c.EarlyWarning, deadlines[0].Status);
        Assert.Equal(flagged.AddHours(72), deadlines[1].DueAt);
        Assert.Equal(c.Notification, deadlines[1].Status);
        Assert.Equal(CraReportStatus.Waiting, deadlines[2].Status);
        Assert.Null(deadlines[2].DueAt);
    }

    [Fact]
    public void Clocks_DoNotRun_OffTheEuMarketOrWithoutTheFlag()
    {
        var c = Case();
        Assert.Empty(CraClock.For(c, productOnEuMarket: true, Reported));
        c.MarkExploited(true, Reported);
        Assert.Empty(CraClock.For(c, productOnEuMarket: false, Reported));
        // Flagging again keeps the first time: becoming aware happens once.
        c.MarkExploited(true, Reported.AddDays(3));
        Assert.Equal(Reported, c.ExploitedSince);
    }

    [Fact]
    public void FinalReport_IsDueFourteenDaysAfterTheFix_AndSentReportsStopTheClock()
    {
        var flagged = Reported.AddHours(1);
        var released = Reported.AddDays(10);
        var c = Released(flagged, released);

        var before = CraClock.For(c, true, released.AddDays(13));
        Assert.Equal(released.AddDays(14), before[2].DueAt);
        Assert.Equal(CraReportStatus.Due, before[2].Status);
        Assert.Equal(24, before[2].Left(released.AddDays(13))!.Value.TotalHours);
        Assert.Equal(CraReportStatus.Overdue, CraClock.For(c, true, released.AddDays(15))[2].Status);

        c.RecordSent(CraReportKind.EarlyWarning, flagged.AddHours(20));
        c.RecordSent(CraReportKind.FinalReport, released.AddDays(15));
        var after = CraClock.For(c, true, released.AddDays(20));
        Assert.Equal([CraReportStatus.Submitted, CraReportStatus.Overdue, CraReportStatus.Submitted], after.Select(d => d.Status));
        Assert.Equal("Cases.AlreadySent", Assert.Throws<DomainException>(() => c.RecordSent(CraReportKind.EarlyWarning, released)).Error.Code);
    }

    [Fact]
    public void FinalReport_BeforeTheFix_OrReportsWithoutTheFlag_AreRefused()
    {
        var c = Case();
        Assert.Equal("Cases.NotExploited", Assert.Throws<DomainException>(() => c.RecordSent(CraReportKind.EarlyWarning, Reported)).Error.Code);
        c.MarkExploited(true, Reported);
        var e = Assert.Throws<DomainException>(() => c.RecordSent(CraReportKind.FinalReport, Reported));
        Assert.Equal(("Cases.FinalReportBeforeRelease", ErrorKind.Conflict), (e.Error.Code, e.Error.Kind));
    }
}
