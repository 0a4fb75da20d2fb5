using Shirube.Web.Features.Disclosure.Provider;

namespace Shirube.Web.Features.Vulnerabilities.Suppliers;

/// <summary>Supplier CSAF providers: the CSAF downloader, the commands and views, the API.</summary>
internal static class SuppliersSetup
{
    public static IServiceCollection AddSuppliers(this IServiceCollection services)
    {
        services.AddCsafDownloader();
        services.AddScoped<SuppliersCommands>();
        services.AddScoped<SuppliersViews>();
        return services;
    }

    public static WebApplication MapSuppliersApi(this WebApplication app) => app.MapSuppliersEndpoints();
}
