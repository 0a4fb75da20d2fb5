using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shirube.Formats.Oscal.Resolution;

/// <summary>Parses OSCAL JSON documents with the limits every import gets: size, nesting depth, no duplicate properties.</summary>
internal static class OscalDocumentParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = OscalJson.MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads and parses a file, refusing one larger than <see cref="OscalCatalogReader.MaxBytes"/> before reading it.</summary>
    public static JsonObject ReadFile(string path, string name)
    {
        var length = new FileInfo(path).Length;
        if (length > OscalCatalogReader.MaxBytes)
            throw new OscalFormatException(name, "/", ResolutionErrors.TooLarge(length));
        return Parse(File.ReadAllBytes(path), name);
    }

    /// <summary>Parses UTF-8 JSON whose root must be an object.</summary>
    public static JsonObject Parse(byte[] utf8, string name)
    {
        if (utf8.Length > OscalCatalogReader.MaxBytes)
            throw new OscalFormatException(name, "/", ResolutionErrors.TooLarge(utf8.Length));
        // Editors on Windows like to start UTF-8 files with a byte order mark; the JSON reader does not skip it.
        var json = utf8.AsSpan();
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            json = json[3..];
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}")
                : "/";
            throw new OscalFormatException(name, where, $"this is not valid JSON ({e.Message.Split(" Path:", 2)[0].TrimEnd('.')}).", e);
        }
        return node as JsonObject
            ?? throw new OscalFormatException(name, "/", "the document is not a JSON object with a \"catalog\" or a \"profile\".");
    }
}
