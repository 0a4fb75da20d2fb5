using Shirube.Formats.Components;
using Shirube.Web.Features.Cases;

namespace Shirube.Web.Features.Components;

/// <summary>The components feature: SBOMs per product version, findings, "am I affected?"; its services and its API.</summary>
internal static class ComponentsSetup
{
    public static IServiceCollection AddComponents(this IServiceCollection services)
    {
        services.AddSingleton<SbomParser>(SbomReader.Read);
        services.AddSingleton<IComponentMatcher, IndexMatcher>();
        services.AddScoped<ComponentsViews>();
        services.AddScoped<ComponentsCommands>();
        services.AddScoped<ICaseFollower, FindingsFollowCases>();
        return services;
    }

    public static WebApplication MapComponentsApi(this WebApplication app)
    {
        app.MapComponentsEndpoints();
        return app;
    }
}
