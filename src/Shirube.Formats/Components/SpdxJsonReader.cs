using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using static Shirube.Formats.Components.JsonFields;

namespace Shirube.Formats.Components;

/// <summary>SPDX 2.2 and 2.3 JSON: checked against the official schema of its version, then mapped.</summary>
internal static class SpdxJsonReader
{
    /// <summary>The SPDX 2 versions read, as the documents write them.</summary>
    public static readonly IReadOnlyList<string> Versions = ["SPDX-2.2", "SPDX-2.3"];

    public static Sbom Read(JsonObject document, string file)
    {
        var version = Text(document, "spdxVersion");
        if (version is null || !Versions.Contains(version))
        {
            throw new SbomFormatException(file, "/spdxVersion", version is null
                ? "not a string: an SPDX 2 document names its version (SPDX-2.2 or SPDX-2.3 are read)."
                : $"'{version}' is not read; SPDX-2.2 and SPDX-2.3 are (SPDX 3 documents are JSON-LD with an @context).");
        }
        SbomSchemas.Validate(document, version == "SPDX-2.2" ? "spdx-schema-v2.2.json" : "spdx-schema-v2.3.json", version, file, Tolerated);

        var builder = new SbomBuilder(file);
        var packages = new Dictionary<string, SbomComponent>(StringComparer.Ordinal);
        foreach (var (package, i) in Objects(document, "packages"))
        {
            var place = $"/packages/{i}";
            var component = new SbomComponent(Text(package, "SPDXID") ?? "", Text(package, "name") ?? "")
            {
                Version = Text(package, "versionInfo"),
                Type = Text(package, "primaryPackagePurpose"),
                Supplier = SbomBuilder.Supplier(Text(package, "supplier")),
                Licences = SbomBuilder.Licences([Text(package, "licenseConcluded"), Text(package, "licenseDeclared")]),
                Hashes = [.. Objects(package, "checksums")
                    .Select(c => (Alg: Text(c.Item, "algorithm"), Value: Text(c.Item, "checksumValue")))
                    .Where(c => c.Alg is not null && c.Value is not null)
                    .Select(c => new SbomHash(c.Alg!, c.Value!))],
            };
            component = Spdx.WithReferences(component,
                Objects(package, "externalRefs").Select(r => (Text(r.Item, "referenceType"), Text(r.Item, "referenceLocator"))));
            builder.Add(component, place + "/SPDXID");
            packages[component.Ref] = component;
        }
        var described = Texts(document, "documentDescribes").ToList();
        foreach (var (relationship, _) in Objects(document, "relationships"))
        {
            Spdx.Relate(builder, Text(relationship, "spdxElementId"), Text(relationship, "relationshipType"),
                Text(relationship, "relatedSpdxElement"), Text(document, "SPDXID"), described);
        }
        if (described.Select(d => packages.GetValueOrDefault(d)).FirstOrDefault(p => p is not null) is { } subject)
            builder.SetSubject(subject);
        return builder.Build(SbomFormat.Spdx, version["SPDX-".Length..], Text(document, "name"));
    }

    /// <summary>
    /// Real SPDX 2 generators (Yocto's create-spdx among them) write members the schema does not define
    /// ("packageSupplier", "$schema") and 2.2 documents use terms only 2.3 lists (AMENDS, PACKAGE-MANAGER). Such an
    /// unknown member is ignored and such a term read as 2.3 defines it; every other schema error refuses the document.
    /// </summary>
    private static bool Tolerated(string location, string keyword, JsonNode? value) =>
        // JsonSchema.Net reports a failed boolean schema (additionalProperties: false) with an empty keyword.
        keyword is "" or "false"
        || keyword == "enum" && (location.EndsWith("/relationshipType", StringComparison.Ordinal) || location.EndsWith("/referenceCategory", StringComparison.Ordinal))
            && Text(value) is { } term && Spdx23Terms.Value.Contains(term);

    private static readonly Lazy<HashSet<string>> Spdx23Terms = new(() =>
    {
        var schema = JsonNode.Parse(SbomSchemas.ReadFile("spdx-schema-v2.3.json"))!["properties"]!;
        var relationship = schema["relationships"]!["items"]!["properties"]!["relationshipType"]!["enum"]!.AsArray();
        var category = schema["packages"]!["items"]!["properties"]!["externalRefs"]!["items"]!["properties"]!["referenceCategory"]!["enum"]!.AsArray();
        return [.. relationship.Concat(category).Select(n => n!.GetValue<string>())];
    });
}

/// <summary>What SPDX 2 JSON and tag-value share: external references and relationships.</summary>
internal static class Spdx
{
    /// <summary>
    /// Relationships that become dependency edges, from the first element to the second: what a component depends
    /// on, links or contains is shipped with it, which is what vulnerability matching needs to follow.
    /// </summary>
    private static readonly HashSet<string> Forward = new(StringComparer.OrdinalIgnoreCase)
    {
        "DEPENDS_ON", "CONTAINS", "DYNAMIC_LINK", "STATIC_LINK",
    };

    /// <summary>The same edges written from the other end (B DEPENDENCY_OF A is A DEPENDS_ON B).</summary>
    private static readonly HashSet<string> Reversed = new(StringComparer.OrdinalIgnoreCase)
    {
        "DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF", "CONTAINED_BY",
    };

    /// <summary>The component with its first valid purl and first valid CPE (cpe23Type, then cpe22Type).</summary>
    public static SbomComponent WithReferences(SbomComponent component, IEnumerable<(string? Type, string? Locator)> references)
    {
        var list = references.ToList();
        // Yocto writes the type as its full URI (http://spdx.org/rdf/references/cpe23Type): its last segment counts.
        static string? Term(string? type) => type?[(type.LastIndexOfAny(['/', '#']) + 1)..];
        string?[] Of(string type) => [.. list.Where(r => string.Equals(Term(r.Type), type, StringComparison.OrdinalIgnoreCase)).Select(r => r.Locator)];
        return component with
        {
            Purl = Of("purl").Select(SbomBuilder.Purl).FirstOrDefault(p => p is not null),
            Cpe = Of("cpe23Type").Concat(Of("cpe22Type")).Select(SbomBuilder.Cpe).FirstOrDefault(c => c is not null),
        };
    }

    /// <summary>Applies one relationship: a dependency edge, or the document describing a package.</summary>
    public static void Relate(SbomBuilder builder, string? from, string? type, string? to, string? document, List<string> described)
    {
        if (from is null || type is null || to is null)
            return;
        if (string.Equals(type, "DESCRIBES", StringComparison.OrdinalIgnoreCase) && from == (document ?? "SPDXRef-DOCUMENT"))
            described.Add(to);
        else if (string.Equals(type, "DESCRIBED_BY", StringComparison.OrdinalIgnoreCase) && to == (document ?? "SPDXRef-DOCUMENT"))
            described.Add(from);
        else if (Forward.Contains(type))
            builder.Depend(from, to);
        else if (Reversed.Contains(type))
            builder.Depend(to, from);
    }
}
