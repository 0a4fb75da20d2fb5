using Shirube.Domain.Cases;
using Shirube.Domain.Metrics;

namespace Shirube.Domain.Tests.Metrics;

public class CaseMetricsTests
{
    private static readonly IReadOnlyList<ResponseLevel> Levels = ResponsePolicy.Default.Levels;
    private static readonly ResponseLevel Critical = Levels[0];
    private static readonly ResponseLevel Low = Levels[3];
    private static readonly Guid Router = Guid.NewGuid();
    private static readonly Guid Home = Guid.NewGuid();

    private static DateTime At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A history from offsets after the report: acknowledged, triaged, fixed, ended.</summary>
    private static CaseHistory Case(string number, ResponseLevel level, DateTime received, TimeSpan? ack = null, TimeSpan? triage = null, TimeSpan? fix = null,
        TimeSpan? ended = null, Guid? product = null, Guid? unit = null) =>
        new(number, product, unit, level, received, received + ack, received + triage, received + fix, received + ended);

    private static readonly DateTime Now = At(2026, 12, 30, 12);

    // Critical targets: acknowledge 1 day, triage 3 days, fix 14 days.
    private static readonly CaseHistory[] History =
    [
        Case("A: all in time, closed", Critical, At(2026, 11, 1), TimeSpan.FromHours(10), TimeSpan.FromDays(2), TimeSpan.FromDays(10), TimeSpan.FromDays(20), Router, Home),
        Case("B: triage and fix late, still open", Critical, At(2026, 11, 2), TimeSpan.FromHours(20), TimeSpan.FromDays(4), TimeSpan.FromDays(20), null, Router, Home),
        Case("C: acknowledged late, stuck in triage", Critical, At(2026, 11, 3), TimeSpan.FromHours(30), null, null, null, Router, Home),
        Case("D: just in, nothing due yet", Critical, At(2026, 12, 30, 6)),
        Case("E: rejected after acknowledgement", Low, At(2026, 6, 1), TimeSpan.FromDays(1), null, null, TimeSpan.FromDays(2), Router, Home),
        Case("F: received before the period", Critical, At(2025, 12, 31, 23, 59), TimeSpan.FromHours(1), null, null, TimeSpan.FromHours(2)),
    ];

    private static CaseMetricsReport Report() => CaseMetrics.Compute(History, Levels, At(2026, 1, 1), At(2027, 1, 1), Now);

    [Fact]
    public void Compute_DurationsPerLevel_MedianAndP90OfTheCasesThatReachedTheStep()
    {
        var report = Report();
        Assert.Equal(5, report.Cases);
        var critical = report.Durations.Where(d => d.Level == "Critical").ToDictionary(d => d.Step);
        Assert.Equal(new StepDurations("Critical", SlaStep.Acknowledge, 3, TimeSpan.FromHours(20), TimeSpan.FromHours(28)), critical[SlaStep.Acknowledge]);
        Assert.Equal(new StepDurations("Critical", SlaStep.Triage, 2, TimeSpan.FromDays(3), TimeSpan.FromDays(3.8)), critical[SlaStep.Triage]);
        Assert.Equal(new StepDurations("Critical", SlaStep.Fix, 2, TimeSpan.FromDays(15), TimeSpan.FromDays(19)), critical[SlaStep.Fix]);
        Assert.Equal(new StepDurations("High", SlaStep.Fix, 0, null, null), report.Durations.Single(d => d is { Level: "High", Step: SlaStep.Fix }));
        Assert.Equal(["Critical", "High", "Medium", "Low"], report.Durations.Select(d => d.Level).Distinct());
    }

    public sealed record SlaRow(SlaStep Step, int Met, int Breached, int Overdue, int Open)
    {
        public override string ToString() => $"Critical {Step}: {Met} met, {Breached} breached, {Overdue} overdue, {Open} open";
    }

