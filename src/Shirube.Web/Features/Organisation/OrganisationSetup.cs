namespace Shirube.Web.Features.Organisation;

/// <summary>The business units and users feature: its services and its API.</summary>
internal static class OrganisationSetup
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<OrganisationViews>();
        services.AddScoped<OrganisationCommands>();
        return services;
    }

    public static WebApplication MapOrganisationApi(this WebApplication app)
    {
        app.MapOrganisationEndpoints();
        return app;
    }
}
