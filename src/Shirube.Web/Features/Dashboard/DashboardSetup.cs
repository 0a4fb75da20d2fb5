namespace Shirube.Web.Features.Dashboard;

/// <summary>The dashboard: its reads (a page over the portfolio, cases and CRA clocks) and the newcomer's first steps.</summary>
internal static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardViews>();
        services.AddScoped<DashboardCommands>();
        return services;
    }
}
