namespace Shirube.Web.Features.Auditing;

/// <summary>The audit log feature: its services and its API.</summary>
internal static class AuditingSetup
{
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddScoped<AuditViews>();
        return services;
    }

    public static WebApplication MapAuditingApi(this WebApplication app)
    {
        app.MapAuditEndpoints();
        return app;
    }
}
