using Shirube.Web.Features.Vulnerabilities.Suppliers;

namespace Shirube.Web.Features.Vulnerabilities;

/// <summary>The vulnerability data feature (OSV, NVD, JVN records and their sync): its services and its API.</summary>
internal static class VulnerabilitiesSetup
{
    public static IServiceCollection AddVulnerabilities(this IServiceCollection services)
    {
        services.AddScoped<FeedDownloader>();
        services.AddScoped<VulnerabilitiesCommands>();
        services.AddScoped<VulnerabilitiesViews>();
        services.AddSingleton<VulnerabilitySync>();
        services.AddHostedService(sp => sp.GetRequiredService<VulnerabilitySync>());
        services.AddSuppliers();
        return services;
    }

    public static WebApplication MapVulnerabilitiesApi(this WebApplication app)
    {
        app.MapVulnerabilitiesEndpoints();
        app.MapSuppliersApi();
        return app;
    }
}
