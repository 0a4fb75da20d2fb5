using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Domain.Disclosure.Vex;

namespace Shirube.Formats.Disclosure.Vex;

/// <summary>What the VEX and CVE writers share: the JSON layout, the timestamp form, and the input check.</summary>
internal static class VexJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Japanese text stays readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>RFC 3339 in UTC, to the second: what every schema here accepts.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void Write(JsonNode document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, Options);
        document.WriteTo(writer);
        writer.Flush();
    }

    /// <summary>Refuses a document with problems, naming the first statement's place.</summary>
    public static void Check(VexDocument document, string format)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = document.Problems();
        if (problems.Count > 0)
            throw new VexExportException(format, "input", string.Join(" ", problems));
    }

    /// <summary>Validates the written document; a refusal here is Shirube's bug or an identifier the schema rejects.</summary>
    public static void Validate(ExportSchema schema, JsonNode document, string format)
    {
        var errors = schema.Errors(document);
        if (errors.Count > 0)
            throw new VexExportException(format, errors[0].Path, $"the written document does not match the {format} schema: {ExportSchema.Describe(errors)}");
    }
}
