using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;
using Shirube.Domain.Metrics;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Metrics;

internal sealed record DurationDto(string Level, string Step, int Count, double? MedianHours, double? P90Hours);

internal sealed record SlaCountDto(string Level, string Step, double TargetHours, int Met, int Breached, int Overdue, int Open, int Missed);

internal sealed record OpenCountDto(Guid? Id, string? Name, int Open);

internal sealed record MonthDto(string Month, int Opened, int Closed, int Fixed, double? MedianDaysToFix);

internal sealed record CaseMetricsDto(DateTime From, DateTime To, int Cases, DurationDto[] Durations, SlaCountDto[] Sla,
    OpenCountDto[] OpenByProduct, OpenCountDto[] OpenByUnit, MonthDto[] Trend);

/// <summary>PSIRT metrics over the cases the caller may see.</summary>
internal static class MetricsEndpoints
{
    public static WebApplication MapMetricsEndpoints(this WebApplication app)
    {
        app.MapGet("/api/metrics/cases", async Task<Results<Ok<CaseMetricsDto>, ValidationProblem, ProblemHttpResult>> (DateTime? from, DateTime? to, Guid? unit,
            ShirubeDbContext db, ResponsePolicy policy, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var start = from is { } f ? DateTime.SpecifyKind(f.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null;
            var end = to is { } t ? DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null;
            if (start >= (end ?? now))
                return Problems.Invalid("from", "The period starts before it ends (from < to).");
            if (unit is { } u && !await db.BusinessUnits.AnyAsync(b => b.Id == u && (db.Actor.Scope.SeesAllUnits || db.Actor.Scope.UnitIds.Contains(b.Id))))
                return Problems.NotFound($"No business unit {u} among yours.");
            var report = await CaseMetricsQuery.RunAsync(db, policy, now, start, end, unit);
            var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name);
            var units = await db.BusinessUnits.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code);
            return TypedResults.Ok(ToDto(report, products, units));
        }).RequireAuthorization().WithTags("Metrics")
          .WithSummary("Case metrics over the cases the caller may see (unit= narrows to one business unit): time to acknowledge, triage and fix per response level (count, median, 90th percentile, hours) and SLA outcomes of the cases received from–to (default: the last twelve months); cases open now by product and unit; opened, closed and median days to fix per month for the twelve months up to to.");
        return app;
    }

    private static double? Hours(TimeSpan? t) => t is { } v ? Math.Round(v.TotalHours, 1) : null;

    internal static CaseMetricsDto ToDto(CaseMetricsReport r, IReadOnlyDictionary<Guid, string> products, IReadOnlyDictionary<Guid, string> units) => new(
        r.From, r.To, r.Cases,
        [.. r.Durations.Select(d => new DurationDto(d.Level, d.Step.ToString(), d.Count, Hours(d.Median), Hours(d.P90)))],
        [.. r.Sla.Select(s => new SlaCountDto(s.Level, s.Step.ToString(), s.Target.TotalHours, s.Met, s.Breached, s.Overdue, s.Open, s.Missed))],
        [.. r.OpenByProduct.Select(o => new OpenCountDto(o.Id, o.Id is { } id ? products.GetValueOrDefault(id) : null, o.Open))],
        [.. r.OpenByUnit.Select(o => new OpenCountDto(o.Id, o.Id is { } id ? units.GetValueOrDefault(id) : null, o.Open))],
        [.. r.Trend.Select(m => new MonthDto($"{m.Year:D4}-{m.Month:D2}", m.Opened, m.Closed, m.Fixed, m.MedianTimeToFix is { } f ? Math.Round(f.TotalDays, 1) : null))]);
}
