using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shirube.Formats.Disclosure.Provider;

/// <summary>Where and how a trusted provider publishes.</summary>
/// <param name="Publisher">The issuing party.</param>
/// <param name="BaseUrl">The provider's folder, ending in <c>/</c>, e.g. <c>https://example.com/.well-known/csaf/</c>; every URL written is under it.</param>
/// <param name="SigningKey">The key that signs each document (its public half is published).</param>
public sealed record ProviderSettings(ProviderPublisher Publisher, Uri BaseUrl, OpenPgpSecretKey SigningKey)
{
    /// <summary>
    /// Where the public key can be fetched; null to publish it in the file set at <c>openpgp/&lt;fingerprint&gt;.asc</c>
    /// next to provider-metadata.json (the place CSAF 2.0 requirement 20 suggests).
    /// </summary>
    public Uri? PublicKeyUrl { get; init; }

    /// <summary>The value of <c>list_on_CSAF_aggregators</c>.</summary>
    public bool ListOnAggregators { get; init; } = true;

    /// <summary>The value of <c>mirror_on_CSAF_aggregators</c>.</summary>
    public bool MirrorOnAggregators { get; init; } = true;
}

/// <summary>One file of a provider's file set: its path under the base URL, its bytes and its media type.</summary>
public sealed record ProviderFile(string Path, byte[] Content, string MediaType);

/// <summary>Every file of a trusted provider, by path under <see cref="BaseUrl"/> (e.g. <c>white/2024/esa-2024-001.json</c>).</summary>
public sealed class ProviderFileSet
{
    internal ProviderFileSet(Uri baseUrl, IReadOnlyDictionary<string, ProviderFile> files, IReadOnlyList<string> withheld)
    {
        BaseUrl = baseUrl;
        Files = files;
        Withheld = withheld;
    }

    /// <summary>The provider's folder.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The files by path (ordinal, no leading slash).</summary>
    public IReadOnlyDictionary<string, ProviderFile> Files { get; }

    /// <summary>The tracking ids of the documents left out because their TLP label is not WHITE (CLEAR).</summary>
    public IReadOnlyList<string> Withheld { get; }

    /// <summary>The file at <paramref name="path"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such file.</exception>
    public ProviderFile this[string path] => Files.TryGetValue(path, out var file)
        ? file
        : throw new KeyNotFoundException(ProviderErrors.NoSuchFile(path));

    /// <summary>The absolute URL of a path of the set.</summary>
    public Uri UrlOf(string path) => new(BaseUrl, path);
}

/// <summary>
/// Builds the files of a CSAF 2.0 trusted provider (section 7.1, role <c>csaf_trusted_provider</c>) for the documents
/// labelled TLP:WHITE (CLEAR): provider-metadata.json, the <c>white/&lt;year&gt;/</c> folders with index.txt and changes.csv,
/// the ROLIE feed, service and category documents, and for each document its .sha256, .sha512 and .asc files. A document
/// with any other label, or none, appears in no file. Nothing is written to disk: the caller serves the bytes.
/// </summary>
public static class ProviderFiles
{
    /// <summary>The provider metadata's file name.</summary>
    public const string MetadataFile = "provider-metadata.json";

    /// <summary>The folder of the TLP:WHITE documents.</summary>
    public const string WhiteFolder = "white/";

    /// <summary>The ROLIE feed of the TLP:WHITE documents.</summary>
    public const string FeedFile = WhiteFolder + "csaf-feed-tlp-white.json";

    /// <summary>The ROLIE service document.</summary>
    public const string ServiceFile = "service.json";

    /// <summary>The ROLIE category document of the TLP:WHITE documents (written when a document has categories).</summary>
    public const string CategoryFile = WhiteFolder + "category-white.json";

    /// <summary>The list of document paths (requirement 12).</summary>
    public const string IndexFile = WhiteFolder + "index.txt";

    /// <summary>The list of paths and current release dates, newest first (requirement 13).</summary>
    public const string ChangesFile = WhiteFolder + "changes.csv";

    /// <summary>The CSAF 2.0 schema URI named in ROLIE entries.</summary>
    public const string CsafSchemaUri = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";

