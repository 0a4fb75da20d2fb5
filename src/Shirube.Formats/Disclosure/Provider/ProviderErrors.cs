namespace Shirube.Formats.Disclosure.Provider;

/// <summary>The messages of the provider files and their readers, in one place.</summary>
internal static class ProviderErrors
{
    public static string NotJson(string detail) => $"the file is not JSON: {detail}";

    public static string Missing(string what) => $"{what} is required here.";

    public static string NoSuchFile(string path) => $"the provider file set has no file '{path}'.";

    public static string BadBaseUrl(Uri url) =>
        $"the provider's base URL '{url}' must be an absolute http(s) URL ending in '/'.";

    public static string SameFileName(string trackingId, string path) =>
        $"the document '{trackingId}' has the file name of another document: {path}.";

    public static string NotHttp(string value) => $"'{value}' is not an absolute http(s) URL.";

    public static string NotAFeed => "a ROLIE feed document has an object 'feed'.";

    public static string NoDocumentLink => "the entry names no document: neither content.src nor a link with rel 'self'.";

    public static string TooManyEntries(int max) => $"the feed has more than {max} entries.";
}
