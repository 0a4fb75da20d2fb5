namespace Shirube.Web.Features.Baselines;

/// <summary>The tailored baselines feature: its services and its API.</summary>
internal static class BaselinesSetup
{
    public static IServiceCollection AddBaselines(this IServiceCollection services)
    {
        services.AddScoped<BaselineViews>();
        services.AddScoped<BaselineCommands>();
        return services;
    }

    public static WebApplication MapBaselinesApi(this WebApplication app)
    {
        app.MapBaselineEndpoints();
        return app;
    }
}
