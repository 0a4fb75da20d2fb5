using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Shirube.Formats.Disclosure.Provider;

/// <summary>A ROLIE feed named by provider-metadata.json, with the TLP label of the documents it lists.</summary>
public sealed record ProviderFeedReference(string TlpLabel, Uri Url, string? Summary);

/// <summary>A public OpenPGP key named by provider-metadata.json: where to fetch it, and its fingerprint when given.</summary>
public sealed record ProviderKeyReference(string? Fingerprint, Uri Url);

/// <summary>What a CSAF downloader needs from a provider-metadata.json.</summary>
/// <param name="CanonicalUrl">The value of <c>canonical_url</c>.</param>
/// <param name="Role">The value of <c>role</c>: <c>csaf_publisher</c>, <c>csaf_provider</c> or <c>csaf_trusted_provider</c>.</param>
/// <param name="PublisherName">The value of <c>publisher/name</c>.</param>
/// <param name="LastUpdated">The value of <c>last_updated</c>.</param>
/// <param name="Feeds">The ROLIE feeds of every distribution.</param>
/// <param name="Directories">The <c>directory_url</c> of every distribution.</param>
/// <param name="Keys">The values of <c>public_openpgp_keys</c>.</param>
public sealed record ProviderMetadata(
    Uri CanonicalUrl, string Role, string PublisherName, DateTimeOffset LastUpdated,
    IReadOnlyList<ProviderFeedReference> Feeds, IReadOnlyList<Uri> Directories, IReadOnlyList<ProviderKeyReference> Keys)
{
    /// <summary>The largest provider-metadata.json read: 1 MiB (real ones are a few KiB).</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly Lazy<(JsonSchema Schema, EvaluationOptions Options)> Schema = new(LoadSchema);

    /// <summary>
    /// The errors of <paramref name="document"/> against the official CSAF 2.0 provider metadata schema (embedded,
    /// offline), as (JSON pointer, message); none when it conforms.
    /// </summary>
    public static IReadOnlyList<(string Path, string Message)> SchemaErrors(JsonNode? document)
    {
        var (schema, options) = Schema.Value;
        var result = schema.Evaluate(document, options);
        if (result.IsValid)
            return [];
        var errors = result.Details
            .Where(d => d.HasErrors)
            .OrderByDescending(d => d.InstanceLocation.Count)
            .SelectMany(d => d.Errors!.Select(e => (Path: d.InstanceLocation.ToString(), Message: e.Value)))
            .Distinct()
            .ToList();
        if (errors.Count == 0)
            errors.Add(("", "the document does not match the CSAF provider metadata schema."));
        return errors;
    }

    /// <summary>Reads a provider-metadata.json, first checking it against the schema.</summary>
    /// <param name="utf8">The file.</param>
    /// <param name="source">Its URL or name, for errors.</param>
    /// <exception cref="ProviderFormatException">
    /// The file is larger than <see cref="MaxBytes"/>, is not JSON, or breaks the schema (the first error is named).
    /// </exception>
    public static ProviderMetadata Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        if (utf8.Length > MaxBytes)
            throw new ProviderFormatException(source, "", $"the file is larger than {MaxBytes} bytes.");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ProviderFormatException(source, $"line {e.LineNumber + 1}", ProviderErrors.NotJson(e.Message), e);
        }
        if (SchemaErrors(node) is [var first, ..])
            throw new ProviderFormatException(source, first.Path, "the provider metadata breaks its schema: " + first.Message);
        var root = node!.AsObject();
        var feeds = new List<ProviderFeedReference>();
        var directories = new List<Uri>();
        if (root["distributions"] is JsonArray distributions)
        {
            for (var i = 0; i < distributions.Count; i++)
            {
                var distribution = distributions[i]!.AsObject();
                if (distribution["directory_url"] is JsonValue directory)
                    directories.Add(HttpUrl(directory.GetValue<string>(), source, $"/distributions/{i}/directory_url"));
                if (distribution["rolie"]?["feeds"] is JsonArray list)
                    for (var j = 0; j < list.Count; j++)
                        feeds.Add(new ProviderFeedReference(
                            list[j]!["tlp_label"]!.GetValue<string>(),
                            HttpUrl(list[j]!["url"]!.GetValue<string>(), source, $"/distributions/{i}/rolie/feeds/{j}/url"),
                            list[j]!["summary"]?.GetValue<string>()));
            }
        }
        var keys = new List<ProviderKeyReference>();
        if (root["public_openpgp_keys"] is JsonArray keyList)
            for (var i = 0; i < keyList.Count; i++)
                keys.Add(new ProviderKeyReference(
                    keyList[i]!["fingerprint"]?.GetValue<string>().ToUpperInvariant(),
                    HttpUrl(keyList[i]!["url"]!.GetValue<string>(), source, $"/public_openpgp_keys/{i}/url")));
        return new ProviderMetadata(
            HttpUrl(root["canonical_url"]!.GetValue<string>(), source, "/canonical_url"),
            root["role"]!.GetValue<string>(),
            root["publisher"]!["name"]!.GetValue<string>(),
            DateTimeOffset.Parse(root["last_updated"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            feeds, directories, keys);
    }

    internal static Uri HttpUrl(string value, string source, string path) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? url
            : throw new ProviderFormatException(source, path, ProviderErrors.NotHttp(value));

    private static (JsonSchema, EvaluationOptions) LoadSchema()
    {
        static JsonSchema Embedded(string file) => JsonSchema.FromText(System.Text.Encoding.UTF8.GetString(CsafSchemas.ReadFile(file)));
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        // The provider schema takes its publisher object from the CSAF schema, which refers to the CVSS schemas: all
        // are answered from the embedded copies.
        options.SchemaRegistry.Register(new Uri(ProviderFiles.CsafSchemaUri), Embedded("csaf_json_schema.json"));
        options.SchemaRegistry.Register(new Uri("http://json-schema.org/draft-04/schema"), MetaSchemas.Draft7);
        foreach (var version in new[] { "2.0", "3.0", "3.1" })
            options.SchemaRegistry.Register(new Uri($"https://www.first.org/cvss/cvss-v{version}.json"), Embedded($"cvss-v{version}.json"));
        return (Embedded("provider_json_schema.json"), options);
    }
}
