using Shirube.Domain.Cases;

namespace Shirube.Domain.Metrics;

/// <summary>What the metrics need to know of one case: when it reached each step, where it belongs, its response level.</summary>
/// <param name="Number">The case number.</param>
/// <param name="ProductId">The product, once assigned.</param>
/// <param name="BusinessUnitId">The handling unit, once assigned.</param>
/// <param name="Level">The response level.</param>
/// <param name="ReceivedAt">When it came in.</param>
/// <param name="AcknowledgedAt">When it was acknowledged.</param>
/// <param name="TriagedAt">When triage ended (the case reached Analysis).</param>
/// <param name="FixedAt">When the fix was released (the case reached Release).</param>
/// <param name="EndedAt">When it ended: closed, rejected or duplicate.</param>
public sealed record CaseHistory(string Number, Guid? ProductId, Guid? BusinessUnitId, ResponseLevel Level, DateTime ReceivedAt,
    DateTime? AcknowledgedAt, DateTime? TriagedAt, DateTime? FixedAt, DateTime? EndedAt)
{
    /// <summary>The history of a case at its response level.</summary>
    public static CaseHistory Of(VulnerabilityCase c, ResponseLevel level)
    {
        ArgumentNullException.ThrowIfNull(c);
        var ended = c.Transitions.Where(t => CaseWorkflow.IsFinal(t.To)).Select(t => (DateTime?)t.At).FirstOrDefault();
        return new(c.Number, c.ProductId, c.BusinessUnitId, level, c.ReceivedAt, c.ReachedAt(CaseState.Acknowledged),
            c.ReachedAt(CaseState.Analysis), c.ReachedAt(CaseState.Release), ended);
    }

    /// <summary>When the case reached an SLA step (Acknowledge, Triage, Fix).</summary>
    public DateTime? Reached(SlaStep step) => step switch
    {
        SlaStep.Acknowledge => AcknowledgedAt,
        SlaStep.Triage => TriagedAt,
        _ => FixedAt,
    };
}

/// <summary>The three SLA steps, each counted from when the report came in.</summary>
public enum SlaStep
{
    /// <summary>The reporter is told the report arrived.</summary>
    Acknowledge,
    /// <summary>Triage ends (Analysis begins).</summary>
    Triage,
    /// <summary>The fix is released.</summary>
    Fix,
}

/// <summary>Durations of one step at one level.</summary>
/// <param name="Level">The response level.</param>
/// <param name="Step">The step.</param>
/// <param name="Count">Cases that reached the step.</param>
/// <param name="Median">Median time from report to step, null without cases.</param>
/// <param name="P90">90th percentile, null without cases.</param>
public sealed record StepDurations(string Level, SlaStep Step, int Count, TimeSpan? Median, TimeSpan? P90);

/// <summary>How one SLA target (level × step) stood for the cases of the period.</summary>
/// <param name="Level">The response level.</param>
/// <param name="Step">The step.</param>
/// <param name="Target">The target, from the report.</param>
/// <param name="Met">Reached in time.</param>
/// <param name="Breached">Reached late.</param>
/// <param name="Overdue">Not reached and past the target.</param>
/// <param name="Open">Not reached, time left. Cases that ended (rejected, duplicate) without reaching the step count nowhere.</param>
public sealed record SlaCount(string Level, SlaStep Step, TimeSpan Target, int Met, int Breached, int Overdue, int Open)
{
    /// <summary>Breached plus overdue: every case that missed the target.</summary>
    public int Missed => Breached + Overdue;
}

/// <summary>Open cases of one product or unit (null: not yet assigned).</summary>
/// <param name="Id">The product or unit.</param>
/// <param name="Open">Open cases.</param>
public sealed record OpenCount(Guid? Id, int Open);

/// <summary>One month of the trend.</summary>
/// <param name="Year">Year.</param>
/// <param name="Month">Month, 1–12.</param>
/// <param name="Opened">Cases received in the month.</param>
/// <param name="Closed">Cases ended in the month (closed, rejected, duplicate).</param>
/// <param name="MedianTimeToFix">Median time from report to released fix, of the fixes released in the month.</param>
/// <param name="Fixed">Fixes released in the month.</param>
public sealed record MonthTrend(int Year, int Month, int Opened, int Closed, TimeSpan? MedianTimeToFix, int Fixed);

/// <summary>The metrics of a set of cases.</summary>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="Cases">Cases received in the period.</param>
/// <param name="Durations">Time to acknowledge, triage and fix per level.</param>
/// <param name="Sla">SLA targets met and missed per level and step.</param>
/// <param name="OpenByProduct">Cases open now, per product, most first.</param>
/// <param name="OpenByUnit">Cases open now, per business unit, most first.</param>
/// <param name="Trend">The twelve months up to the end of the period, oldest first.</param>
public sealed record CaseMetricsReport(DateTime From, DateTime To, int Cases, IReadOnlyList<StepDurations> Durations, IReadOnlyList<SlaCount> Sla,
    IReadOnlyList<OpenCount> OpenByProduct, IReadOnlyList<OpenCount> OpenByUnit, IReadOnlyList<MonthTrend> Trend);

