namespace Shirube.Web.Features.Incidents;

/// <summary>The incidents and the notification matrix feature: its services and its API.</summary>
internal static class IncidentsSetup
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<IncidentViews>();
        services.AddScoped<IncidentCommands>();
        return services;
    }

    public static WebApplication MapIncidentsApi(this WebApplication app)
    {
        app.MapIncidentEndpoints();
        return app;
    }
}
