using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using static Shirube.Formats.Components.JsonFields;

namespace Shirube.Formats.Components;

/// <summary>
/// SPDX 3.0 JSON-LD in its serialised (compacted) form: checked against the official 3.0.1 schema, then its
/// software_Package elements become components and its relationships the graph.
/// </summary>
internal static class Spdx3JsonReader
{
    private const string Context301 = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
    private const string Context300 = "https://spdx.org/rdf/3.0.0/spdx-context.jsonld";

    private static readonly HashSet<string> Forward = new(StringComparer.Ordinal) { "dependsOn", "contains", "hasDynamicLink", "hasStaticLink" };
    private static readonly HashSet<string> LicenceRelationships = new(StringComparer.Ordinal) { "hasConcludedLicense", "hasDeclaredLicense" };

    public static Sbom Read(JsonObject document, string file)
    {
        var context = Texts(document, "@context").FirstOrDefault(c => c.StartsWith("https://spdx.org/rdf/3.", StringComparison.Ordinal));
        if (context is not (Context301 or Context300))
        {
            throw new SbomFormatException(file, "/@context", context is null
                ? "a JSON-LD document that is not SPDX 3 (its @context is not https://spdx.org/rdf/3.0.1/spdx-context.jsonld)."
                : $"'{context}' is not read; SPDX 3.0.0 and 3.0.1 are.");
        }
        // 3.0.1 only corrected 3.0.0 (no serialised term changed); the one published schema is 3.0.1's, and it wants
        // its own context: a 3.0.0 document is checked as if it named 3.0.1.
        var checkedDocument = context == Context300 ? Retarget(document) : document;
        SbomSchemas.Validate(checkedDocument, "spdx-schema-v3.0.1.json", "SPDX 3.0.1", file);

        List<(JsonObject Element, string Place)> elements = document["@graph"] is JsonArray graph
            ? [.. graph.Select((e, i) => (e as JsonObject, $"/@graph/{i}")).Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.Item2))]
            : [(document, "/")];
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (element, _) in elements)
        {
            if (Id(element) is { } id)
                byId.TryAdd(id, element);
        }

        var licences = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        var relationships = elements.Where(e => Text(e.Element, "type") is "Relationship" or "LifecycleScopedRelationship").Select(e => e.Element).ToList();
        foreach (var relationship in relationships.Where(r => LicenceRelationships.Contains(Text(r, "relationshipType") ?? "")))
        {
            if (Text(relationship, "from") is not { } from)
                continue;
            var list = licences.TryGetValue(from, out var l) ? l : licences[from] = [];
            list.AddRange(Texts(relationship, "to").Select(to => byId.GetValueOrDefault(to) is { } licence
                ? Text(licence, "simplelicensing_licenseExpression") ?? Text(licence, "name") : null));
        }

        var builder = new SbomBuilder(file);
        var packages = new Dictionary<string, SbomComponent>(StringComparer.Ordinal);
        foreach (var (element, place) in elements.Where(e => Text(e.Element, "type") == "software_Package"))
        {
            var id = Id(element) ?? "#" + place;
            var identifiers = Objects(element, "externalIdentifier")
                .Select(x => (Type: Text(x.Item, "externalIdentifierType"), Value: Text(x.Item, "identifier")))
                .ToList();
            var component = new SbomComponent(id, Text(element, "name") ?? "")
            {
                Version = Text(element, "software_packageVersion"),
                Type = Text(element, "software_primaryPurpose"),
                Supplier = Agent(element["suppliedBy"], byId),
                Licences = SbomBuilder.Licences(licences.GetValueOrDefault(id) ?? []),
                Hashes = [.. Objects(element, "verifiedUsing")
                    .Where(h => Text(h.Item, "type") == "Hash")
                    .Select(h => (Alg: Text(h.Item, "algorithm"), Value: Text(h.Item, "hashValue")))
                    .Where(h => h.Alg is not null && h.Value is not null)
                    .Select(h => new SbomHash(h.Alg!, h.Value!))],
                Purl = new[] { Text(element, "software_packageUrl") }
                    .Concat(identifiers.Where(x => x.Type == "packageUrl").Select(x => x.Value))
                    .Select(SbomBuilder.Purl).FirstOrDefault(p => p is not null),
                Cpe = identifiers.Where(x => x.Type == "cpe23").Concat(identifiers.Where(x => x.Type == "cpe22"))
                    .Select(x => SbomBuilder.Cpe(x.Value)).FirstOrDefault(c => c is not null),
            };
            builder.Add(component, place + (element.ContainsKey("spdxId") ? "/spdxId" : ""));
            packages[id] = component;
        }
        foreach (var relationship in relationships)
        {
            if (!Forward.Contains(Text(relationship, "relationshipType") ?? "") || Text(relationship, "from") is not { } from)
                continue;
            foreach (var to in Texts(relationship, "to"))
                builder.Depend(from, to);
        }

        var spdxDocument = elements.Select(e => e.Element).FirstOrDefault(e => Text(e, "type") == "SpdxDocument");
        if (Subject(spdxDocument, byId, packages, 0) is { } subject)
            builder.SetSubject(subject);
        var version = elements.Select(e => e.Element).Where(e => Text(e, "type") == "CreationInfo").Select(e => Text(e, "specVersion")).FirstOrDefault(v => v is not null)
            ?? (context == Context300 ? "3.0.0" : "3.0.1");
        return builder.Build(SbomFormat.Spdx, version, Text(spdxDocument, "name"));
    }

    private static string? Id(JsonObject element) => Text(element, "spdxId") ?? Text(element, "@id");

    // The first package among the document's root elements, looking inside an Sbom element named there.
    private static SbomComponent? Subject(JsonObject? element, Dictionary<string, JsonObject> byId, Dictionary<string, SbomComponent> packages, int depth)
    {
        if (element is null || depth > 4)
            return null;
        foreach (var root in Texts(element, "rootElement"))
        {
            if (packages.TryGetValue(root, out var package))
                return package;
            if (byId.GetValueOrDefault(root) is { } inner && Text(inner, "type") == "software_Sbom" && Subject(inner, byId, packages, depth + 1) is { } found)
                return found;
        }
        return null;
    }

    private static string? Agent(JsonNode? reference, Dictionary<string, JsonObject> byId) =>
        reference is JsonObject inline ? Text(inline, "name")
        : Text(reference) is { } id ? (byId.GetValueOrDefault(id) is { } agent ? Text(agent, "name") : null)
        : null;

    private static JsonObject Retarget(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        copy["@context"] = Context301;
        return copy;
    }
}
