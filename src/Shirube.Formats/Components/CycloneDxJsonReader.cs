using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using static Shirube.Formats.Components.JsonFields;

namespace Shirube.Formats.Components;

/// <summary>CycloneDX 1.2–1.6 JSON: checked against the official schema of its specVersion, then mapped.</summary>
internal static class CycloneDxJsonReader
{
    /// <summary>The CycloneDX versions read, in both JSON and XML.</summary>
    public static readonly IReadOnlyList<string> Versions = ["1.2", "1.3", "1.4", "1.5", "1.6"];

    public static Sbom Read(JsonObject document, string file)
    {
        var version = Text(document, "specVersion");
        if (version is null || !Versions.Contains(version))
        {
            throw new SbomFormatException(file, "/specVersion", version is null
                ? "missing or not a string: a CycloneDX BOM names its specVersion (1.2 to 1.6 are read)."
                : $"CycloneDX {version} is not read; 1.2 to 1.6 are.");
        }
        SbomSchemas.Validate(document, $"bom-{version}.schema.json", "CycloneDX " + version, file);

        var builder = new SbomBuilder(file);
        var metadata = document["metadata"];
        if (metadata?["component"] is JsonObject subject)
        {
            var s = Component(subject, "/metadata/component", null);
            builder.SetSubject(s, "/metadata/component");
            Nested(builder, subject, "/metadata/component", s.Ref);
        }
        foreach (var (component, i) in Objects(document, "components"))
            Add(builder, component, $"/components/{i}", null);
        foreach (var (dependency, _) in Objects(document, "dependencies"))
        {
            if (Text(dependency, "ref") is not { } from)
                continue;
            foreach (var to in Array(dependency, "dependsOn").Select(Text).OfType<string>())
                builder.Depend(from, to);
        }
        return builder.Build(SbomFormat.CycloneDx, version, Text(metadata?["component"], "name"));
    }

    private static void Add(SbomBuilder builder, JsonObject node, string place, string? parent)
    {
        var component = Component(node, place, parent);
        builder.Add(component, place + (node.ContainsKey("bom-ref") ? "/bom-ref" : ""));
        Nested(builder, node, place, component.Ref);
    }

    private static void Nested(SbomBuilder builder, JsonObject node, string place, string parent)
    {
        foreach (var (child, i) in Objects(node, "components"))
            Add(builder, child, $"{place}/components/{i}", parent);
    }

    private static SbomComponent Component(JsonObject node, string place, string? parent) =>
        // A component without bom-ref gets its JSON pointer as reference: unique in the document, and no
        // dependency can name it anyway.
        new(Text(node, "bom-ref") is { Length: > 0 } reference ? reference : "#" + place, Text(node, "name") ?? "")
        {
            Version = Text(node, "version"),
            Type = Text(node, "type"),
            Purl = SbomBuilder.Purl(Text(node, "purl")),
            Cpe = SbomBuilder.Cpe(Text(node, "cpe")),
            Supplier = Text(node["supplier"], "name") ?? Text(node, "publisher"),
            Licences = SbomBuilder.Licences(Array(node, "licenses").Select(Licence)),
            Hashes = [.. Objects(node, "hashes").Select(h => (Alg: Text(h.Item, "alg"), Content: Text(h.Item, "content")))
                .Where(h => h.Alg is not null && h.Content is not null)
                .Select(h => new SbomHash(h.Alg!, h.Content!))],
            ParentRef = parent,
        };

    private static string? Licence(JsonNode? choice) =>
        Text(choice, "expression") ?? Text(choice?["license"], "id") ?? Text(choice?["license"], "name");
}
