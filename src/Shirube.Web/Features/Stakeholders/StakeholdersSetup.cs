namespace Shirube.Web.Features.Stakeholders;

/// <summary>The stakeholder registry feature: its services and its API.</summary>
internal static class StakeholdersSetup
{
    public static IServiceCollection AddStakeholders(this IServiceCollection services)
    {
        services.AddScoped<StakeholderViews>();
        services.AddScoped<StakeholderCommands>();
        return services;
    }

    public static WebApplication MapStakeholdersApi(this WebApplication app)
    {
        app.MapStakeholderEndpoints();
        return app;
    }
}
