using System.Globalization;
using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using Shirube.Domain.Disclosure.Vex;
using Shirube.Formats.Components;

namespace Shirube.Formats.Disclosure.Vex;

/// <summary>
/// Writes a <see cref="VexDocument"/> as a self-contained CycloneDX 1.6 VEX BOM: each product version is a top-level
/// component, the components the statements concern are nested inside it, and each statement is one entry of
/// <c>vulnerabilities[]</c> whose <c>affects[].ref</c> names the component (or the product) by its bom-ref in the same
/// BOM. No bom-link to another BOM is needed, so the file validates and reads on its own. The BOM is checked against
/// the embedded CycloneDX 1.6 schema before it is written.
/// </summary>
public static class CycloneDxVexWriter
{
    private const string Format = "CycloneDX VEX";

    /// <summary>
    /// The CycloneDX analysis state of a VEX status: not_affected, exploitable, resolved, in_triage
    /// (<see cref="VexStatuses.ToFindingState"/> in CycloneDX's words).
    /// </summary>
    public static string StateOf(VexStatus status) => VexNames.Of(VexStatuses.ToFindingState(status));

    /// <summary>The CycloneDX VEX BOM, checked against the CycloneDX 1.6 schema.</summary>
    /// <exception cref="VexExportException">The document has problems (see <see cref="VexDocument.Problems"/>) or the result does not validate.</exception>
    public static JsonObject Build(VexDocument document)
    {
        VexJson.Check(document, Format);
        var products = new List<(string Key, string Ref, VexProduct Product, List<(string Key, string Ref, VexProduct Component)> Components)>();
        var vulnerabilities = new JsonArray();
        for (var i = 0; i < document.Statements.Count; i++)
        {
            var s = document.Statements[i];
            var productKey = Key(s.Product);
            var product = products.FirstOrDefault(p => p.Key == productKey);
            if (product.Ref is null)
            {
                product = (productKey, $"product-{(products.Count + 1).ToString(CultureInfo.InvariantCulture)}", s.Product, []);
                products.Add(product);
            }
            var target = product.Ref;
            if (s.Component is { } component)
            {
                var componentKey = Key(component);
                var nested = product.Components.FirstOrDefault(c => c.Key == componentKey);
                if (nested.Ref is null)
                {
                    nested = (componentKey, $"{product.Ref}/component-{(product.Components.Count + 1).ToString(CultureInfo.InvariantCulture)}", component);
                    product.Components.Add(nested);
                }
                target = nested.Ref;
            }
            vulnerabilities.Add(Vulnerability(s, $"vex-{(i + 1).ToString(CultureInfo.InvariantCulture)}", target));
        }
        var root = new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = CycloneDxWriter.SpecVersion,
            ["serialNumber"] = "urn:uuid:" + document.SerialNumber.ToString("D", CultureInfo.InvariantCulture),
            ["version"] = document.Version,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = VexJson.Time(document.Timestamp),
                ["tools"] = new JsonObject { ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "Shirube" }) },
                ["authors"] = new JsonArray(new JsonObject { ["name"] = document.Author }),
            },
            ["components"] = new JsonArray([.. products.Select(p =>
            {
                var node = Component(p.Product, p.Ref, "application");
                if (p.Components.Count > 0)
                    node["components"] = new JsonArray([.. p.Components.Select(c => (JsonNode)Component(c.Component, c.Ref, "library"))]);
                return (JsonNode)node;
            })]),
            ["vulnerabilities"] = vulnerabilities,
        };
        try
        {
            SbomSchemas.Validate(root, "bom-1.6.schema.json", "CycloneDX 1.6", Format);
        }
        catch (SbomFormatException e)
        {
            throw new VexExportException(Format, e.Path, "the written document " + e.Reason, e);
        }
        return root;
    }

    /// <summary>Writes the BOM as UTF-8 JSON to <paramref name="output"/>.</summary>
    /// <exception cref="VexExportException">As <see cref="Build"/>; nothing is written then.</exception>
    public static void Write(VexDocument document, Stream output) => VexJson.Write(Build(document), output);

    private static JsonObject Vulnerability(VexStatement s, string bomRef, string target)
    {
        var analysis = new JsonObject { ["state"] = StateOf(s.Status) };
        if (s.Justification is { } justification)
            analysis["justification"] = VexNames.Of(justification);
        if (s.Responses.Count > 0)
            analysis["response"] = new JsonArray([.. s.Responses.Distinct().Select(r => (JsonNode)VexNames.Of(r))]);
        if (!string.IsNullOrWhiteSpace(s.ImpactStatement))
            analysis["detail"] = s.ImpactStatement.Trim();
        if (s.Timestamp is { } time)
            analysis["lastUpdated"] = VexJson.Time(time);
        var vulnerability = new JsonObject
        {
            ["bom-ref"] = bomRef,
            ["id"] = s.Vulnerability.Id,
            ["source"] = Source(s.Vulnerability.Id),
        };
        var aliases = s.Vulnerability.Aliases.Where(a => !string.IsNullOrWhiteSpace(a) && a != s.Vulnerability.Id).Distinct(StringComparer.Ordinal).ToList();
        if (aliases.Count > 0)
            vulnerability["references"] = new JsonArray([.. aliases.Select(a => (JsonNode)new JsonObject { ["id"] = a, ["source"] = Source(a) })]);
        if (!string.IsNullOrWhiteSpace(s.ActionStatement))
            vulnerability["recommendation"] = s.ActionStatement.Trim();
        vulnerability["analysis"] = analysis;
        vulnerability["affects"] = new JsonArray(new JsonObject { ["ref"] = target });
        return vulnerability;
    }

    /// <summary>Where an id comes from, by its prefix: the NVD for CVE, GitHub for GHSA, JVN for JVN and JVNDB ids.</summary>
    private static JsonObject Source(string id)
    {
        if (id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase))
            return new JsonObject { ["name"] = "NVD", ["url"] = "https://nvd.nist.gov/vuln/detail/" + Uri.EscapeDataString(id) };
        if (id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase))
            return new JsonObject { ["name"] = "GitHub", ["url"] = "https://github.com/advisories/" + Uri.EscapeDataString(id) };
        if (id.StartsWith("JVN", StringComparison.OrdinalIgnoreCase))
            return new JsonObject { ["name"] = "JVN" };
        return new JsonObject { ["name"] = id.Split('-', 2)[0] };
    }

    private static JsonObject Component(VexProduct product, string bomRef, string type)
    {
        var node = new JsonObject { ["type"] = type, ["bom-ref"] = bomRef, ["name"] = product.Name };
        if (product.Version is { Length: > 0 } version)
            node["version"] = version;
        if (product.Cpe is { } cpe)
            node["cpe"] = cpe.ToString();
        if (product.Purl is { } purl)
            node["purl"] = purl.ToString();
        if (product.Iri is { } iri)
            node["externalReferences"] = new JsonArray(new JsonObject { ["type"] = "website", ["url"] = iri.ToString() });
        return node;
    }

    private static string Key(VexProduct p) =>
        p.Purl?.ToString() ?? p.Cpe?.ToString() ?? p.Iri?.ToString() ?? $"{p.Name}@{p.Version}";
}
