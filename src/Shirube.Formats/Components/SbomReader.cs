using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using Shirube.Formats.Exploitation;

namespace Shirube.Formats.Components;

/// <summary>
/// Reads an SBOM of any supported format (CycloneDX 1.2–1.6 JSON and XML, SPDX 2.2/2.3 JSON and tag-value, SPDX 3.0
/// JSON-LD), recognised by its content, validated against the official schema, all or nothing.
/// </summary>
public static class SbomReader
{
    /// <summary>The largest SBOM read: 100 MiB (a 5,000-component CycloneDX JSON is about 2 MB).</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>The deepest JSON nesting read (CycloneDX nests components about 4 levels of JSON per level).</summary>
    public const int MaxDepth = 128;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads the document; <see cref="SbomFormatException"/> names the file, the place and what is wrong.</summary>
    public static Sbom Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var bytes = ReadBounded(content, fileName);
        var utf8 = ToUtf8(bytes, fileName);
        var first = FirstSignificant(utf8.Span);
        return first switch
        {
            -1 => throw new SbomFormatException(fileName, "byte 0", "the file is empty."),
            (byte)'{' => ReadJson(utf8, fileName),
            (byte)'[' => throw new SbomFormatException(fileName, "/", "a JSON array is not an SBOM: CycloneDX and SPDX documents are JSON objects."),
            (byte)'<' => CycloneDxXmlReader.Read(utf8, fileName),
            _ when SpdxTagValueReader.Looks(utf8.Span) => SpdxTagValueReader.Read(utf8, fileName),
            _ => throw new SbomFormatException(fileName, "line 1", NotRecognised(utf8.Span)),
        };
    }

    private static string NotRecognised(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, 4096)]);
        return text.Contains("spdxVersion:", StringComparison.Ordinal) || text.Contains("SPDXID:", StringComparison.Ordinal) && text.Contains("packages:", StringComparison.Ordinal)
            ? "SPDX YAML is not read; convert it to SPDX JSON or tag-value (e.g. with the SPDX tools' Convert)."
            : "not an SBOM: neither JSON (CycloneDX, SPDX 2, SPDX 3), XML (CycloneDX) nor SPDX tag-value (starting with 'SPDXVersion:').";
    }

    private static byte[] ReadBounded(Stream content, string file)
    {
        try
        {
            using var buffer = new MemoryStream();
            new BoundedReadStream(content, MaxBytes, file).CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (FeedFormatException e)
        {
            throw new SbomFormatException(file, e.Path, $"the file is larger than {MaxBytes / (1024 * 1024)} MiB.", e);
        }
    }

    // UTF-8 (with or without its byte order mark) as it is; UTF-16 and UTF-32 with a byte order mark are converted.
    private static ReadOnlyMemory<byte> ToUtf8(byte[] bytes, string file)
    {
        ReadOnlySpan<byte> b = bytes;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return bytes.AsMemory(3);
        Encoding? encoding = b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) ? new UTF32Encoding(false, true, true)
            : b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]) ? new UTF32Encoding(true, true, true)
            : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? new UnicodeEncoding(false, true, true)
            : b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? new UnicodeEncoding(true, true, true)
            : null;
        if (encoding is null)
            return bytes;
        try
        {
            return Encoding.UTF8.GetBytes(encoding.GetString(bytes, encoding.Preamble.Length, bytes.Length - encoding.Preamble.Length));
        }
        catch (DecoderFallbackException e)
        {
            throw new SbomFormatException(file, "byte " + e.Index.ToString(CultureInfo.InvariantCulture), $"not valid {encoding.WebName} text.", e);
        }
    }

    private static int FirstSignificant(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return b;
        }
        return -1;
    }

    private static Sbom ReadJson(ReadOnlyMemory<byte> utf8, string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8.Span, documentOptions: JsonOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
            throw new SbomFormatException(file, string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}"), "not valid JSON: " + reason, e);
        }
        if (root is not JsonObject document)
            throw new SbomFormatException(file, "/", "the JSON document is not an object.");
        if (document.ContainsKey("bomFormat"))
            return CycloneDxJsonReader.Read(document, file);
        if (document.ContainsKey("spdxVersion"))
            return SpdxJsonReader.Read(document, file);
        if (document.ContainsKey("@context"))
            return Spdx3JsonReader.Read(document, file);
        throw new SbomFormatException(file, "/", "a JSON document that is neither CycloneDX (no 'bomFormat'), SPDX 2 (no 'spdxVersion') nor SPDX 3 (no '@context').");
    }
}

/// <summary>An SBOM that cannot be read: names the file, the place in it and what is wrong there.</summary>
public sealed class SbomFormatException(string file, string path, string reason, Exception? inner = null)
    : DocumentFormatException(file, path, reason, inner);

/// <summary>Reading values out of a validated JSON document without trusting it further than the schema does.</summary>
internal static class JsonFields
{
    public static string? Text(JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static JsonArray Array(JsonNode? node, string key) => node is JsonObject o && o[key] is JsonArray a ? a : [];

    public static IEnumerable<(JsonObject Item, int Index)> Objects(JsonNode? node, string key) =>
        Array(node, key).Select((n, i) => (n as JsonObject, i)).Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.i));

    /// <summary>A string or an array of strings (JSON-LD allows both).</summary>
    public static IEnumerable<string> Texts(JsonNode? node, string key) =>
        node is JsonObject o && o[key] is { } value
            ? value is JsonArray a ? a.Select(Text).OfType<string>() : Text(value) is { } one ? [one] : []
            : [];
}
