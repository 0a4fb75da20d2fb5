namespace Shirube.Web.Features.Metrics;

/// <summary>PSIRT metrics over the cases the caller may see.</summary>
internal static class MetricsEndpoints
{
    public static WebApplication MapMetricsEndpoints(this WebApplication app)
    {
        app.MapGet("/api/metrics/cases", async (DateTime? from, DateTime? to, Guid? unit, MetricsViews views) =>
            TypedResults.Ok(await views.CasesAsync(from, to, unit)))
          .RequireAuthorization().WithTags("Metrics")
          .WithSummary("Case metrics over the cases the caller may see (unit= narrows to one business unit): time to acknowledge, triage and fix per response level (count, median, 90th percentile, hours) and SLA outcomes of the cases received from–to (default: the last twelve months); cases open now by product and unit; opened, closed and median days to fix per month for the twelve months up to to.");
        return app;
    }
}
