using MudBlazor.Services;

namespace Shirube.Web.Components;

/// <summary>Blazor (server rendering, interactive server where a page needs it) and MudBlazor.</summary>
internal static class UiSetup
{
    public static IServiceCollection AddShirubeUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static WebApplication MapShirubeUi(this WebApplication app)
    {
        app.MapStaticAssets();
        // SecurityHeadersMiddleware sends the whole CSP, frame-ancestors included.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
