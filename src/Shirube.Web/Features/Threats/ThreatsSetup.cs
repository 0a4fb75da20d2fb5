namespace Shirube.Web.Features.Threats;

/// <summary>The threat register feature: its services and its API.</summary>
internal static class ThreatsSetup
{
    public static IServiceCollection AddThreats(this IServiceCollection services)
    {
        services.AddScoped<ThreatViews>();
        services.AddScoped<ThreatCommands>();
        return services;
    }

    public static WebApplication MapThreatsApi(this WebApplication app)
    {
        app.MapThreatEndpoints();
        return app;
    }
}
