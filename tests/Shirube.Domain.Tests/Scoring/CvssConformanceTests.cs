using Shirube.Domain.Scoring;
using Shirube.Testing;

namespace Shirube.Domain.Tests.Scoring;

/// <summary>
/// Every vector of Red Hat's CVSS test suite gets exactly the scores the suite expects, except the lines where the
/// suite's exact decimal arithmetic and the double arithmetic of the reference calculators part (listed below).
/// </summary>
public sealed class CvssConformanceTests
{
    /// <summary>
    /// Lines of the suite whose v2.0 or v3.0 scores the reference calculators compute otherwise, by file and line:
    /// the vector and the scores of the reference. Red Hat's library computes in exact decimal; NVD's and FIRST's
    /// calculators compute in IEEE double, and Shirube scores as they do.
    /// </summary>
    private static readonly Dictionary<string, (string Vector, decimal Base, decimal? Temporal, decimal? Environmental)> ReferenceScores = new()
    {
        // Temporal 9.0 × 0.95: 0.95 is 0.94999999999999996 in double, so the product is 8.549999999999999 and NVD's
        // Math.round(85.49999999999999) / 10 gives 8.5; the suite's exact 8.55 rounds half up to 8.6.
        ["vectors_calculator2:5"] = ("AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C", 9.0m, 8.5m, null),
    };

    [Theory]
    [CorpusData("cvss-redhat/tests", typeof(CvssCorpus), nameof(CvssCorpus.Lines))]
    public void Score_OfTheVector_AgreesWithTheExpectedScores(CvssCorpusLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var disagreement = Disagreement(AsTheReferenceCalculatorsScoreIt(line));
        Assert.True(disagreement is null, disagreement);
    }

    [Fact]
    public void The_lines_the_reference_calculators_score_otherwise_are_in_the_suite_with_another_score()
    {
        var lines = CvssCorpus.Files.SelectMany(CvssCorpus.Read).ToDictionary(line => $"{line.File}:{line.Line}");

        foreach (var (where, reference) in ReferenceScores)
        {
            Assert.True(lines.TryGetValue(where, out var line), $"{where} is not in the suite any more.");
            Assert.Equal(reference.Vector, line.Vector);
            Assert.NotEqual((reference.Base, reference.Temporal, reference.Environmental), (line.Base, line.Temporal, line.Environmental));
        }
    }

    [Fact]
    public void Corpus_HoldsEveryVersion_InTheCountsOfItsIndex()
    {
        var counts = CvssCorpus.Files.SelectMany(CvssCorpus.Read)
            .GroupBy(line => CvssVector.Parse(line.Vector).Version)
            .ToDictionary(g => g.Key, g => g.Count());

        foreach (var (version, count) in counts.OrderBy(p => p.Key))
            TestContext.Current.TestOutputHelper?.WriteLine($"CVSS {version.ToVersionString()}: {count} vectors");
        Assert.Equal(7667, counts.Values.Sum());
        Assert.Equal(1694, counts[CvssVersion.V40]);
        Assert.Equal([CvssVersion.V2, CvssVersion.V30, CvssVersion.V31, CvssVersion.V40], counts.Keys.Order());
    }

    private static CvssCorpusLine AsTheReferenceCalculatorsScoreIt(CvssCorpusLine line) =>
        ReferenceScores.TryGetValue($"{line.File}:{line.Line}", out var reference) && reference.Vector == line.Vector
            ? line with { Base = reference.Base, Temporal = reference.Temporal, Environmental = reference.Environmental }
            : line;

    private static string? Disagreement(CvssCorpusLine line)
    {
        if (!CvssVector.TryParse(line.Vector, out var vector, out var error))
            return $"{line}: does not parse: {error}";
        var score = vector.Score();
        return vector switch
        {
            Cvss2Vector v2 => Compare(line, v2.BaseScore, score.TemporalScore, score.EnvironmentalScore),
            // The suite gives v3 temporal and environmental scores for every vector, with their metrics Not Defined where absent.
            Cvss3Vector v3 => Compare(line, v3.BaseScore, v3.TemporalScore, v3.EnvironmentalScore)
                ?? Reported(line, score.TemporalScore, v3.TemporalScore, vector.HasTemporalMetrics)
                ?? Reported(line, score.EnvironmentalScore, v3.EnvironmentalScore, vector.HasEnvironmentalMetrics),
            Cvss4Vector v4 => v4.BaseScore == line.Base && score.Score == line.Base
                ? null
                : $"{line}: expected {line.Base}, got {v4.BaseScore} (MacroVector {v4.MacroVector})",
            _ => $"{line}: unexpected vector type {vector.GetType().Name}",
        };
    }

    private static string? Compare(CvssCorpusLine line, decimal baseScore, decimal? temporal, decimal? environmental) =>
        baseScore == line.Base && temporal == line.Temporal && environmental == line.Environmental
            ? null
            : $"{line}: expected ({line.Base}, {Show(line.Temporal)}, {Show(line.Environmental)}), got ({baseScore}, {Show(temporal)}, {Show(environmental)})";

    private static string? Reported(CvssCorpusLine line, decimal? reported, decimal computed, bool stated) =>
        reported == (stated ? computed : null) ? null : $"{line}: the result reports {Show(reported)} where the vector {(stated ? "states" : "does not state")} the metrics";

    private static string Show(decimal? score) => score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None";
}
