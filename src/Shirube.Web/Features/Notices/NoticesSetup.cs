namespace Shirube.Web.Features.Notices;

/// <summary>The notice centre feature: its services and its API.</summary>
internal static class NoticesSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddSingleton<NoticeCentre>();
        services.AddScoped<NoticeViews>();
        // Mail and webhooks: a webhook that fails transiently is retried with backoff; one that keeps failing is left alone a while.
        services.AddHttpClient(Delivery.NoticeDelivery.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60)).AddStandardResilienceHandler();
        services.AddScoped<Delivery.NoticeDelivery>();
        return services;
    }

    public static WebApplication MapNoticesApi(this WebApplication app)
    {
        app.MapNoticeEndpoints();
        return app;
    }
}
