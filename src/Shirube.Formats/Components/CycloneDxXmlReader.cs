using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Shirube.Domain.Components;

namespace Shirube.Formats.Components;

/// <summary>
/// CycloneDX 1.2–1.6 XML. The corpora hold no CycloneDX XSD, so the XML is read into the same model with the
/// structural checks the JSON schema of the same version makes on what Shirube keeps: component types, hash
/// algorithms and hash values come from that schema's own enums and pattern; a component needs a name, a licence an
/// id or a name, a dependency a ref; references are unique. No DTD, no external resource, a bounded size.
/// </summary>
internal static class CycloneDxXmlReader
{
    private const string NamespacePrefix = "http://cyclonedx.org/schema/bom/";

    private static readonly ConcurrentDictionary<string, Rules> RulesByVersion = new(StringComparer.Ordinal);

    public static Sbom Read(ReadOnlyMemory<byte> utf8, string file)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = SbomReader.MaxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XDocument xml;
        try
        {
            using var stream = new MemoryStream(utf8.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // A refused DTD is reported before any position is known (line 0): it is at the top of the document.
            throw new SbomFormatException(file, string.Create(CultureInfo.InvariantCulture, $"line {Math.Max(1, e.LineNumber)}, column {Math.Max(1, e.LinePosition)}"),
                "not well-formed XML (DTDs and entities are refused): " + e.Message, e);
        }
        var root = xml.Root!;
        var ns = root.Name.NamespaceName;
        if (root.Name.LocalName != "bom" || !ns.StartsWith(NamespacePrefix, StringComparison.Ordinal))
            throw new SbomFormatException(file, "/" + root.Name.LocalName, NotCycloneDx(root));
        var version = ns[NamespacePrefix.Length..];
        if (!CycloneDxJsonReader.Versions.Contains(version))
            throw new SbomFormatException(file, "/bom/@xmlns", $"CycloneDX {version} is not read; 1.2 to 1.6 are.");

        var rules = RulesByVersion.GetOrAdd(version, Rules.FromSchema);
        var context = new Context(file, XNamespace.Get(ns), rules, new SbomBuilder(file));
        var subject = root.Element(context.Ns + "metadata")?.Element(context.Ns + "component");
        if (subject is not null)
        {
            var place = "/bom/metadata/component";
            var s = Component(context, subject, place, null);
            context.Builder.SetSubject(s, At(subject, place));
            Nested(context, subject, place, s.Ref, 1);
        }
        Children(context, root, "/bom", null, 0);
        var index = 0;
        foreach (var dependency in root.Element(context.Ns + "dependencies")?.Elements(context.Ns + "dependency") ?? [])
        {
            index++;
            var place = $"/bom/dependencies/dependency[{index}]";
            var from = Required(context, dependency, "ref", place);
            var inner = 0;
            foreach (var to in dependency.Elements(context.Ns + "dependency"))
                context.Builder.Depend(from, Required(context, to, "ref", $"{place}/dependency[{++inner}]"));
        }
        return context.Builder.Build(SbomFormat.CycloneDx, version, subject?.Element(context.Ns + "name")?.Value);
    }

    private static string NotCycloneDx(XElement root) =>
        root.Name.LocalName == "RDF" || root.Name.NamespaceName.Contains("spdx.org", StringComparison.Ordinal)
            || root.Element("spdxVersion") is not null || root.Descendants().Any(e => e.Name.LocalName == "spdxVersion")
            ? "SPDX RDF/XML and SPDX XML are not read; convert the document to SPDX JSON or tag-value."
            : root.Name.LocalName == "SoftwareIdentity"
                ? "a SWID tag, not an SBOM: Shirube reads CycloneDX and SPDX."
                : $"an XML document whose root is <{root.Name.LocalName}>, not a CycloneDX <bom> in the namespace {NamespacePrefix}<version>.";

    private static void Children(Context context, XElement parent, string place, string? parentRef, int depth)
    {
        var index = 0;
        foreach (var component in parent.Element(context.Ns + "components")?.Elements(context.Ns + "component") ?? [])
        {
            var at = $"{place}/components/component[{++index}]";
            if (depth >= SbomReader.MaxDepth / 4)
                throw new SbomFormatException(context.File, At(component, at), "components are nested too deeply.");
            var c = Component(context, component, at, parentRef);
            context.Builder.Add(c, At(component, at));
            Nested(context, component, at, c.Ref, depth + 1);
        }
    }

