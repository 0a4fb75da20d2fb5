using System.Globalization;
using System.Text.Json;

namespace Shirube.Formats.Disclosure.Provider;

/// <summary>The issuing party named in provider-metadata.json (the CSAF <c>publisher</c> object).</summary>
/// <param name="Name">The publisher's name, e.g. <c>Example PSIRT</c>.</param>
/// <param name="Namespace">The publisher's namespace URL, e.g. <c>https://psirt.example.com</c>.</param>
/// <param name="ContactDetails">How to reach the PSIRT (e-mail, web form); optional.</param>
/// <param name="Category">The CSAF publisher category: <c>vendor</c>, <c>coordinator</c>, <c>discoverer</c>, <c>other</c>, <c>translator</c> or <c>user</c>.</param>
public sealed record ProviderPublisher(string Name, Uri Namespace, string? ContactDetails = null, string Category = "vendor")
{
    /// <summary>The publisher's issuing authority statement; optional.</summary>
    public string? IssuingAuthority { get; init; }
}

/// <summary>One CSAF document to publish: the facts the provider files need, and its exact bytes.</summary>
/// <param name="TrackingId">The value of <c>/document/tracking/id</c>; the file name comes from it.</param>
/// <param name="TlpLabel">The value of <c>/document/distribution/tlp/label</c>, empty when there is none; only WHITE (CLEAR) is published.</param>
/// <param name="InitialReleaseDate">The value of <c>/document/tracking/initial_release_date</c>; its year names the folder.</param>
/// <param name="CurrentReleaseDate">The value of <c>/document/tracking/current_release_date</c>.</param>
/// <param name="Title">The value of <c>/document/title</c>.</param>
/// <param name="Utf8">The document as served, UTF-8; hashed and signed byte for byte.</param>
public sealed record ProviderDocument(
    string TrackingId, string TlpLabel, DateTimeOffset InitialReleaseDate, DateTimeOffset CurrentReleaseDate, string Title, ReadOnlyMemory<byte> Utf8)
{
    /// <summary>A short summary for the ROLIE entry; optional.</summary>
    public string? Summary { get; init; }

    /// <summary>ROLIE category terms for the document (e.g. its product names); optional.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>
    /// Reads the facts from the CSAF document itself: tracking id, TLP label, release dates, title, and the names of its
    /// <c>product_name</c> branches as categories.
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <param name="file">Its name, for errors.</param>
    /// <exception cref="ProviderFormatException">The bytes are not JSON, or a required value is missing or malformed.</exception>
    public static ProviderDocument FromCsaf(ReadOnlyMemory<byte> utf8, string file)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = CsafValidator.MaxDepth });
        }
        catch (JsonException e)
        {
            throw new ProviderFormatException(file, $"line {e.LineNumber + 1}", ProviderErrors.NotJson(e.Message), e);
        }
        using (json)
        {
            var root = json.RootElement;
            var tracking = Walk(root, file, "document", "tracking");
            var tlp = root.TryGetProperty("document", out var d) && d.ValueKind == JsonValueKind.Object
                && d.TryGetProperty("distribution", out var dist) && dist.ValueKind == JsonValueKind.Object
                && dist.TryGetProperty("tlp", out var t) && t.ValueKind == JsonValueKind.Object
                && t.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String
                ? label.GetString()! : "";
            var categories = new SortedSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("product_tree", out var tree))
                CollectProductNames(tree, categories);
            return new ProviderDocument(
                Text(tracking, file, "/document/tracking/id", "id"),
                tlp,
                Date(tracking, file, "/document/tracking/initial_release_date", "initial_release_date"),
                Date(tracking, file, "/document/tracking/current_release_date", "current_release_date"),
                Text(Walk(root, file, "document"), file, "/document/title", "title"),
                utf8)
            { Categories = [.. categories] };
        }
    }

    private static JsonElement Walk(JsonElement root, string file, params string[] names)
    {
        var at = root;
        var path = "";
        foreach (var name in names)
        {
            path += "/" + name;
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at) || at.ValueKind != JsonValueKind.Object)
                throw new ProviderFormatException(file, path, ProviderErrors.Missing("an object"));
        }
        return at;
    }

    private static string Text(JsonElement parent, string file, string path, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ProviderFormatException(file, path, ProviderErrors.Missing("a string"));

    private static DateTimeOffset Date(JsonElement parent, string file, string path, string name) =>
        DateTimeOffset.TryParse(Text(parent, file, path, name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? date
            : throw new ProviderFormatException(file, path, ProviderErrors.Missing("a date-time"));

    private static void CollectProductNames(JsonElement node, SortedSet<string> names)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("category", out var category) && category.ValueKind == JsonValueKind.String
                && category.ValueEquals("product_name") && node.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                names.Add(name.GetString()!);
            if (node.TryGetProperty("branches", out var branches) && branches.ValueKind == JsonValueKind.Array)
                foreach (var branch in branches.EnumerateArray())
                    CollectProductNames(branch, names);
        }
    }
}

/// <summary>A provider file (provider-metadata.json, a ROLIE feed, a downloaded document) that cannot be read.</summary>
public sealed class ProviderFormatException(string file, string path, string reason, Exception? inner = null)
    : DocumentFormatException(file, path, reason, inner);
