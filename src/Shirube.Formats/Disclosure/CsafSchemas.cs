using System.Text.Json.Nodes;
using Json.Schema;

namespace Shirube.Formats.Disclosure;

/// <summary>
/// The CSAF 2.0 JSON schema and the FIRST CVSS schemas it refers to, shipped verbatim as embedded resources (see
/// Schemas/NOTICE) and registered locally under the URIs the schema names: nothing is fetched over the network.
/// </summary>
internal static class CsafSchemas
{
    private const string ResourcePrefix = "csaf-schemas/";

    /// <summary>The embedded schema files by name.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "csaf_json_schema.json",
        "cvss-v2.0.json", "cvss-v2.0_strict.json", "cvss-v3.0.json", "cvss-v3.0_strict.json", "cvss-v3.1.json", "cvss-v3.1_strict.json",
    ];

    private static readonly Lazy<Loaded> Main = new(LoadMain);
    private static readonly Lazy<Loaded> Closed = new(LoadClosed);
    private static readonly Lazy<Loaded> StrictV2 = new(() => LoadStrict("cvss-v2.0_strict.json"));
    private static readonly Lazy<Loaded> StrictV30 = new(() => LoadStrict("cvss-v3.0_strict.json"));
    private static readonly Lazy<Loaded> StrictV31 = new(() => LoadStrict("cvss-v3.1_strict.json"));

    /// <summary>The bytes of an embedded schema file, exactly as shipped.</summary>
    public static byte[] ReadFile(string name)
    {
        using var stream = typeof(CsafSchemas).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The schema {name} is not embedded in {typeof(CsafSchemas).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The schema errors of <paramref name="document"/> (instance location, message), none when it conforms.</summary>
    public static IReadOnlyList<(string Path, string Message)> Errors(JsonNode? document) => Main.Value.Errors(document);

    /// <summary>
    /// The places where <paramref name="document"/> has a property the CSAF schema does not define (6.2.20): the
    /// schema, loaded with <c>additionalProperties: false</c> on every object it describes, reports them.
    /// </summary>
    public static IEnumerable<(string Path, string Message)> AdditionalProperties(JsonNode? document) =>
        Closed.Value.Errors(document, "additionalProperties");

    /// <summary>The errors of a CVSS object against FIRST's strict schema of its version (6.1.8); null for an unknown version.</summary>
    public static IReadOnlyList<(string Path, string Message)>? StrictErrors(string version, JsonNode? cvss) => version switch
    {
        "2.0" => StrictV2.Value.Errors(cvss),
        "3.0" => StrictV30.Value.Errors(cvss),
        "3.1" => StrictV31.Value.Errors(cvss),
        _ => null,
    };

    private static JsonSchema FromResource(string file) =>
        JsonSchema.FromText(System.Text.Encoding.UTF8.GetString(ReadFile(file)));

    private static Loaded LoadMain()
    {
        // The URIs the CSAF schema's $ref name; the registry answers them from the embedded copies.
        return Loaded.Create(FromResource("csaf_json_schema.json"),
            (new Uri("https://www.first.org/cvss/cvss-v2.0.json"), FromResource("cvss-v2.0.json")),
            (new Uri("https://www.first.org/cvss/cvss-v3.0.json"), FromResource("cvss-v3.0.json")),
            (new Uri("https://www.first.org/cvss/cvss-v3.1.json"), FromResource("cvss-v3.1.json")));
    }

    private static Loaded LoadClosed()
    {
        var schema = JsonNode.Parse(ReadFile("csaf_json_schema.json"))!.AsObject();
        schema["$id"] = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json#shirube-closed";
        Close(schema);
        return Loaded.Create(JsonSchema.FromText(schema.ToJsonString()),
            (new Uri("https://www.first.org/cvss/cvss-v2.0.json"), FromResource("cvss-v2.0.json")),
            (new Uri("https://www.first.org/cvss/cvss-v3.0.json"), FromResource("cvss-v3.0.json")),
            (new Uri("https://www.first.org/cvss/cvss-v3.1.json"), FromResource("cvss-v3.1.json")));
    }

    /// <summary>Adds <c>additionalProperties: false</c> to each subschema that lists properties (the CVSS schemas are referenced, not touched).</summary>
    private static void Close(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
                Close(item);
            return;
        }
        if (node is not JsonObject schema)
            return;
        if (schema["properties"] is JsonObject properties)
        {
            schema.TryAdd("additionalProperties", false);
            foreach (var (_, property) in properties)
                Close(property);
        }
        foreach (var (name, value) in schema.ToList())
            if (name != "properties")
                Close(value);
    }

    private static Loaded LoadStrict(string file) => Loaded.Create(FromResource(file));

    private sealed record Loaded(JsonSchema Schema, EvaluationOptions Flag, EvaluationOptions List)
    {
        public static Loaded Create(JsonSchema schema, params (Uri Uri, JsonSchema Schema)[] referenced)
        {
            // Draft-04 (the FIRST CVSS 2.0 and 3.0 schemas) is evaluated with draft-07 rules: the keywords they use
            // (type, enum, pattern, minimum, maximum, required, properties) mean the same in both.
            var flag = new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true, EvaluateAs = SpecVersion.Draft7 };
            var list = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true, EvaluateAs = SpecVersion.Draft7 };
            foreach (var options in new[] { flag, list })
            {
                // JsonSchema.Net knows no draft-04 meta-schema: its URI is answered with draft-07's, offline.
                options.SchemaRegistry.Register(new Uri("http://json-schema.org/draft-04/schema"), MetaSchemas.Draft7);
                foreach (var (uri, document) in referenced)
                    options.SchemaRegistry.Register(uri, document);
            }
            schema.Evaluate(new JsonObject(), flag);
            return new Loaded(schema, flag, list);
        }

        /// <summary>The errors of one keyword only, e.g. additionalProperties.</summary>
        public IEnumerable<(string Path, string Message)> Errors(JsonNode? instance, string keyword)
        {
            if (Schema.Evaluate(instance, Flag).IsValid)
                return [];
            return Schema.Evaluate(instance, List).Details
                .Where(d => d.HasErrors)
                // A property refused by "additionalProperties: false" fails the false schema under that keyword.
                .Where(d => d.EvaluationPath.ToString().EndsWith("/" + keyword, StringComparison.Ordinal))
                .SelectMany(d => d.Errors!.Select(e => (Path: d.InstanceLocation.ToString(), Message: e.Value)))
                .Distinct();
        }

        public List<(string Path, string Message)> Errors(JsonNode? instance)
        {
            if (Schema.Evaluate(instance, Flag).IsValid)
                return [];
            var details = Schema.Evaluate(instance, List);
            var errors = details.Details
                .Where(d => d.HasErrors)
                .OrderByDescending(d => d.InstanceLocation.Count)
                .SelectMany(d => d.Errors!.Select(e => (Path: d.InstanceLocation.ToString(), Message: e.Value)))
                .Distinct()
                .ToList();
            if (errors.Count == 0)
                errors.Add(("", "the document does not match the CSAF 2.0 schema."));
            return errors;
        }
    }
}
