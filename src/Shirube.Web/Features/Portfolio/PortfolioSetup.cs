namespace Shirube.Web.Features.Portfolio;

/// <summary>The products and versions feature: its services and its API.</summary>
internal static class PortfolioSetup
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddScoped<ProductViews>();
        services.AddScoped<ProductCommands>();
        // The dashboard is a page over the portfolio; its reads are registered with it.
        services.AddScoped<Dashboard.DashboardViews>();
        return services;
    }

    public static WebApplication MapPortfolioApi(this WebApplication app)
    {
        app.MapProductEndpoints();
        return app;
    }
}