/// <summary>
/// PSIRT metrics from case histories: durations and SLA outcomes of the cases received in a period, cases open now,
/// and a twelve-month trend. Pure: the caller chooses the cases (scope) and the clock.
/// </summary>
public static class CaseMetrics
{
    /// <summary>Months in the trend.</summary>
    public const int TrendMonths = 12;

    /// <summary>Computes the report. <paramref name="from"/>–<paramref name="to"/> selects the cases received in the period (to exclusive).</summary>
    public static CaseMetricsReport Compute(IReadOnlyCollection<CaseHistory> cases, IReadOnlyList<ResponseLevel> levels, DateTime from, DateTime to, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(levels);
        Guard.That(to > from, MetricsErrors.PeriodReversed());
        var period = cases.Where(c => c.ReceivedAt >= from && c.ReceivedAt < to).ToList();
        var steps = Enum.GetValues<SlaStep>();
        var durations = new List<StepDurations>();
        var sla = new List<SlaCount>();
        foreach (var level in levels.OrderBy(l => l.Rank))
        {
            var atLevel = period.Where(c => c.Level.Name == level.Name).ToList();
            foreach (var step in steps)
            {
                var times = atLevel.Where(c => c.Reached(step) is not null).Select(c => c.Reached(step)!.Value - c.ReceivedAt).ToList();
                durations.Add(new(level.Name, step, times.Count, Percentile(times, 0.5), Percentile(times, 0.9)));
                var target = TargetOf(level, step);
                int met = 0, breached = 0, overdue = 0, open = 0;
                foreach (var c in atLevel)
                {
                    var due = c.ReceivedAt + target;
                    switch (c.Reached(step))
                    {
                        case { } reached when reached <= due: met++; break;
                        case not null: breached++; break;
                        // A case that ended (rejected, duplicate) without reaching the step owes nothing more: not counted.
                        case null when c.EndedAt is not null: break;
                        case null when now <= due: open++; break;
                        default: overdue++; break;
                    }
                }
                sla.Add(new(level.Name, step, target, met, breached, overdue, open));
            }
        }
        var openNow = cases.Where(c => c.EndedAt is null || c.EndedAt > now).Where(c => c.ReceivedAt <= now).ToList();
        return new CaseMetricsReport(from, to, period.Count, durations, sla, Open(openNow, c => c.ProductId), Open(openNow, c => c.BusinessUnitId), Trend(cases, to));
    }

    private static TimeSpan TargetOf(ResponseLevel level, SlaStep step) => step switch
    {
        SlaStep.Acknowledge => level.Acknowledge,
        SlaStep.Triage => level.Triage,
        _ => level.Fix,
    };

    private static OpenCount[] Open(List<CaseHistory> open, Func<CaseHistory, Guid?> key) =>
        [.. open.GroupBy(key).Select(g => new OpenCount(g.Key, g.Count())).OrderByDescending(o => o.Open).ThenBy(o => o.Id)];

    /// <summary>
    /// The twelve calendar months (UTC) ending with the month of the instant before <paramref name="to"/>: cases opened
    /// and ended per month, and the median time to fix of the fixes released in each month.
    /// </summary>
    public static IReadOnlyList<MonthTrend> Trend(IEnumerable<CaseHistory> cases, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases.ToList();
        var last = to.AddTicks(-1);
        var end = new DateTime(last.Year, last.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var months = new List<MonthTrend>();
        for (var n = TrendMonths - 1; n >= 0; n--)
        {
            var start = end.AddMonths(-n);
            var next = start.AddMonths(1);
            bool In(DateTime? at) => at >= start && at < next;
            var fixes = list.Where(c => In(c.FixedAt)).Select(c => c.FixedAt!.Value - c.ReceivedAt).ToList();
            months.Add(new(start.Year, start.Month, list.Count(c => In(c.ReceivedAt)), list.Count(c => In(c.EndedAt)), Percentile(fixes, 0.5), fixes.Count));
        }
        return months;
    }

    /// <summary>
    /// The <paramref name="p"/> quantile by linear interpolation between the closest ranks (as Excel's PERCENTILE.INC
    /// and R's default): the median of an even count is the mean of the middle two; null for no values.
    /// </summary>
    public static TimeSpan? Percentile(IReadOnlyCollection<TimeSpan> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (p is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile is 0 to 1.");
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        var fraction = rank - low;
        return sorted[low] + TimeSpan.FromTicks((long)Math.Round((sorted[high] - sorted[low]).Ticks * fraction));
    }
}
