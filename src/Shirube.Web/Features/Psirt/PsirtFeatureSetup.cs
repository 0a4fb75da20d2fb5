namespace Shirube.Web.Features.Psirt;

/// <summary>The PSIRT organisation and maturity feature: its services and its API.</summary>
internal static class PsirtFeatureSetup
{
    public static IServiceCollection AddPsirt(this IServiceCollection services)
    {
        services.AddSingleton(_ => Shirube.Formats.Psirt.PsirtFrameworkReader.Load());
        services.AddScoped<MaturityViews>();
        services.AddScoped<MaturityCommands>();
        services.AddScoped<PsirtOrganisationViews>();
        services.AddScoped<PsirtOrganisationCommands>();
        return services;
    }

    public static WebApplication MapPsirtApi(this WebApplication app)
    {
        app.MapMaturityEndpoints();
        app.MapPsirtOrganisationEndpoints();
        return app;
    }
}
