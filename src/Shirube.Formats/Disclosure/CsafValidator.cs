using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shirube.Formats.Disclosure;

/// <summary>
/// Validates CSAF 2.0 documents: the official JSON schema (offline, embedded), then the tests of section 6 of the
/// specification this validator implements (<see cref="TestIds"/>) — mandatory 6.1 as errors, recommended 6.2 as
/// warnings, informative 6.3 as infos — each result naming its test id and JSON pointer.
/// </summary>
public static partial class CsafValidator
{
    /// <summary>The largest document read: 32 MiB (the largest CSAF files published are a few MiB).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>The deepest nesting of JSON read (the product tree's branches are the deepest part of real documents).</summary>
    public const int MaxDepth = 256;

    /// <summary>The test ids of section 6 this validator runs, in the specification's order.</summary>
    public static IReadOnlyList<string> TestIds { get; } =
    [
        "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.1.5", "6.1.6", "6.1.7", "6.1.8", "6.1.9", "6.1.10",
        "6.1.13", "6.1.14", "6.1.15", "6.1.16", "6.1.17", "6.1.18", "6.1.19", "6.1.20",
        "6.1.21", "6.1.22", "6.1.23", "6.1.24", "6.1.25", "6.1.26",
        "6.1.27.1", "6.1.27.2", "6.1.27.3", "6.1.27.4", "6.1.27.5", "6.1.27.6", "6.1.27.7", "6.1.27.8", "6.1.27.9",
        "6.1.27.10", "6.1.27.11", "6.1.28", "6.1.29", "6.1.30", "6.1.31", "6.1.32", "6.1.33",
        "6.2.1", "6.2.2", "6.2.3", "6.2.4", "6.2.5", "6.2.6", "6.2.7", "6.2.8", "6.2.9", "6.2.10",
        "6.2.11", "6.2.12", "6.2.13", "6.2.14", "6.2.15", "6.2.16", "6.2.17", "6.2.18", "6.2.19", "6.2.20",
        "6.3.1", "6.3.2", "6.3.3", "6.3.4", "6.3.5", "6.3.9", "6.3.10", "6.3.11",
    ];

    /// <summary>Validates the file at <paramref name="path"/>.</summary>
    /// <exception cref="CsafFormatException">The file is larger than <see cref="MaxBytes"/> or is not JSON.</exception>
    public static CsafReport ValidateFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
            throw new CsafFormatException(info.Name, "", $"the file is larger than {MaxBytes} bytes.");
        return Validate(File.ReadAllBytes(path), info.Name);
    }

    /// <summary>Validates a document given as UTF-8 bytes.</summary>
    /// <exception cref="CsafFormatException">The bytes are more than <see cref="MaxBytes"/> or are not JSON.</exception>
    public static CsafReport Validate(ReadOnlyMemory<byte> utf8, string file)
    {
        if (utf8.Length > MaxBytes)
            throw new CsafFormatException(file, "", $"the document is larger than {MaxBytes} bytes.");
        JsonDocument document;
        var options = new JsonDocumentOptions { MaxDepth = MaxDepth };
        try
        {
            document = JsonDocument.Parse(utf8, options);
        }
        catch (JsonException e)
        {
            throw new CsafFormatException(file, $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", "the file is not JSON: " + e.Message, e);
        }
        using (document)
        {
            var results = new List<CsafResult>();
            var node = JsonNode.Parse(utf8.Span, documentOptions: options);
            foreach (var (place, message) in CsafSchemas.Errors(node))
                results.Add(new CsafResult("schema", CsafSeverity.Error, place, message));
            foreach (var (place, _) in CsafSchemas.AdditionalProperties(node))
                results.Add(new CsafResult("6.2.20", CsafSeverity.Warning, place,
                    $"the property '{place[(place.LastIndexOf('/') + 1)..]}' is not defined by the CSAF 2.0 schema."));
            new Run(document.RootElement, results).All();
            return new CsafReport(results);
        }
    }
}
