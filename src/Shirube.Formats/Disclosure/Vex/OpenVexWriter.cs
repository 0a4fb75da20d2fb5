using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using Shirube.Domain.Disclosure.Vex;

namespace Shirube.Formats.Disclosure.Vex;

/// <summary>
/// Writes a <see cref="VexDocument"/> as OpenVEX 0.2.0 JSON: one statement per <see cref="VexStatement"/>, the
/// product as <c>products[]</c> (its purl as <c>@id</c>, or its IRI; its purl and CPE as <c>identifiers</c>) and the
/// component inside it as a subcomponent; the justification in OpenVEX's five labels (see
/// <see cref="JustificationOf"/>). The document is checked against the embedded OpenVEX schema before it is written.
/// </summary>
public static class OpenVexWriter
{
    /// <summary>The JSON-LD context of OpenVEX 0.2.0.</summary>
    public const string Context = "https://openvex.dev/ns/v0.2.0";

    private const string Format = "OpenVEX";

    private static readonly Lazy<ExportSchema> Schema = new(() => ExportSchema.Load("vex-schemas/openvex_json_schema.json"));

    /// <summary>The embedded schema's bytes, exactly as shipped.</summary>
    public static byte[] SchemaFile() => ExportSchema.ReadResource("vex-schemas/openvex_json_schema.json");

    /// <summary>
    /// The OpenVEX justification for a CycloneDX one. OpenVEX has five labels for CycloneDX's nine, so four reasons
    /// merge: requires_configuration, requires_dependency and requires_environment become
    /// <c>vulnerable_code_not_in_execute_path</c>; protected_by_compiler, protected_at_runtime and
    /// protected_by_mitigating_control become <c>inline_mitigations_already_exist</c>. OpenVEX's
    /// <c>component_not_present</c> has no CycloneDX counterpart and is never written.
    /// </summary>
    public static string JustificationOf(FindingJustification justification) => justification switch
    {
        FindingJustification.CodeNotPresent => "vulnerable_code_not_present",
        FindingJustification.CodeNotReachable => "vulnerable_code_not_in_execute_path",
        FindingJustification.RequiresConfiguration => "vulnerable_code_not_in_execute_path",
        FindingJustification.RequiresDependency => "vulnerable_code_not_in_execute_path",
        FindingJustification.RequiresEnvironment => "vulnerable_code_not_in_execute_path",
        FindingJustification.ProtectedByCompiler => "inline_mitigations_already_exist",
        FindingJustification.ProtectedAtRuntime => "inline_mitigations_already_exist",
        FindingJustification.ProtectedAtPerimeter => "vulnerable_code_cannot_be_controlled_by_adversary",
        FindingJustification.ProtectedByMitigatingControl => "inline_mitigations_already_exist",
        _ => throw new ArgumentOutOfRangeException(nameof(justification), justification, "Not a justification."),
    };

    /// <summary>The schema errors of an OpenVEX document, as (JSON pointer, message); empty when it validates.</summary>
    public static IReadOnlyList<(string Path, string Message)> SchemaErrors(JsonNode document) => Schema.Value.Errors(document);

    /// <summary>The OpenVEX document, checked against the schema.</summary>
    /// <exception cref="VexExportException">The document has problems (see <see cref="VexDocument.Problems"/>), a product has no purl, CPE or IRI, or the result does not validate.</exception>
    public static JsonObject Build(VexDocument document)
    {
        VexJson.Check(document, Format);
        var statements = new JsonArray();
        for (var i = 0; i < document.Statements.Count; i++)
        {
            var statement = Statement(document.Statements[i], $"statements[{i}]");
            // The schema wants the statements unique: two findings can say the same thing about one product.
            if (!statements.Any(s => JsonNode.DeepEquals(s, statement)))
                statements.Add(statement);
        }
        var root = new JsonObject
        {
            ["@context"] = Context,
            ["@id"] = document.IdOrSerial,
            ["author"] = document.Author,
            ["timestamp"] = VexJson.Time(document.Timestamp),
            ["version"] = document.Version,
            ["tooling"] = "Shirube",
            ["statements"] = statements,
        };
        VexJson.Validate(Schema.Value, root, Format);
        return root;
    }

    /// <summary>Writes the document as UTF-8 JSON to <paramref name="output"/>.</summary>
    /// <exception cref="VexExportException">As <see cref="Build"/>; nothing is written then.</exception>
    public static void Write(VexDocument document, Stream output) => VexJson.Write(Build(document), output);

    private static JsonObject Statement(VexStatement s, string at)
    {
        var vulnerability = new JsonObject { ["name"] = s.Vulnerability.Id };
        var aliases = s.Vulnerability.Aliases.Where(a => !string.IsNullOrWhiteSpace(a) && a != s.Vulnerability.Id).Distinct(StringComparer.Ordinal).ToList();
        if (aliases.Count > 0)
            vulnerability["aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)a)]);
        var product = Identified(s.Product, at + ".product");
        if (s.Component is { } component)
            product["subcomponents"] = new JsonArray(Identified(component, at + ".component"));
        var statement = new JsonObject
        {
            ["vulnerability"] = vulnerability,
            ["products"] = new JsonArray(product),
            ["status"] = VexNames.Of(s.Status),
        };
        if (s.Timestamp is { } time)
            statement["timestamp"] = VexJson.Time(time);
        if (s.Justification is { } justification)
            statement["justification"] = JustificationOf(justification);
        if (!string.IsNullOrWhiteSpace(s.ImpactStatement))
            statement["impact_statement"] = s.ImpactStatement.Trim();
        if (!string.IsNullOrWhiteSpace(s.ActionStatement))
            statement["action_statement"] = s.ActionStatement.Trim();
        return statement;
    }

    private static JsonObject Identified(VexProduct product, string at)
    {
        if (!product.IsIdentified)
            throw new VexExportException(Format, at, $"OpenVEX names products by purl, CPE or IRI; {product.Name} {product.Version} has none.");
        var node = new JsonObject();
        if ((product.Purl?.ToString() ?? product.Iri?.ToString()) is { } id)
            node["@id"] = id;
        var identifiers = new JsonObject();
        if (product.Purl is { } purl)
            identifiers["purl"] = purl.ToString();
        if (product.Cpe is { } cpe)
            identifiers["cpe23"] = cpe.ToString();
        if (identifiers.Count > 0)
            node["identifiers"] = identifiers;
        return node;
    }
}
