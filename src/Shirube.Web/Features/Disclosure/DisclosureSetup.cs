using Shirube.Web.Features.Disclosure.Exports;
using Shirube.Web.Features.Disclosure.Publishing;

namespace Shirube.Web.Features.Disclosure;

/// <summary>The disclosure feature (CSAF advisories of cases): its services and its API.</summary>
internal static class DisclosureSetup
{
    public static IServiceCollection AddDisclosure(this IServiceCollection services)
    {
        services.AddSingleton(sp => DisclosureSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<DisclosureViews>();
        services.AddScoped<DisclosureCommands>();
        services.AddDisclosureExports();
        services.AddDisclosurePublishing();
        return services;
    }

    public static WebApplication MapDisclosureApi(this WebApplication app)
    {
        app.MapDisclosureEndpoints();
        app.MapDisclosureExportsApi();
        app.MapDisclosurePublishing();
        return app;
    }
}
