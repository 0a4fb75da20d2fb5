using System.Text.Json.Nodes;
using Json.Schema;

namespace Shirube.Formats.Disclosure.Vex;

/// <summary>
/// An official JSON schema embedded verbatim (see the NOTICE beside it), loaded once, optionally narrowed to one of
/// its definitions, and the errors a document gives against it, deepest places first, each with its JSON pointer.
/// Shared by the VEX and CVE writers, which refuse to write a document their schema refuses.
/// </summary>
internal sealed class ExportSchema
{
    private readonly JsonSchema _schema;
    private readonly EvaluationOptions _flag;
    private readonly EvaluationOptions _list;

    private ExportSchema(JsonSchema schema, EvaluationOptions flag, EvaluationOptions list)
    {
        _schema = schema;
        _flag = flag;
        _list = list;
    }

    /// <summary>The bytes of an embedded resource, exactly as shipped.</summary>
    public static byte[] ReadResource(string resource)
    {
        using var stream = typeof(ExportSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The schema {resource} is not embedded in {typeof(ExportSchema).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Loads the embedded schema <paramref name="resource"/>; with <paramref name="definition"/> (a JSON pointer
    /// fragment such as <c>/definitions/cnaPublishedContainer</c>) documents are checked against that part only.
    /// </summary>
    public static ExportSchema Load(string resource, string? definition = null)
    {
        var flag = new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
        var list = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        foreach (var options in new[] { flag, list })
        {
            // The CVE schema embeds FIRST's draft-04 CVSS 2.0 and 3.0 schemas; JsonSchema.Net knows no draft-04
            // meta-schema, so its URI is answered with draft-07's (the keywords they use mean the same), offline.
            options.SchemaRegistry.Register(new Uri("http://json-schema.org/draft-04/schema"), MetaSchemas.Draft7);
        }
        var document = JsonSchema.FromText(System.Text.Encoding.UTF8.GetString(ReadResource(resource)));
        var schema = document;
        if (definition is not null)
        {
            var id = document.GetId() ?? throw new InvalidOperationException($"The schema {resource} has no $id to refer to.");
            // Each options object has its own registry: two schemas sharing inner $ids (CVE 5.1 and 5.2) never meet.
            flag.SchemaRegistry.Register(document);
            list.SchemaRegistry.Register(document);
            schema = new JsonSchemaBuilder()
                .Schema(MetaSchemas.Draft7Id)
                .Ref(new Uri(id, "#" + definition))
                .Build();
        }
        // A first evaluation runs the schema's one-time analysis before the schema is shared between threads.
        schema.Evaluate(new JsonObject(), flag);
        return new ExportSchema(schema, flag, list);
    }

    /// <summary>The schema errors of <paramref name="document"/>, as (JSON pointer, message); empty when it validates.</summary>
    public IReadOnlyList<(string Path, string Message)> Errors(JsonNode? document)
    {
        if (_schema.Evaluate(document, _flag).IsValid)
            return [];
        var errors = _schema.Evaluate(document, _list).Details
            .Where(d => d.HasErrors)
            // anyOf/oneOf branches report errors even where another branch passes: the deepest places say most.
            .OrderByDescending(d => d.InstanceLocation.Count)
            .SelectMany(d => d.Errors!.Select(e => (Path: d.InstanceLocation.ToString() is { Length: > 0 } p ? p : "/", Message: e.Value)))
            .Distinct()
            .ToList();
        if (errors.Count == 0)
            errors.Add(("/", "the document does not match the schema."));
        return errors;
    }

    /// <summary>The first few errors in one sentence, for an exception's reason.</summary>
    public static string Describe(IReadOnlyList<(string Path, string Message)> errors, int shown = 5)
    {
        var text = string.Join("; ", errors.Take(shown).Select(e => $"{e.Path}: {e.Message}"));
        return errors.Count > shown ? $"{text} (and {errors.Count - shown} more)" : text;
    }
}