    private static void Nested(Context context, XElement component, string place, string parentRef, int depth) =>
        Children(context, component, place, parentRef, depth);

    private static SbomComponent Component(Context context, XElement e, string place, string? parentRef)
    {
        var ns = context.Ns;
        var type = Required(context, e, "type", place);
        if (!context.Rules.Types.Contains(type))
            throw new SbomFormatException(context.File, At(e, place + "/@type"), $"'{type}' is not a component type of CycloneDX {context.Rules.Version} ({string.Join(", ", context.Rules.Types)}).");
        var name = e.Element(ns + "name")?.Value
            ?? throw new SbomFormatException(context.File, At(e, place), "the component has no <name>.");
        var hashes = new List<SbomHash>();
        var h = 0;
        foreach (var hash in e.Element(ns + "hashes")?.Elements(ns + "hash") ?? [])
        {
            var at = $"{place}/hashes/hash[{++h}]";
            var alg = Required(context, hash, "alg", at);
            if (!context.Rules.HashAlgorithms.Contains(alg))
                throw new SbomFormatException(context.File, At(hash, at + "/@alg"), $"'{alg}' is not a hash algorithm of CycloneDX {context.Rules.Version}.");
            var value = hash.Value.Trim();
            if (!context.Rules.HashContent.IsMatch(value))
                throw new SbomFormatException(context.File, At(hash, at), $"'{value}' is not a hash value (hexadecimal, 32 to 128 digits).");
            hashes.Add(new SbomHash(alg, value));
        }
        var licences = new List<string?>();
        var l = 0;
        foreach (var choice in e.Element(ns + "licenses")?.Elements() ?? [])
        {
            var at = $"{place}/licenses/{choice.Name.LocalName}[{++l}]";
            if (choice.Name == ns + "expression")
                licences.Add(choice.Value);
            else if (choice.Name == ns + "license")
                licences.Add(choice.Element(ns + "id")?.Value ?? choice.Element(ns + "name")?.Value
                    ?? throw new SbomFormatException(context.File, At(choice, at), "a licence needs an <id> or a <name>."));
        }
        return new SbomComponent(e.Attribute("bom-ref")?.Value is { Length: > 0 } reference ? reference : "#" + place, name)
        {
            Version = e.Element(ns + "version")?.Value,
            Type = type,
            Purl = SbomBuilder.Purl(e.Element(ns + "purl")?.Value),
            Cpe = SbomBuilder.Cpe(e.Element(ns + "cpe")?.Value),
            Supplier = e.Element(ns + "supplier")?.Element(ns + "name")?.Value ?? e.Element(ns + "publisher")?.Value,
            Licences = SbomBuilder.Licences(licences),
            Hashes = hashes,
            ParentRef = parentRef,
        };
    }

    private static string Required(Context context, XElement e, string attribute, string place) =>
        e.Attribute(attribute)?.Value is { Length: > 0 } value ? value
        : throw new SbomFormatException(context.File, At(e, place), $"the attribute '{attribute}' is missing.");

    private static string At(XElement e, string place) =>
        e is IXmlLineInfo info && info.HasLineInfo() ? string.Create(CultureInfo.InvariantCulture, $"{place} (line {info.LineNumber})") : place;

    private sealed record Context(string File, XNamespace Ns, Rules Rules, SbomBuilder Builder);

    /// <summary>What the JSON schema of a version allows for component types and hashes.</summary>
    private sealed record Rules(string Version, IReadOnlyList<string> Types, IReadOnlySet<string> HashAlgorithms, Regex HashContent)
    {
        public static Rules FromSchema(string version)
        {
            var definitions = JsonNode.Parse(SbomSchemas.ReadFile($"bom-{version}.schema.json"))!["definitions"]!;
            string[] Enum(JsonNode? node) => [.. node!["enum"]!.AsArray().Select(n => n!.GetValue<string>())];
            return new Rules(version,
                Enum(definitions["component"]!["properties"]!["type"]),
                Enum(definitions["hash-alg"]).ToHashSet(StringComparer.Ordinal),
                new Regex(definitions["hash-content"]!["pattern"]!.GetValue<string>(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
    }
}
