namespace Shirube.Web.Features.Notices;

/// <summary>The notice centre feature: its services and its API.</summary>
internal static class NoticesSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddSingleton<NoticeCentre>();
        services.AddScoped<NoticeViews>();
        return services;
    }

    public static WebApplication MapNoticesApi(this WebApplication app)
    {
        app.MapNoticeEndpoints();
        return app;
    }
}
