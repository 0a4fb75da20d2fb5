namespace Shirube.Web.Features.Metrics;

/// <summary>The case metrics feature: its services and its API.</summary>
internal static class MetricsSetup
{
    public static IServiceCollection AddCaseMetrics(this IServiceCollection services)
    {
        services.AddScoped<MetricsViews>();
        return services;
    }

    public static WebApplication MapCaseMetricsApi(this WebApplication app)
    {
        app.MapMetricsEndpoints();
        return app;
    }
}
