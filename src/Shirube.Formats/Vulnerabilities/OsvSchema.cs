using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Shirube.Formats.Vulnerabilities;

/// <summary>
/// The OSV JSON schema (a verbatim copy of osv-schema's validation/schema.json, see Schemas/NOTICE), embedded in the
/// assembly, and the check of one record against it.
/// </summary>
public static class OsvSchema
{
    /// <summary>The name of the embedded resource.</summary>
    public const string ResourceName = "Shirube.Formats.Vulnerabilities.Schemas.osv-schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = Open();
        using var reader = new StreamReader(stream);
        // The schema's $id is OSV's URL; building it from text registers it under that id, once per process.
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    private static readonly EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>The embedded schema's bytes, as shipped.</summary>
    public static Stream Open() =>
        typeof(OsvSchema).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");

    /// <summary>
    /// Checks one record; a record the schema refuses gives the JSON pointer of the first failing place and why.
    /// </summary>
    /// <exception cref="VulnerabilityFormatException">The record does not conform.</exception>
    public static void Check(JsonNode record, string file)
    {
        // The flag form is several times quicker; the detailed one runs only to explain a refusal.
        if (Schema.Value.Evaluate(record, Quick).IsValid)
            return;
        var failures = new List<EvaluationResults>();
        Failures(Schema.Value.Evaluate(record, Detailed), failures);
        // The shallowest place that fails in itself: a missing required key at the root, or an array that lacks
        // what "contains" asks for, rather than the items it tried.
        var first = failures.OrderBy(l => l.InstanceLocation.Count).FirstOrDefault()
            ?? throw new VulnerabilityFormatException(file, "/", "the record does not conform to the OSV schema.");
        var at = first.InstanceLocation.ToString() is { Length: > 0 } p ? p : "/";
        var why = string.Join("; ", first.Errors!.Values.Distinct(StringComparer.Ordinal).Take(3));
        throw new VulnerabilityFormatException(file, at, $"does not conform to the OSV schema: {why}");
    }

    // Follows only failing results down from the root (a failing branch of a oneOf that passed is no failure) and
    // keeps those that carry an error of their own.
    private static void Failures(EvaluationResults result, List<EvaluationResults> failures)
    {
        if (result.HasErrors)
            failures.Add(result);
        if (!result.HasDetails)
            return;
        foreach (var child in result.Details.Where(d => !d.IsValid))
            Failures(child, failures);
    }
}
