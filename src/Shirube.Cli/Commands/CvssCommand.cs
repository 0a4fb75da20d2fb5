using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shirube.Cli.Output;
using Shirube.Domain.Scoring;

namespace Shirube.Cli.Commands;

/// <summary>"shirube cvss score [vector]": CVSS v2.0, v3.0, v3.1 and v4.0 scores as JSON lines or one JSON array.</summary>
internal static class CvssCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var cvss = new Command("cvss", "CVSS vectors (v2.0, v3.0, v3.1, v4.0): scores and severities.");
        cvss.Subcommands.Add(BuildScore(environment));
        return cvss;
    }

    private static Command BuildScore(CliEnvironment environment)
    {
        var command = new Command("score",
            "Score a vector, or each line of standard input (blank lines skipped), printing one JSON line per vector "
            + "(--format json: one JSON array of them): "
            + "v2/v3 {vector, version, baseScore, baseSeverity[, temporalScore][, environmentalScore]}, "
            + "v4 {vector, version, score, severity, nomenclature}, an invalid vector {vector, error}. "
            + "Exit 1 if any vector was invalid, else 0.");
        var vector = new Argument<string?>("vector")
        {
            Description = "A vector such as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; without it, one vector per line of standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        // JSON lines stay the default: each line is printed as soon as its vector is read.
        var format = new FormatOption(OutputFormat.Jsonl, OutputFormat.Json);
        command.Arguments.Add(vector);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, ct) =>
            LineResults.RunAsync(environment, parse.GetValue(vector), format.IsJson(parse), text =>
            {
                var result = ToJson(text);
                return (result, result is InvalidJson);
            }, ct)));
        return command;
    }

    private static object ToJson(string text)
    {
        if (!CvssVector.TryParse(text, out var vector, out var error))
            return new InvalidJson(text, error);
        var score = vector.Score();
        var version = score.Version.ToVersionString();
        if (score.Version == CvssVersion.V40)
            return new Score40Json(score.Vector, version, score.Score, score.Severity.ToString(), score.Nomenclature);
        // v2 and v3 results always carry a base score and its severity.
        return new Score23Json(score.Vector, version, score.BaseScore ?? score.Score, (score.BaseSeverity ?? score.Severity).ToString(),
            score.TemporalScore, score.EnvironmentalScore);
    }

    private sealed record Score23Json(
        string Vector,
        string Version,
        [property: JsonConverter(typeof(OneDecimal))] decimal BaseScore,
        string BaseSeverity,
        [property: JsonConverter(typeof(OneDecimal)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? TemporalScore,
        [property: JsonConverter(typeof(OneDecimal)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? EnvironmentalScore);

    private sealed record Score40Json(string Vector, string Version, [property: JsonConverter(typeof(OneDecimal))] decimal Score, string Severity, string? Nomenclature);

    private sealed record InvalidJson(string Vector, string Error);

    // Scores are JSON numbers with exactly one decimal: 5.0, never 5.
    private sealed class OneDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.0", CultureInfo.InvariantCulture));
    }
}
