namespace Shirube.Web.Features.Demo;

/// <summary>The example portfolio feature: its services and its API.</summary>
internal static class DemoSetup
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoCommands>();
        return services;
    }

    public static WebApplication MapDemoApi(this WebApplication app)
    {
        app.MapDemoEndpoints();
        return app;
    }
}
