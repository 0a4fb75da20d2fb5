using Shirube.Domain.Cases;
using Shirube.Domain.Incidents;

namespace Shirube.Domain.Tests.Incidents;

public class IncidentTests
{
    private static readonly DateTime Aware = new(2027, 1, 29, 9, 0, 0, DateTimeKind.Utc);

    private static Incident Open(IncidentSeverity severity = IncidentSeverity.High, DateTime? aware = null) =>
        Incident.Open("INC-2027-001", "Routers in a botnet", "HR-300 routers are used for DDoS attacks.", severity, (aware ?? Aware).AddHours(-2), aware ?? Aware, "hana", aware ?? Aware);

    [Fact]
    public void MoveTo_FollowsOpenContainedResolvedClosed_WithItsGuards_AndRecordsEveryStep()
    {
        var incident = Open();
        var skip = Assert.Throws<DomainException>(() => incident.MoveTo(IncidentState.Resolved, "hana", Aware, null)).Error;
        Assert.Equal(("Incidents.CannotMove", ErrorKind.Conflict), (skip.Code, skip.Kind));
        Assert.Equal(new object?[] { IncidentState.Open, IncidentState.Resolved }, skip.Args);
        Assert.Equal("Incidents.ContainmentNeedsAction", Assert.Throws<DomainException>(() => incident.MoveTo(IncidentState.Contained, "hana", Aware, null)).Error.Code);
        incident.Record(Aware.AddHours(1), TimelineKind.Action, "Blocked telnet at the relay.", "hana", Aware.AddHours(2));
        incident.MoveTo(IncidentState.Contained, "hana", Aware.AddHours(2), null);
        incident.MoveTo(IncidentState.Resolved, "hana", Aware.AddHours(3), null);
        Assert.Equal("Incidents.ClosureNeedsDecision", Assert.Throws<DomainException>(() => incident.MoveTo(IncidentState.Closed, "hana", Aware.AddHours(4), null)).Error.Code);
        incident.Record(Aware.AddHours(4), TimelineKind.Decision, "Close.", "ken", Aware.AddHours(4));
        incident.MoveTo(IncidentState.Closed, "ken", Aware.AddHours(4), "Done.");
        Assert.Equal([IncidentState.Open, IncidentState.Contained, IncidentState.Resolved, IncidentState.Closed], incident.Transitions.Select(t => t.To));
        Assert.Null(IncidentWorkflow.NextOf(IncidentState.Closed));
        Assert.Equal("Incidents.CannotMove", Assert.Throws<DomainException>(() => incident.MoveTo(IncidentState.Open, "ken", Aware.AddHours(5), null)).Error.Code);
        // The steps are the one transition record of every workflow: from, to, who, when, why, and whose.
        var closed = incident.Transitions[^1];
        Assert.Equal((incident.Id, (IncidentState?)IncidentState.Resolved, IncidentState.Closed, "ken", Aware.AddHours(4), "Done."),
            (closed.OwnerId, closed.From, closed.To, closed.By, closed.At, closed.Reason));
        Assert.Null(incident.Transitions[0].From);
    }

    [Theory]
    [InlineData("no", "Routers are used for DDoS attacks.", 0, 0, "title", "Common.Length")]
    [InlineData("  ", "Routers are used for DDoS attacks.", 0, 0, "title", "Common.Required")]
    [InlineData("Botnet", "short", 0, 0, "summary", "Common.Length")]
    [InlineData("Botnet", "Routers are used for DDoS attacks.", 0, -1, "becameAwareAt", "Incidents.AwareBeforeDetected")]
    [InlineData("Botnet", "Routers are used for DDoS attacks.", 48, 48, "becameAwareAt", "Common.InFuture")]
    public void Open_RefusesBadInput_NamingTheField(string title, string summary, int detectedHoursFromNow, int awareHoursFromNow, string field, string code)
    {
        var e = Assert.Throws<DomainException>(() => Incident.Open("INC-2027-001", title, summary, IncidentSeverity.Low, Aware.AddHours(detectedHoursFromNow), Aware.AddHours(awareHoursFromNow), "hana", Aware));
        Assert.Equal((field, code), (e.Field, e.Error.Code));
    }

