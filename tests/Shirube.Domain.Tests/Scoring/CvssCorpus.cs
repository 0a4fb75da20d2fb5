using System.Globalization;

namespace Shirube.Domain.Tests.Scoring;

/// <summary>One line of Red Hat's CVSS test vectors: a vector and the scores it must get.</summary>
/// <param name="File">The file of the suite.</param>
/// <param name="Line">The line number in it.</param>
/// <param name="Vector">The vector as written.</param>
/// <param name="Base">v2/v3: the base score; v4: the score.</param>
/// <param name="Temporal">v2/v3: the temporal score, null where the file says None (v2 without temporal metrics).</param>
/// <param name="Environmental">v2/v3: the environmental score, null where the file says None.</param>
public sealed record CvssCorpusLine(string File, int Line, string Vector, decimal Base, decimal? Temporal, decimal? Environmental)
{
    public override string ToString() => $"{File}:{Line} {Vector}";
}

/// <summary>
/// The CVSS conformance vectors of the shared corpora (SHIRUBE_CORPORA/cvss-redhat/tests, from
/// RedHatProductSecurity/cvss): lines <c>VECTOR - (base, temporal, environmental)</c> for v2 and v3,
/// <c>VECTOR - (score,)</c> or <c>VECTOR - score</c> for v4.
/// </summary>
internal static class CvssCorpus
{
    /// <summary>The files of vectors; every one of them is checked.</summary>
    public static readonly string[] Files =
    [
        "vectors_calculator2", "vectors_cvsslib2", "vectors_simple2",
        "vectors_calculator3", "vectors_cvsslib3", "vectors_simple3", "vectors_simple31",
        "vectors_simple4", "vectors_security4", "vectors_supplemental4", "vectors_threat4",
    ];

    public static string Folder() => SharedCorpora.Folder(Path.Combine("cvss-redhat", "tests"), "the CVSS conformance vectors");

    public static IReadOnlyList<CvssCorpusLine> Read(string file) => Read(Folder(), file);

    /// <summary>Every vector of every file in <paramref name="folder"/> (the suite's tests folder), in file order.</summary>
    public static IEnumerable<CvssCorpusLine> Lines(string folder) => Files.SelectMany(f => Read(folder, f));

    private static List<CvssCorpusLine> Read(string folder, string file)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, file));
        var result = new List<CvssCorpusLine>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var separator = lines[i].IndexOf(" - ", StringComparison.Ordinal);
            Assert.True(separator > 0, $"{file}:{i + 1} is not 'VECTOR - scores': {lines[i]}");
            var scores = lines[i][(separator + 3)..].Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            result.Add(new CvssCorpusLine(file, i + 1, lines[i][..separator].Trim(),
                Score(scores[0]) ?? throw new InvalidDataException($"{file}:{i + 1} has no base score."),
                scores.Length > 1 ? Score(scores[1]) : null,
                scores.Length > 2 ? Score(scores[2]) : null));
        }
        return result;
    }

    // "None" is Python's null; "-0.0" is the v2 base equation's zero times a negative number.
    private static decimal? Score(string text) =>
        text == "None" ? null : decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
