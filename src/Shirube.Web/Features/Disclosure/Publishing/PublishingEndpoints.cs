using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Web.Features.Disclosure.Publishing;

/// <summary>
/// The public side of disclosure, without sign-in: the CSAF trusted provider under /.well-known/csaf/ and the Atom
/// feed of the advisory pages (the pages themselves are Razor components in Pages/).
/// </summary>
internal static class PublishingEndpoints
{
    public const string FeedPath = "/advisories/feed.atom";

    private static readonly string[] Languages = ["ja", "en"];

    public static WebApplication MapPublishingEndpoints(this WebApplication app)
    {
        // Exactly the files of the set; anything else, the folders included (no listings), is 404.
        app.MapGet("/.well-known/csaf/{**path}", async Task<Results<FileContentHttpResult, NotFound>> (string? path, PublishedAdvisories published, CancellationToken ct) =>
            (await published.FilesAsync(ct)).Files.TryGetValue(path ?? "", out var file)
                ? TypedResults.File(file.Content, MediaType(file))
                : TypedResults.NotFound())
            .AllowAnonymous().ExcludeFromDescription();

        app.MapGet(FeedPath, async (PublishedAdvisories published, DisclosureSettings settings, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        {
            var advisories = await published.ListAsync(ct);
            var entries = advisories.SelectMany(a => Languages.Select(language => a.In(language)).Select(d => new AdvisoryFeedEntry(d.Title, published.PageUrl(a.TrackingId, d.Language), d.CurrentReleaseDate)
            {
                Published = d.InitialReleaseDate,
                Summary = d.Summary,
                Csaf = published.DocumentUrl(d),
                Language = d.Language,
            }));
            var updated = advisories.Count > 0 ? advisories.Max(a => a.Updated) : clock.GetUtcNow();
            var feed = AdvisoryAtomFeed.Write($"{settings.PublisherName} — {l["PublicAdvisories.Title"]}", new Uri(settings.PublicUrl, FeedPath),
                new Uri(settings.PublicUrl, "/advisories"), settings.PublisherName, entries, updated);
            return TypedResults.File(feed, "application/atom+xml; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    // JSON and the text files are UTF-8 (CSAF 2.0 section 5.1 and the sha*sum form).
    private static string MediaType(ProviderFile file) => file.MediaType switch
    {
        "text/plain" or "text/csv" => file.MediaType + "; charset=utf-8",
        _ => file.MediaType,
    };

    /// <summary>ja or en: the language a public page is shown in.</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? "ja" : "en";
}
