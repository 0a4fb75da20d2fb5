namespace Shirube.Web.Features.Guidelines;

/// <summary>The guideline catalog feature: its services and its API.</summary>
internal static class GuidelinesSetup
{
    public static IServiceCollection AddGuidelines(this IServiceCollection services)
    {
        // Shipped content is read once (a broken catalog stops the app at start); imports join it.
        services.AddSingleton<CatalogProvider>();
        services.AddScoped(sp => sp.GetRequiredService<CatalogProvider>().Current);
        services.AddScoped<GuidelineViews>();
        services.AddScoped<GuidelineCommands>();
        return services;
    }

    public static WebApplication MapGuidelinesApi(this WebApplication app)
    {
        app.MapGuidelineEndpoints();
        return app;
    }
}
