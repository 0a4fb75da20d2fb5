namespace Shirube.Web.Features.Exports;

/// <summary>The baseline and assessment exports feature: its services and its API.</summary>
internal static class ExportsSetup
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddScoped<ExportViews>();
        return services;
    }

    public static WebApplication MapExportsApi(this WebApplication app)
    {
        app.MapExportEndpoints();
        return app;
    }
}