    [Fact]
    public void TimelineNotificationsAndCraReports_AreRefusedWithCodes()
    {
        var incident = Open();
        Assert.Equal(("at", "Common.InFuture"), Field(() => incident.Record(Aware.AddHours(1), TimelineKind.Action, "Later.", "hana", Aware)));
        Assert.Equal(("text", "Common.Required"), Field(() => incident.Record(Aware, TimelineKind.Action, " ", "hana", Aware)));
        Assert.Equal(("kind", "Common.UnknownValue"), Field(() => incident.Record(Aware, (TimelineKind)42, "x", "hana", Aware)));
        Assert.Equal(("recipient", "Common.TooLong"), Field(() => incident.Notify(StakeholderGroup.Legal, new string('x', 201), NotificationChannel.Email, Aware, "hana", null, Aware)));
        Assert.Equal(("sentAt", "Common.InFuture"), Field(() => incident.Notify(StakeholderGroup.Legal, "Legal", NotificationChannel.Email, Aware.AddDays(1), "hana", null, Aware)));
        Assert.Equal("Incidents.NotSevere", Assert.Throws<DomainException>(() => incident.RecordSent(CraReportKind.EarlyWarning, Aware)).Error.Code);
        incident.MarkSevere(true);
        Assert.Equal("Incidents.FinalReportBeforeNotification", Assert.Throws<DomainException>(() => incident.RecordSent(CraReportKind.FinalReport, Aware)).Error.Code);
        incident.RecordSent(CraReportKind.EarlyWarning, Aware);
        var twice = Assert.Throws<DomainException>(() => incident.RecordSent(CraReportKind.EarlyWarning, Aware)).Error;
        Assert.Equal(("Incidents.ReportSentAlready", ErrorKind.Conflict, (object?)CraReportKind.EarlyWarning), (twice.Code, twice.Kind, twice.Args[0]));
    }

    private static (string? Field, string Code) Field(Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        return (e.Field, e.Error.Code);
    }

    [Fact]
    public void Statements_AreDraftsUntilApproved_AndAChangedTextNeedsApprovalAgain()
    {
        var incident = Open();
        Assert.Equal("Incidents.NoStatementToApprove", Assert.Throws<DomainException>(() => incident.ApproveStatement("ja", "boss", Aware)).Error.Code);
        incident.SaveStatement("ja", "お知らせ", "hana", Aware);
        Assert.Equal(StatementStatus.Approved, incident.ApproveStatement("ja", "boss", Aware).Status);
        incident.SaveStatement("ja", "お知らせ", "hana", Aware.AddHours(1));
        Assert.Equal(StatementStatus.Approved, incident.StatementIn("ja")!.Status);
        Assert.Equal("Incidents.StatementApprovedAlready", Assert.Throws<DomainException>(() => incident.ApproveStatement("ja", "boss", Aware)).Error.Code);
        incident.SaveStatement("ja", "お知らせ(更新)", "hana", Aware.AddHours(1));
        Assert.Equal((StatementStatus.Draft, (string?)null), (incident.StatementIn("ja")!.Status, incident.StatementIn("ja")!.ApprovedBy));
        var language = Assert.Throws<DomainException>(() => incident.SaveStatement("fr", "Avis", "hana", Aware));
        Assert.Equal(("language", "Incidents.UnknownLanguage"), (language.Field, language.Error.Code));
    }

    [Fact]
    public void StatementTemplate_NamesProductVersionsSeverityAndWhatToDo_InBothLanguages()
    {
        var incident = Open(IncidentSeverity.Critical);
        incident.Describe(incident.Title, incident.Summary, "Update to 2.0.1.", IncidentSeverity.Critical, incident.DetectedAt, incident.BecameAwareAt, Aware);
        var ja = StatementTemplate.Draft("ja", incident, "HR-300", ["1.0", "2.0"]);
        var en = StatementTemplate.Draft("en", incident, "HR-300", ["1.0", "2.0"]);
        Assert.Contains("HR-300(バージョン 1.0、2.0)", ja, StringComparison.Ordinal);
        Assert.Contains("緊急", ja, StringComparison.Ordinal);
        Assert.Contains("HR-300 (versions 1.0, 2.0)", en, StringComparison.Ordinal);
        Assert.Contains("Critical", en, StringComparison.Ordinal);
        Assert.Contains("Update to 2.0.1.", en, StringComparison.Ordinal);
        Assert.Contains("No particular product", StatementTemplate.Draft("en", Open(), null, []), StringComparison.Ordinal);
        Assert.Equal("Incidents.UnknownLanguage", Assert.Throws<DomainException>(() => StatementTemplate.Draft("fr", Open(), null, [])).Error.Code);
    }
}

public class NotificationMatrixTests
{
    private static readonly DateTime Aware = new(2027, 1, 29, 9, 0, 0, DateTimeKind.Utc);

    public sealed record Row(string Name, IncidentSeverity Severity, string[] Groups)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Row> Defaults => new(
        new Row("critical: everyone", IncidentSeverity.Critical, ["Management", "PublicRelations", "Legal", "Customers", "Regulators", "Coordinators", "Suppliers"]),
        new Row("high: all but regulators", IncidentSeverity.High, ["Management", "PublicRelations", "Legal", "Customers", "Coordinators", "Suppliers"]),
        new Row("moderate: management and suppliers", IncidentSeverity.Moderate, ["Management", "Suppliers"]),
        new Row("low: management only", IncidentSeverity.Low, ["Management"]));

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Default_NamesMoreGroupsTheWorseTheIncident(Row row)
    {
        var incident = Incident.Open("INC-2027-001", "Botnet", "Routers are used for DDoS attacks.", row.Severity, Aware, Aware, "hana", Aware);
        Assert.Equal(row.Groups, NotificationMatrix.For(incident, NotificationMatrix.Default(), Aware).Select(d => d.Group.ToString()));
    }

