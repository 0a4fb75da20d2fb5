namespace Shirube.Web.Features.Disclosure.Publishing;

/// <summary>Serving published advisories: the signing key, the cached public set, the provider files, the feed, ?lang= on the pages.</summary>
internal static class PublishingSetup
{
    public static IServiceCollection AddDisclosurePublishing(this IServiceCollection services)
    {
        services.AddSingleton<CsafSigningKey>();
        services.AddSingleton<PublicSnapshotCache>();
        services.AddScoped<PublishedAdvisories>();
        // Runs after the localization feature's own configuration (registered before this one): first in the list.
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, PublishingEndpoints.LanguageQuery()));
        return services;
    }

    public static WebApplication MapDisclosurePublishing(this WebApplication app)
    {
        app.MapPublishingEndpoints();
        return app;
    }
}
