using Json.Schema;
using Shirube.Formats.Tests.Oscal;

namespace Shirube.Formats.Tests.Exports;

/// <summary>
/// The OSCAL 1.0.6 profile and assessment-results schemas from the shared corpora, loaded the way
/// <see cref="OscalTestData"/> loads the catalog schema (its remarks say why): JsonSchema.Net 7.4.0 does not resolve
/// the draft-07 plain-name ids, so every <c>"$ref": "#name"</c> becomes its JSON pointer first.
/// </summary>
internal static class ExportTestSchemas
{
    private static readonly Lazy<JsonSchema> Profile = new(() => Load("oscal_profile_schema.json"));
    private static readonly Lazy<JsonSchema> AssessmentResults = new(() => Load("oscal_assessment-results_schema.json"));

    public static string SchemaPath(string file) => Path.Combine(OscalTestData.Corpora(), "oscal-schemas", "v1.0.6", "json", "schema", file);

    /// <summary>Profile schema errors (empty when valid), the <paramref name="take"/> deepest.</summary>
    public static IReadOnlyList<string> ProfileErrors(string json, int take = 10) => Errors(Profile.Value, json, take);

    /// <summary>Assessment-results schema errors (empty when valid), the <paramref name="take"/> deepest.</summary>
    public static IReadOnlyList<string> AssessmentResultsErrors(string json, int take = 10) => Errors(AssessmentResults.Value, json, take);

    private static IReadOnlyList<string> Errors(JsonSchema schema, string json, int take) => OscalTestData.SchemaErrors(schema, json, take);

    private static JsonSchema Load(string file) => OscalTestData.LoadSchema(SchemaPath(file));
}