    public static TheoryData<SlaRow> CriticalSla => new(
        new SlaRow(SlaStep.Acknowledge, 2, 1, 0, 1),
        new SlaRow(SlaStep.Triage, 1, 1, 1, 1),
        new SlaRow(SlaStep.Fix, 1, 1, 1, 1));

    [Theory]
    [MemberData(nameof(CriticalSla))]
    public void Compute_SlaPerTarget_CountsMetBreachedOverdueAndOpen(SlaRow row)
    {
        var sla = Report().Sla.Single(s => s.Level == "Critical" && s.Step == row.Step);
        Assert.Equal(row, new SlaRow(sla.Step, sla.Met, sla.Breached, sla.Overdue, sla.Open));
        Assert.Equal(row.Breached + row.Overdue, sla.Missed);
    }

    [Fact]
    public void Compute_ARejectedCase_OwesNoTriageOrFix()
    {
        var low = Report().Sla.Where(s => s.Level == "Low").ToDictionary(s => s.Step);
        Assert.Equal(1, low[SlaStep.Acknowledge].Met);
        Assert.Equal(0, low[SlaStep.Triage].Met + low[SlaStep.Triage].Breached + low[SlaStep.Triage].Overdue + low[SlaStep.Triage].Open);
    }

    [Fact]
    public void Compute_OpenCases_ByProductAndUnit_UnassignedAsNull()
    {
        var report = Report();
        Assert.Equal([new OpenCount(Router, 2), new OpenCount(null, 1)], report.OpenByProduct);
        Assert.Equal([new OpenCount(Home, 2), new OpenCount(null, 1)], report.OpenByUnit);
    }

    [Fact]
    public void Trend_TwelveMonthsAcrossTheYearEnd_PutsEachEventInItsUtcMonth()
    {
        CaseHistory[] cases =
        [
            Case("before the window", Critical, At(2026, 1, 31, 23, 59)),
            Case("December", Critical, At(2026, 12, 20), fix: TimeSpan.FromDays(16), ended: TimeSpan.FromDays(21)),
            Case("New Year's Eve", Critical, At(2026, 12, 31, 23, 30)),
            Case("New Year", Critical, At(2027, 1, 1)),
        ];
        var trend = CaseMetrics.Trend(cases, At(2027, 2, 1));
        Assert.Equal(12, trend.Count);
        Assert.Equal((2026, 2), (trend[0].Year, trend[0].Month));
        Assert.Equal((2027, 1), (trend[^1].Year, trend[^1].Month));
        Assert.Equal(0, trend.Sum(m => m.Opened) - 3);
        Assert.Equal(new MonthTrend(2026, 12, 2, 0, null, 0), trend[^2]);
        Assert.Equal(new MonthTrend(2027, 1, 1, 1, TimeSpan.FromDays(16), 1), trend[^1]);
    }

    public sealed record PercentileCase(string Name, double[] Hours, double P, double? Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<PercentileCase> Percentiles => new(
        new PercentileCase("no values, no median", [], 0.5, null),
        new PercentileCase("one value is every quantile", [7], 0.9, 7),
        new PercentileCase("even count: median is the mean of the middle two", [4, 1, 3, 2], 0.5, 2.5),
        new PercentileCase("odd count: median is the middle one", [9, 1, 5], 0.5, 5),
        new PercentileCase("p90 of 1..10 interpolates to 9.1", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1));

    [Theory]
    [MemberData(nameof(Percentiles))]
    public void Percentile_InterpolatesBetweenClosestRanks(PercentileCase c) =>
        Assert.Equal(c.Expected is { } e ? TimeSpan.FromHours(e) : null, CaseMetrics.Percentile([.. c.Hours.Select(TimeSpan.FromHours)], c.P));

    [Fact]
    public void Compute_PeriodEndingBeforeItStarts_IsRefused() =>
        Assert.Equal("Metrics.PeriodReversed", Assert.Throws<DomainException>(() => CaseMetrics.Compute(History, Levels, At(2026, 2, 1), At(2026, 1, 1), Now)).Error.Code);
}
