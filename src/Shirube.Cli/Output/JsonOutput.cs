using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shirube.Cli.Output;

/// <summary>
/// The one JSON writer of every command: camelCase names in the order the result type declares them, UTF-8 text
/// unescaped (Japanese stays readable), no markup or colour; on standard output, alone.
/// </summary>
internal static class JsonOutput
{
    // The output goes to a terminal, a file or a pipe, never into HTML: the relaxed encoder keeps quotes and
    // non-ASCII letters as they are rather than \u0027 or \u65E5.
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new(Indented) { WriteIndented = false };

    /// <summary>Writes <paramref name="value"/> as one indented JSON document to standard output.</summary>
    public static void Write<T>(CliEnvironment environment, T value)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Indented));
    }

    /// <summary>Writes <paramref name="value"/> as one line of compact JSON to standard output (JSON lines).</summary>
    public static void WriteLine<T>(CliEnvironment environment, T value)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Compact));
    }
}
