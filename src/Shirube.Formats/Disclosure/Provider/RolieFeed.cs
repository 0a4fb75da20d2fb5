using System.Text.Json;

namespace Shirube.Formats.Disclosure.Provider;

/// <summary>One entry of a ROLIE feed: the document's URL and the URLs of its hash and signature files.</summary>
/// <param name="Id">The entry id (by convention the tracking id).</param>
/// <param name="Title">The entry title.</param>
/// <param name="Document">The document's URL (<c>content.src</c>, else the <c>self</c> link).</param>
/// <param name="Hashes">The links with rel <c>hash</c>.</param>
/// <param name="Signatures">The links with rel <c>signature</c>.</param>
public sealed record RolieEntry(string Id, string Title, Uri Document, IReadOnlyList<Uri> Hashes, IReadOnlyList<Uri> Signatures);

/// <summary>A ROLIE feed of CSAF documents (RFC 8322 in its JSON form, as CSAF 2.0 requirement 15 shows it).</summary>
public sealed record RolieFeed(string Id, string Title, IReadOnlyList<RolieEntry> Entries)
{
    /// <summary>The most entries read from one feed.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>Reads a ROLIE feed; relative links are resolved against <paramref name="feedUrl"/>.</summary>
    /// <exception cref="ProviderFormatException">
    /// The file is not JSON, has no <c>feed</c> object, an entry has no document link, or a link is not http(s).
    /// </exception>
    public static RolieFeed Parse(ReadOnlyMemory<byte> utf8, Uri feedUrl, int maxEntries = MaxEntries)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        var source = feedUrl.ToString();
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ProviderFormatException(source, $"line {e.LineNumber + 1}", ProviderErrors.NotJson(e.Message), e);
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("feed", out var feed) || feed.ValueKind != JsonValueKind.Object)
                throw new ProviderFormatException(source, "/feed", ProviderErrors.NotAFeed);
            var entries = new List<RolieEntry>();
            if (feed.TryGetProperty("entry", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                if (list.GetArrayLength() > maxEntries)
                    throw new ProviderFormatException(source, "/feed/entry", ProviderErrors.TooManyEntries(maxEntries));
                var i = 0;
                foreach (var entry in list.EnumerateArray())
                    entries.Add(Entry(entry, feedUrl, $"/feed/entry/{i++}"));
            }
            return new RolieFeed(String(feed, "id") ?? "", String(feed, "title") ?? "", entries);
        }
    }

    private static RolieEntry Entry(JsonElement entry, Uri feedUrl, string path)
    {
        var links = new List<(string Rel, Uri Href)>();
        if (entry.TryGetProperty("link", out var linkList) && linkList.ValueKind == JsonValueKind.Array)
        {
            var j = 0;
            foreach (var link in linkList.EnumerateArray())
            {
                if (String(link, "href") is { } href)
                    links.Add((String(link, "rel") ?? "", Resolve(feedUrl, href, $"{path}/link/{j}/href")));
                j++;
            }
        }
        Uri? document = null;
        if (entry.TryGetProperty("content", out var content) && String(content, "src") is { } src)
            document = Resolve(feedUrl, src, path + "/content/src");
        document ??= links.Where(l => l.Rel == "self").Select(l => l.Href).FirstOrDefault()
            ?? throw new ProviderFormatException(feedUrl.ToString(), path, ProviderErrors.NoDocumentLink);
        return new RolieEntry(
            String(entry, "id") ?? "", String(entry, "title") ?? "", document,
            [.. links.Where(l => l.Rel == "hash").Select(l => l.Href)],
            [.. links.Where(l => l.Rel == "signature").Select(l => l.Href)]);
    }

    private static Uri Resolve(Uri feedUrl, string href, string path) =>
        Uri.TryCreate(feedUrl, href, out var url) && url.Scheme is "https" or "http"
            ? url
            : throw new ProviderFormatException(feedUrl.ToString(), path, ProviderErrors.NotHttp(href));

    private static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