    [Fact]
    public void For_SaysNotifiedLatePendingOrOverdue_AgainstTheTarget()
    {
        var incident = Incident.Open("INC-2027-001", "Botnet", "Routers are used for DDoS attacks.", IncidentSeverity.High, Aware, Aware, "hana", Aware);
        incident.Notify(StakeholderGroup.Management, "CEO", NotificationChannel.Phone, Aware.AddHours(5), "hana", null, Aware.AddHours(5));
        incident.Notify(StakeholderGroup.Legal, "Legal dept.", NotificationChannel.Email, Aware.AddHours(3), "hana", null, Aware.AddHours(5));
        var status = NotificationMatrix.For(incident, NotificationMatrix.Default(), Aware.AddHours(25)).ToDictionary(d => d.Group, d => d.Status);
        Assert.Equal(NotificationStatus.Late, status[StakeholderGroup.Management]);
        Assert.Equal(NotificationStatus.Notified, status[StakeholderGroup.Legal]);
        Assert.Equal(NotificationStatus.Overdue, status[StakeholderGroup.PublicRelations]);
        Assert.Equal(NotificationStatus.Pending, status[StakeholderGroup.Customers]);
        var target = Assert.Throws<DomainException>(() => NotificationRule.Create(IncidentSeverity.Low, StakeholderGroup.Legal, 0));
        Assert.Equal(("targetHours", "Common.OutOfRange"), (target.Field, target.Error.Code));
    }
}

public class IncidentCraClockTests
{
    public sealed record MonthCase(string Name, DateTime NotificationSent, DateTime FinalDue)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<MonthCase> Months => new(
        new MonthCase("sent 31 January 2027: due 28 February", new(2027, 1, 31, 10, 0, 0, DateTimeKind.Utc), new(2027, 2, 28, 10, 0, 0, DateTimeKind.Utc)),
        new MonthCase("sent 31 January 2028 (leap year): due 29 February", new(2028, 1, 31, 10, 0, 0, DateTimeKind.Utc), new(2028, 2, 29, 10, 0, 0, DateTimeKind.Utc)),
        new MonthCase("sent 30 April: due 30 May", new(2027, 4, 30, 10, 0, 0, DateTimeKind.Utc), new(2027, 5, 30, 10, 0, 0, DateTimeKind.Utc)),
        new MonthCase("sent 15 December: due 15 January next year", new(2027, 12, 15, 10, 0, 0, DateTimeKind.Utc), new(2028, 1, 15, 10, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [MemberData(nameof(Months))]
    public void FinalReport_IsDueOneCalendarMonthAfterTheNotificationWasSent(MonthCase c)
    {
        var aware = c.NotificationSent.AddHours(-30);
        var incident = Incident.Open("INC-2027-001", "Botnet", "Routers are used for DDoS attacks.", IncidentSeverity.High, aware, aware, "hana", aware);
        incident.MarkSevere(true);
        incident.RecordSent(CraReportKind.Notification, c.NotificationSent);
        var final = CraClock.For(incident, productOnEuMarket: true, c.NotificationSent)[2];
        Assert.Equal((c.FinalDue, false, CraReportStatus.Due), (final.DueAt!.Value, final.Provisional, final.Status));
    }

    [Fact]
    public void Clocks_RunFromBecomingAware_OnlyWhenSevereOnTheEuMarket_AndTheFinalReportIsProvisionalUntilTheNotification()
    {
        var aware = new DateTime(2027, 1, 29, 9, 0, 0, DateTimeKind.Utc);
        var incident = Incident.Open("INC-2027-001", "Botnet", "Routers are used for DDoS attacks.", IncidentSeverity.High, aware, aware, "hana", aware);
        Assert.Empty(CraClock.For(incident, productOnEuMarket: true, aware));
        incident.MarkSevere(true);
        Assert.Empty(CraClock.For(incident, productOnEuMarket: false, aware));
        var clocks = CraClock.For(incident, productOnEuMarket: true, aware.AddHours(25));
        Assert.Equal([aware.AddHours(24), aware.AddHours(72), new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc)], clocks.Select(d => d.DueAt!.Value));
        Assert.Equal([CraReportStatus.Overdue, CraReportStatus.Due, CraReportStatus.Due], clocks.Select(d => d.Status));
        Assert.True(clocks[2].Provisional);
        Assert.Equal("Incidents.FinalReportBeforeNotification", Assert.Throws<DomainException>(() => incident.RecordSent(CraReportKind.FinalReport, aware)).Error.Code);
    }
}