    /// <summary>The ROLIE information-type category scheme.</summary>
    public const string InformationTypeScheme = "urn:ietf:params:rolie:category:information-type";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Builds the file set.</summary>
    /// <param name="settings">Publisher, base URL and key.</param>
    /// <param name="documents">The published documents; those not labelled WHITE (CLEAR) are left out.</param>
    /// <param name="now">The time written as <c>last_updated</c> and the feed's <c>updated</c>, and the signatures' creation time.</param>
    /// <exception cref="ArgumentException">The base URL is not absolute http(s) ending in <c>/</c>, or two documents share a file name.</exception>
    public static ProviderFileSet Build(ProviderSettings settings, IEnumerable<ProviderDocument> documents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(documents);
        var baseUrl = settings.BaseUrl;
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("https" or "http") || !baseUrl.AbsolutePath.EndsWith('/'))
            throw new ArgumentException(ProviderErrors.BadBaseUrl(baseUrl), nameof(settings));

        var files = new SortedDictionary<string, ProviderFile>(StringComparer.Ordinal);
        void Add(string path, byte[] content, string mediaType) => files.Add(path, new ProviderFile(path, content, mediaType));

        var all = documents.ToList();
        var published = new List<(ProviderDocument Document, string Path)>();
        foreach (var document in all.Where(d => CsafFileName.IsPublicTlp(d.TlpLabel)))
        {
            var name = CsafFileName.FromTrackingId(document.TrackingId);
            var path = $"{WhiteFolder}{document.InitialReleaseDate.Year.ToString("D4", CultureInfo.InvariantCulture)}/{name}";
            if (files.ContainsKey(path))
                throw new ArgumentException(ProviderErrors.SameFileName(document.TrackingId, path), nameof(documents));
            var bytes = document.Utf8.ToArray();
            Add(path, bytes, "application/json");
            Add(path + ".sha256", HashFile(SHA256.HashData(bytes), name), "text/plain");
            Add(path + ".sha512", HashFile(SHA512.HashData(bytes), name), "text/plain");
            Add(path + ".asc", Encoding.ASCII.GetBytes(OpenPgpSignatures.Sign(bytes, settings.SigningKey, now)), "application/pgp-signature");
            published.Add((document, path));
        }
        var newestFirst = published
            .OrderByDescending(p => p.Document.CurrentReleaseDate)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToList();

        Add(IndexFile, Encoding.UTF8.GetBytes(string.Concat(newestFirst.Select(p => Relative(p.Path) + "\n"))), "text/plain");
        Add(ChangesFile, Encoding.UTF8.GetBytes(string.Concat(newestFirst.Select(p =>
            $"\"{Relative(p.Path)}\",\"{Timestamp(p.Document.CurrentReleaseDate)}\"\n"))), "text/csv");

        var categories = published.SelectMany(p => p.Document.Categories).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (categories.Count > 0)
            Add(CategoryFile, Json(CategoryDocument(categories)), "application/json");
        Add(FeedFile, Json(Feed(settings, newestFirst, now)), "application/json");
        Add(ServiceFile, Json(Service(settings)), "application/json");

        var keyUrl = settings.PublicKeyUrl;
        if (keyUrl is null)
        {
            var keyPath = $"openpgp/{settings.SigningKey.Fingerprint}.asc";
            Add(keyPath, Encoding.ASCII.GetBytes(settings.SigningKey.PublicKey.Armored), "application/pgp-keys");
            keyUrl = new Uri(baseUrl, keyPath);
        }
        Add(MetadataFile, Json(Metadata(settings, keyUrl, categories.Count > 0, now)), "application/json");

