namespace Shirube.Web.Features.Cases;

/// <summary>The vulnerability cases, intake and CRA clocks feature: its services and its API.</summary>
internal static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddSingleton<CaseIntake>();
        services.AddScoped<CaseViews>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<CraViews>();
        services.AddSingleton(sp => ResponseLevels.FromSettings(sp.GetRequiredService<IConfiguration>()));
        return services;
    }

    public static WebApplication MapCasesApi(this WebApplication app)
    {
        app.MapCaseEndpoints();
        app.MapCraEndpoints();
        return app;
    }
}
