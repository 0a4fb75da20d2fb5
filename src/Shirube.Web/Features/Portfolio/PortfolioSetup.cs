namespace Shirube.Web.Features.Portfolio;

/// <summary>The products and versions feature: its services and its API.</summary>
internal static class PortfolioSetup
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddScoped<ProductViews>();
        services.AddScoped<ProductCommands>();
        return services;
    }

    public static WebApplication MapPortfolioApi(this WebApplication app)
    {
        app.MapProductEndpoints();
        return app;
    }
}
