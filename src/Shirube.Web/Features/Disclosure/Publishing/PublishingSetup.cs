using Microsoft.AspNetCore.Localization;

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
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, LanguageQuery()));
        return services;
    }

    /// <summary>
    /// On the public advisory pages, <c>?lang=ja</c> or <c>?lang=en</c> chooses the language before the culture cookie
    /// and Accept-Language do: links in the feed and the CSAF documents name the language they point to.
    /// </summary>
    private static CustomRequestCultureProvider LanguageQuery() => new CustomRequestCultureProvider(http =>
    {
        if (!http.Request.Path.StartsWithSegments("/advisories"))
            return Task.FromResult<ProviderCultureResult?>(null);
        var lang = http.Request.Query["lang"].FirstOrDefault();
        return Task.FromResult(lang is "ja" or "en" ? new ProviderCultureResult(lang) : null);
    });

    public static WebApplication MapDisclosurePublishing(this WebApplication app)
    {
        app.MapPublishingEndpoints();
        return app;
    }
}