        var withheld = all.Where(d => !CsafFileName.IsPublicTlp(d.TlpLabel)).Select(d => d.TrackingId).ToList();
        return new ProviderFileSet(baseUrl, files, withheld);
    }

    /// <summary>A hash file's content as <c>sha256sum</c> writes it: lower-case hex, two spaces, the file name, a newline.</summary>
    public static byte[] HashFile(ReadOnlySpan<byte> digest, string fileName) =>
        Encoding.UTF8.GetBytes($"{Convert.ToHexStringLower(digest)}  {fileName}\n");

    /// <summary>A time as the provider files write it: UTC, <c>Z</c>, fractions only when there are any.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Relative(string path) => path[WhiteFolder.Length..];

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");

    private static JsonObject Metadata(ProviderSettings settings, Uri keyUrl, bool withCategories, DateTimeOffset now)
    {
        var rolie = new JsonObject
        {
            ["feeds"] = new JsonArray(new JsonObject
            {
                ["summary"] = $"All TLP:WHITE advisories of {settings.Publisher.Name}.",
                ["tlp_label"] = "WHITE",
                ["url"] = new Uri(settings.BaseUrl, FeedFile).ToString(),
            }),
            ["services"] = new JsonArray(new Uri(settings.BaseUrl, ServiceFile).ToString()),
        };
        if (withCategories)
            rolie["categories"] = new JsonArray(new Uri(settings.BaseUrl, CategoryFile).ToString());
        return new JsonObject
        {
            ["canonical_url"] = new Uri(settings.BaseUrl, MetadataFile).ToString(),
            ["distributions"] = new JsonArray(
                new JsonObject { ["directory_url"] = new Uri(settings.BaseUrl, WhiteFolder).ToString() },
                new JsonObject { ["rolie"] = rolie }),
            ["last_updated"] = Timestamp(now),
            ["list_on_CSAF_aggregators"] = settings.ListOnAggregators,
            ["metadata_version"] = "2.0",
            ["mirror_on_CSAF_aggregators"] = settings.MirrorOnAggregators,
            ["public_openpgp_keys"] = new JsonArray(new JsonObject
            {
                ["fingerprint"] = settings.SigningKey.Fingerprint,
                ["url"] = keyUrl.ToString(),
            }),
            ["publisher"] = Publisher(settings.Publisher),
            ["role"] = "csaf_trusted_provider",
        };
    }

    private static JsonObject Publisher(ProviderPublisher publisher)
    {
        var node = new JsonObject { ["category"] = publisher.Category };
        if (publisher.ContactDetails is { Length: > 0 } contact)
            node["contact_details"] = contact;
        if (publisher.IssuingAuthority is { Length: > 0 } authority)
            node["issuing_authority"] = authority;
        node["name"] = publisher.Name;
        node["namespace"] = publisher.Namespace.ToString();
        return node;
    }

    private static JsonObject Feed(ProviderSettings settings, List<(ProviderDocument Document, string Path)> newestFirst, DateTimeOffset now)
    {
        var entries = new JsonArray();
        foreach (var (document, path) in newestFirst)
        {
            var url = new Uri(settings.BaseUrl, path).ToString();
            var entry = new JsonObject
            {
                ["id"] = document.TrackingId,
                ["title"] = document.Title,
                ["link"] = new JsonArray(
                    Link("self", url), Link("hash", url + ".sha256"), Link("hash", url + ".sha512"), Link("signature", url + ".asc")),
                ["published"] = Timestamp(document.InitialReleaseDate),
                ["updated"] = Timestamp(document.CurrentReleaseDate),
            };
            if (document.Summary is { Length: > 0 } summary)
                entry["summary"] = new JsonObject { ["content"] = summary };
            entry["content"] = new JsonObject { ["type"] = "application/json", ["src"] = url };
            entry["format"] = new JsonObject { ["schema"] = CsafSchemaUri, ["version"] = "2.0" };
            entries.Add(entry);
        }
        return new JsonObject
        {
            ["feed"] = new JsonObject
            {
                ["id"] = "csaf-feed-tlp-white",
                ["title"] = $"{settings.Publisher.Name} CSAF feed (TLP:WHITE)",
                ["link"] = new JsonArray(Link("self", new Uri(settings.BaseUrl, FeedFile).ToString())),
                ["category"] = new JsonArray(new JsonObject { ["scheme"] = InformationTypeScheme, ["term"] = "csaf" }),
                ["updated"] = Timestamp(now),
                ["entry"] = entries,
            },
        };
    }

    private static JsonObject Link(string rel, string href) => new() { ["rel"] = rel, ["href"] = href };

    private static JsonObject Service(ProviderSettings settings) => new()
    {
        ["service"] = new JsonObject
        {
            ["workspace"] = new JsonArray(new JsonObject
            {
                ["title"] = "Public CSAF feed",
                ["collection"] = new JsonArray(new JsonObject
                {
                    ["title"] = $"{settings.Publisher.Name} CSAF feed (TLP:WHITE)",
                    ["href"] = new Uri(settings.BaseUrl, FeedFile).ToString(),
                    ["categories"] = new JsonObject
                    {
                        ["category"] = new JsonArray(new JsonObject { ["scheme"] = InformationTypeScheme, ["term"] = "csaf" }),
                    },
                }),
            }),
        },
    };

    private static JsonObject CategoryDocument(List<string> terms) => new()
    {
        ["categories"] = new JsonObject
        {
            ["category"] = new JsonArray([.. terms.Select(t => (JsonNode)new JsonObject { ["term"] = t })]),
        },
    };
}
