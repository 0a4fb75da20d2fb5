namespace Shirube.Web.Features.Risk;

/// <summary>The risk matrix feature: its services and its API.</summary>
internal static class RiskSetup
{
    public static IServiceCollection AddRisk(this IServiceCollection services)
    {
        services.AddScoped<RiskMatrixViews>();
        services.AddScoped<RiskMatrixCommands>();
        return services;
    }

    public static WebApplication MapRiskApi(this WebApplication app)
    {
        app.MapRiskMatrixEndpoints();
        return app;
    }
}
