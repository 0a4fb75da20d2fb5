namespace Shirube.Web.Features.Disclosure.Exports;

/// <summary>The disclosure exports (VEX, CVE records, JVN): their services and their API.</summary>
internal static class DisclosureExportsSetup
{
    public static IServiceCollection AddDisclosureExports(this IServiceCollection services)
    {
        services.AddSingleton(sp => CnaSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<DisclosureExports>();
        return services;
    }

    public static WebApplication MapDisclosureExportsApi(this WebApplication app)
    {
        app.MapDisclosureExportsEndpoints();
        return app;
    }
}
