using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Json.More;
using Json.Schema;

namespace Shirube.Formats.Components;

/// <summary>
/// The official CycloneDX and SPDX JSON schemas, shipped verbatim as embedded resources (see Schemas/NOTICE), and
/// validation of a document against the one its version names.
/// </summary>
/// <remarks>
/// JsonSchema.Net compares every pair of items for <c>uniqueItems</c>: on a 5,000-component BOM that is 12.5 million
/// deep comparisons, which made validation take most of a minute. The CycloneDX schemas are therefore loaded with
/// <c>uniqueItems</c> renamed to <see cref="UniqueItemsByHashKeyword"/>, which checks the same rule (no two items
/// equal as JSON values) with a hash set. The files stay byte-identical to upstream; only the loaded copy differs.
/// </remarks>
internal static partial class SbomSchemas
{
    /// <summary>How many schema errors a refusal lists.</summary>
    public const int ErrorsShown = 5;

    private const string ResourcePrefix = "sbom-schemas/";

    private static readonly ConcurrentDictionary<string, Lazy<Loaded>> Schemas = new(StringComparer.Ordinal);

    static SbomSchemas()
    {
        SchemaKeywordRegistry.Register<UniqueItemsByHashKeyword>(SbomSchemaJsonContext.Default);
    }

    /// <summary>The embedded schema files by name, e.g. <c>bom-1.6.schema.json</c>.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "bom-1.2.schema.json", "bom-1.3.schema.json", "bom-1.4.schema.json", "bom-1.5.schema.json", "bom-1.6.schema.json",
        "spdx.schema.json", "jsf-0.82.schema.json",
        "spdx-schema-v2.2.json", "spdx-schema-v2.3.json", "spdx-schema-v3.0.1.json",
    ];

    /// <summary>The bytes of an embedded schema file, exactly as shipped.</summary>
    public static byte[] ReadFile(string name)
    {
        using var stream = typeof(SbomSchemas).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The schema {name} is not embedded in {typeof(SbomSchemas).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The SPDX licence ids CycloneDX knows (the enum of the embedded spdx.schema.json).</summary>
    public static IReadOnlySet<string> SpdxLicenceIds => LicenceIds.Value;

    private static readonly Lazy<HashSet<string>> LicenceIds = new(() =>
    {
        var schema = JsonNode.Parse(ReadFile("spdx.schema.json"))!;
        return [.. schema["enum"]!.AsArray().Select(n => n!.GetValue<string>())];
    });

    /// <summary>
    /// Checks <paramref name="document"/> against the schema file <paramref name="schemaFile"/>; throws
    /// <see cref="SbomFormatException"/> naming the first few errors with their JSON pointers.
    /// </summary>
    /// <param name="document">The parsed document.</param>
    /// <param name="schemaFile">The embedded schema file, e.g. <c>bom-1.6.schema.json</c>.</param>
    /// <param name="title">The format and version as errors name it.</param>
    /// <param name="file">The file name errors give.</param>
    /// <param name="tolerated">
    /// Errors a real-world generator is known to make and that lose nothing Shirube reads (see SpdxJsonReader):
    /// given the instance location, the failing keyword and the value there, true lets the document pass.
    /// </param>
    public static void Validate(JsonNode document, string schemaFile, string title, string file, Func<string, string, JsonNode?, bool>? tolerated = null)
    {
        var loaded = Schemas.GetOrAdd(schemaFile, name => new Lazy<Loaded>(() => Load(name))).Value;
        // The flag evaluation stops at the first failure; only a refusal pays for the detailed list.
        if (loaded.Schema.Evaluate(document, loaded.Flag).IsValid)
            return;
        var details = loaded.Schema.Evaluate(document, loaded.List);
        var errors = details.Details
            .Where(d => d.HasErrors)
            // anyOf/oneOf branches report errors even where another branch passes: the deepest places say most.
            .OrderByDescending(d => d.InstanceLocation.Count)
            .SelectMany(d => d.Errors!.Select(e => (Location: d.InstanceLocation, Keyword: e.Key, Message: e.Value)))
            .Where(e => tolerated is null || !tolerated(e.Location.ToString(), e.Keyword, e.Location.TryEvaluate(document, out var value) ? value : null))
            .Select(e => (Place: Pointer(e.Location.ToString()), e.Message))
            .Distinct()
            .ToList();
        if (errors.Count == 0 && tolerated is not null)
            return;
        if (errors.Count == 0)
            errors.Add(("/", "the document does not match the schema."));
        var shown = string.Join("; ", errors.Take(ErrorsShown).Select(e => $"{e.Place}: {e.Message}"));
        var more = errors.Count > ErrorsShown ? $" (and {errors.Count - ErrorsShown} more)" : "";
        throw new SbomFormatException(file, errors[0].Place, $"does not match the {title} schema: {shown}{more}");
    }

    private static string Pointer(string location) => location.Length == 0 ? "/" : location;

    private static Loaded Load(string name)
    {
        var flag = new EvaluationOptions { OutputFormat = OutputFormat.Flag, ProcessCustomKeywords = true, RequireFormatValidation = true };
        var list = new EvaluationOptions { OutputFormat = OutputFormat.List, ProcessCustomKeywords = true, RequireFormatValidation = true };
        JsonSchema FromResource(string file) =>
            JsonSchema.FromText(UniqueItems().Replace(System.Text.Encoding.UTF8.GetString(ReadFile(file)), "\"" + UniqueItemsByHashKeyword.Name + "\"$1:"));
        if (name.StartsWith("bom-", StringComparison.Ordinal))
        {
            // The CycloneDX schemas refer to these two by relative URI; the registry resolves them offline.
            foreach (var referenced in new[] { "spdx.schema.json", "jsf-0.82.schema.json" })
            {
                var schema = FromResource(referenced);
                flag.SchemaRegistry.Register(schema);
                list.SchemaRegistry.Register(schema);
            }
        }
        var root = FromResource(name);
        // A first evaluation runs the schema's one-time analysis before the schema is shared between threads.
        root.Evaluate(new JsonObject(), flag);
        return new Loaded(root, flag, list);
    }

    [GeneratedRegex("\"uniqueItems\"(\\s*):", RegexOptions.CultureInvariant)]
    private static partial Regex UniqueItems();

    private sealed record Loaded(JsonSchema Schema, EvaluationOptions Flag, EvaluationOptions List);
}

/// <summary>
/// JSON Schema's <c>uniqueItems</c> (no two items of the array are equal JSON values) checked in linear time with a
/// hash set, where JsonSchema.Net compares every pair.
/// </summary>
[SchemaKeyword(Name)]
[JsonConverter(typeof(UniqueItemsByHashKeywordConverter))]
internal sealed class UniqueItemsByHashKeyword(bool value) : IJsonSchemaKeyword
{
    public const string Name = "shirubeUniqueItems";

    public bool Value { get; } = value;

    public KeywordConstraint GetConstraint(SchemaConstraint schemaConstraint, ReadOnlySpan<KeywordConstraint> localConstraints, EvaluationContext context) =>
        Value ? new KeywordConstraint(Name, Evaluate) : KeywordConstraint.Skip;

    private static void Evaluate(KeywordEvaluation evaluation, EvaluationContext context)
    {
        if (evaluation.LocalInstance is not JsonArray array)
            return;
        var seen = new Dictionary<JsonNode, int>(JsonNodeEqualityComparer.Instance!);
        var nullAt = -1;
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            int first;
            if (item is null)
            {
                if (nullAt < 0)
                {
                    nullAt = i;
                    continue;
                }
                first = nullAt;
            }
            else if (!seen.TryAdd(item, i))
            {
                first = seen[item];
            }
            else
            {
                continue;
            }
            evaluation.Results.Fail(Name, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"items {first} and {i} are equal; the items must be unique."));
            return;
        }
    }
}

[JsonSerializable(typeof(UniqueItemsByHashKeyword))]
internal sealed partial class SbomSchemaJsonContext : JsonSerializerContext;

internal sealed class UniqueItemsByHashKeywordConverter : WeaklyTypedJsonConverter<UniqueItemsByHashKeyword>
{
    public override UniqueItemsByHashKeyword Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType is JsonTokenType.True or JsonTokenType.False
            ? new UniqueItemsByHashKeyword(reader.GetBoolean())
            : throw new JsonException("uniqueItems must be true or false.");

    public override void Write(Utf8JsonWriter writer, UniqueItemsByHashKeyword value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteBooleanValue(value.Value);
    }
}
