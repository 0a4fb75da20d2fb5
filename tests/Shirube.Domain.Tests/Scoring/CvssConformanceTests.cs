using Shirube.Domain.Scoring;
using Shirube.Testing;

namespace Shirube.Domain.Tests.Scoring;

/// <summary>Every vector of Red Hat's CVSS test suite gets exactly the scores the suite expects.</summary>
public sealed class CvssConformanceTests
{
    [Theory]
    [CorpusData("cvss-redhat/tests", typeof(CvssCorpus), nameof(CvssCorpus.Lines))]
    public void Score_OfTheVector_AgreesWithTheExpectedScores(CvssCorpusLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var disagreement = Disagreement(line);
        Assert.True(disagreement is null, disagreement);
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
