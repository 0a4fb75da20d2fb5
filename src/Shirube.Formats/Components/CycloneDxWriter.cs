using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shirube.Domain.Components;

namespace Shirube.Formats.Components;

/// <summary>
/// Writes an <see cref="Sbom"/>, whatever it was read from, as CycloneDX 1.6 JSON that validates against the 1.6
/// schema: components nested under their parent, types mapped from SPDX purposes, hashes and licences kept where
/// CycloneDX can say them (an unknown hash algorithm is left out; a licence that is not an SPDX id is a name).
/// </summary>
public static partial class CycloneDxWriter
{
    /// <summary>The specification version written.</summary>
    public const string SpecVersion = "1.6";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "application", "framework", "library", "container", "platform", "operating-system", "device", "device-driver",
        "firmware", "file", "machine-learning-model", "data", "cryptographic-asset",
    };

    /// <summary>Writes <paramref name="sbom"/> to <paramref name="output"/>.</summary>
    /// <param name="sbom">The SBOM.</param>
    /// <param name="output">Where to write the UTF-8 JSON.</param>
    /// <param name="timestamp">The metadata timestamp (the export's time, from the caller's clock).</param>
    /// <param name="serialNumber">The BOM's serial number (a new random one when null).</param>
    public static void Write(Sbom sbom, Stream output, DateTimeOffset timestamp, Guid? serialNumber = null)
    {
        ArgumentNullException.ThrowIfNull(sbom);
        ArgumentNullException.ThrowIfNull(output);
        var refs = sbom.Components.Select(c => c.Ref).ToHashSet(StringComparer.Ordinal);
        var children = sbom.Components.Where(c => c.ParentRef is { } p && refs.Contains(p) && p != c.Ref)
            .ToLookup(c => c.ParentRef!, StringComparer.Ordinal);
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        w.WriteString("bomFormat", "CycloneDX");
        w.WriteString("specVersion", SpecVersion);
        w.WriteString("serialNumber", "urn:uuid:" + (serialNumber ?? Guid.NewGuid()).ToString("D", CultureInfo.InvariantCulture));
        w.WriteNumber("version", 1);
        w.WriteStartObject("metadata");
        w.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteStartObject("tools");
        w.WriteStartArray("components");
        w.WriteStartObject();
        w.WriteString("type", "application");
        w.WriteString("name", "Shirube");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        if (sbom.Subject is { } subject && !refs.Contains(subject.Ref))
        {
            w.WritePropertyName("component");
            WriteComponent(w, subject, children, 0);
        }
        w.WriteEndObject();
        w.WriteStartArray("components");
        // A component whose parent is not in the SBOM (or is the subject) stays at the top: nothing is lost.
        foreach (var component in sbom.Components.Where(c => c.ParentRef is not { } p || !refs.Contains(p) || p == c.Ref))
            WriteComponent(w, component, children, 0);
        w.WriteEndArray();
        var known = sbom.Subject is { } s ? refs.Append(s.Ref).ToHashSet(StringComparer.Ordinal) : refs;
        var edges = sbom.Dependencies.Where(d => known.Contains(d.From) && known.Contains(d.To))
            .GroupBy(d => d.From, StringComparer.Ordinal).ToList();
        if (edges.Count > 0)
        {
            w.WriteStartArray("dependencies");
            foreach (var group in edges)
            {
                w.WriteStartObject();
                w.WriteString("ref", group.Key);
                w.WriteStartArray("dependsOn");
                foreach (var to in group.Select(d => d.To).Distinct(StringComparer.Ordinal))
                    w.WriteStringValue(to);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteComponent(Utf8JsonWriter w, SbomComponent c, ILookup<string, SbomComponent> children, int depth)
    {
        w.WriteStartObject();
        w.WriteString("type", Type(c.Type));
        w.WriteString("bom-ref", c.Ref);
        if (c.Supplier is { Length: > 0 } supplier)
        {
            w.WriteStartObject("supplier");
            w.WriteString("name", supplier);
            w.WriteEndObject();
        }
        w.WriteString("name", c.Name);
        if (c.Version is { } version)
            w.WriteString("version", version);
        var hashes = c.Hashes.Select(h => (Alg: HashAlgorithm(h.Algorithm), h.Value))
            .Where(h => h.Alg is not null && HashContent().IsMatch(h.Value))
            .DistinctBy(h => (h.Alg, h.Value.ToLowerInvariant()))
            .ToList();
        if (hashes.Count > 0)
        {
            w.WriteStartArray("hashes");
            foreach (var (alg, value) in hashes)
            {
                w.WriteStartObject();
                w.WriteString("alg", alg);
                w.WriteString("content", value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (c.Licences.Count > 0)
        {
            w.WriteStartArray("licenses");
            foreach (var licence in c.Licences)
            {
                w.WriteStartObject();
                w.WriteStartObject("license");
                w.WriteString(SbomSchemas.SpdxLicenceIds.Contains(licence) ? "id" : "name", licence);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (c.Cpe is { } cpe)
            w.WriteString("cpe", cpe.ToString());
        if (c.Purl is { } purl)
            w.WriteString("purl", purl.ToString());
        var nested = children[c.Ref].ToList();
        // The reader bounds nesting; an SBOM built in code could still loop through its parents.
        if (nested.Count > 0 && depth < SbomReader.MaxDepth / 4)
        {
            w.WriteStartArray("components");
            foreach (var child in nested)
                WriteComponent(w, child, children, depth + 1);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>The CycloneDX type for a CycloneDX type or an SPDX 2/3 primary purpose; library when none fits.</summary>
    public static string Type(string? type)
    {
        if (type is null)
            return "library";
        var t = type.Trim().ToLowerInvariant().Replace('_', '-');
        if (Types.Contains(t))
            return t;
        return t switch
        {
            "operatingsystem" => "operating-system",
            "source" or "archive" or "install" or "other" or "module" or "patch" => "library",
            "devicedriver" => "device-driver",
            "model" => "machine-learning-model",
            "configuration" or "documentation" or "data" or "evidence" or "manifest" or "requirement" or "specification" or "test" => "data",
            "executable" => "application",
            _ => "library",
        };
    }

    /// <summary>The CycloneDX algorithm for an SPDX or CycloneDX name (SHA256, sha256, SHA-256 → SHA-256); null if none.</summary>
    public static string? HashAlgorithm(string algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var a = algorithm.Trim().ToUpperInvariant().Replace("_", "-", StringComparison.Ordinal);
        return a switch
        {
            "MD5" => "MD5",
            "SHA1" or "SHA-1" => "SHA-1",
            "SHA256" or "SHA-256" => "SHA-256",
            "SHA384" or "SHA-384" => "SHA-384",
            "SHA512" or "SHA-512" => "SHA-512",
            "SHA3-256" => "SHA3-256",
            "SHA3-384" => "SHA3-384",
            "SHA3-512" => "SHA3-512",
            "BLAKE2B-256" => "BLAKE2b-256",
            "BLAKE2B-384" => "BLAKE2b-384",
            "BLAKE2B-512" => "BLAKE2b-512",
            "BLAKE3" => "BLAKE3",
            _ => null,
        };
    }

    // The 1.6 schema's hash-content pattern.
    [GeneratedRegex("^([a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$", RegexOptions.CultureInvariant)]
    private static partial Regex HashContent();
}
