using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shirube.Domain.Scoring;

namespace Shirube.Cli.Commands;

/// <summary>"shirube cvss score [vector]": CVSS v2.0, v3.0, v3.1 and v4.0 scores as JSON lines.</summary>
internal static class CvssCommand
{
    // Vectors and messages are ASCII with quotes; the relaxed encoder keeps 'AV' readable rather than \u0027AV\u0027.
    // The output is a JSON line for a terminal or a pipe, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Build(CliEnvironment environment)
    {
        var cvss = new Command("cvss", "CVSS vectors (v2.0, v3.0, v3.1, v4.0): scores and severities.");
        cvss.Subcommands.Add(BuildScore(environment));
        return cvss;
    }

    private static Command BuildScore(CliEnvironment environment)
    {
        var command = new Command("score",
            "Score a vector, or each line of standard input (blank lines skipped), printing one JSON line per vector: "
            + "v2/v3 {vector, version, baseScore, baseSeverity[, temporalScore][, environmentalScore]}, "
            + "v4 {vector, version, score, severity, nomenclature}, an invalid vector {vector, error}. "
            + "Exit 1 if any vector was invalid, else 0.");
        var vector = new Argument<string?>("vector")
        {
            Description = "A vector such as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; without it, one vector per line of standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        command.Arguments.Add(vector);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var output = environment.Out.Profile.Out.Writer;
            var invalid = 0;
            if (parse.GetValue(vector) is { } one)
            {
                invalid += WriteLine(output, one.Trim()) ? 0 : 1;
            }
            else
            {
                while (await environment.In.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                        invalid += WriteLine(output, line.Trim()) ? 0 : 1;
                }
            }
            return invalid == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>Writes the JSON line of one vector; false when the vector is invalid.</summary>
    private static bool WriteLine(TextWriter output, string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        bool valid;
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (CvssVector.TryParse(text, out var vector, out var error))
            {
                valid = true;
                WriteScore(json, vector.Score());
            }
            else
            {
                valid = false;
                json.WriteString("vector", text);
                json.WriteString("error", error);
            }
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        return valid;
    }

    private static void WriteScore(Utf8JsonWriter json, CvssScore score)
    {
        json.WriteString("vector", score.Vector);
        json.WriteString("version", score.Version.ToVersionString());
        if (score.Version == CvssVersion.V40)
        {
            WriteScore(json, "score", score.Score);
            json.WriteString("severity", score.Severity.ToString());
            json.WriteString("nomenclature", score.Nomenclature);
            return;
        }
        // v2 and v3 results always carry a base score and its severity.
        WriteScore(json, "baseScore", score.BaseScore ?? score.Score);
        json.WriteString("baseSeverity", (score.BaseSeverity ?? score.Severity).ToString());
        if (score.TemporalScore is { } temporal)
            WriteScore(json, "temporalScore", temporal);
        if (score.EnvironmentalScore is { } environmental)
            WriteScore(json, "environmentalScore", environmental);
    }

    // Scores are JSON numbers with exactly one decimal: 5.0, never 5.
    private static void WriteScore(Utf8JsonWriter json, string name, decimal score)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(score.ToString("0.0", CultureInfo.InvariantCulture));
    }
}
