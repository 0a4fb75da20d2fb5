namespace Shirube.Domain.Psirt;

/// <summary>Scores of one service area: in place 1, partial 0.5, not in place (or not answered) 0; not applicable left out.</summary>
/// <param name="AreaId">"SA1" … "SA6".</param>
/// <param name="Score">Share of the points reachable, 0 … 1; null when every service is not applicable.</param>
/// <param name="Counted">Services counted (not "not applicable").</param>
/// <param name="InPlace">Services in place.</param>
/// <param name="Partial">Services partly in place.</param>
/// <param name="NotAssessed">Services not answered yet.</param>
public sealed record AreaScore(string AreaId, decimal? Score, int Counted, int InPlace, int Partial, int NotAssessed);

/// <summary>How one service or area moved between two assessments.</summary>
public enum MaturityTrend
{
    /// <summary>Better than before.</summary>
    Improved,
    /// <summary>Worse than before.</summary>
    Worse,
    /// <summary>The same.</summary>
    Unchanged,
    /// <summary>Nothing to compare: no previous assessment, or "not applicable" on one side only.</summary>
    NotComparable,
}

/// <summary>The progress of one service between two assessments.</summary>
/// <param name="ServiceId">The service.</param>
/// <param name="Before">The previous answer.</param>
/// <param name="After">The current answer.</param>
/// <param name="Trend">Improved, worse or unchanged.</param>
public sealed record ServiceProgress(string ServiceId, ServicePractice? Before, ServicePractice After, MaturityTrend Trend);

/// <summary>The progress of one area between two assessments.</summary>
/// <param name="AreaId">The area.</param>
/// <param name="Before">The previous score.</param>
/// <param name="After">The current score.</param>
/// <param name="Trend">Improved, worse or unchanged.</param>
public sealed record AreaProgress(string AreaId, decimal? Before, decimal? After, MaturityTrend Trend);

/// <summary>Scoring of maturity assessments and the progress between two of them.</summary>
public static class MaturityScore
{
    /// <summary>Points of an answer: in place 1, partial 0.5, not in place or not answered 0, not applicable null.</summary>
    public static decimal? Points(ServicePractice practice) => practice switch
    {
        ServicePractice.InPlace => 1m,
        ServicePractice.Partial => 0.5m,
        ServicePractice.NotInPlace or ServicePractice.NotAssessed => 0m,
        ServicePractice.NotApplicable => null,
        _ => throw new ArgumentOutOfRangeException(nameof(practice), practice, null),
    };

    /// <summary>The score of a set of answers: points over counted services; null when none counts.</summary>
    public static decimal? Of(IEnumerable<MaturityAnswer> answers)
    {
        var points = answers.Select(a => a.Points).OfType<decimal>().ToList();
        return points.Count == 0 ? null : Math.Round(points.Sum() / points.Count, 4);
    }

    /// <summary>The score per area, in the framework's order.</summary>
    public static IReadOnlyList<AreaScore> ByArea(PsirtFramework framework, MaturityAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(assessment);
        return [.. framework.Areas.Select(area =>
        {
            var answers = assessment.Answers.Where(a => area.Services.Any(s => s.Id == a.ServiceId)).ToList();
            return new AreaScore(area.Id, Of(answers), answers.Count(a => a.Points is not null),
                answers.Count(a => a.Practice == ServicePractice.InPlace), answers.Count(a => a.Practice == ServicePractice.Partial),
                answers.Count(a => a.Practice == ServicePractice.NotAssessed));
        })];
    }

    /// <summary>The overall score: every counted service weighs the same, whatever its area.</summary>
    public static decimal? Overall(MaturityAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Of(assessment.Answers);
    }

    /// <summary>
    /// How a service moved: its points decide; with equal points a higher believed maturity level is an improvement.
    /// "Not applicable" on one side only cannot be compared.
    /// </summary>
    public static MaturityTrend Trend(ServicePractice before, MaturityLevel? levelBefore, ServicePractice after, MaturityLevel? levelAfter)
    {
        var (b, a) = (Points(before), Points(after));
        if (b is null || a is null)
            return b is null && a is null ? MaturityTrend.Unchanged : MaturityTrend.NotComparable;
        if (a != b)
            return Compare(b.Value, a.Value);
        return Compare((int)(levelBefore ?? 0), (int)(levelAfter ?? 0));
    }

    /// <summary>How a score moved; null on either side cannot be compared.</summary>
    public static MaturityTrend Trend(decimal? before, decimal? after) =>
        before is { } b && after is { } a ? Compare(b, a) : MaturityTrend.NotComparable;

    /// <summary>Progress per service of <paramref name="current"/> against <paramref name="previous"/>.</summary>
    public static IReadOnlyList<ServiceProgress> Services(MaturityAssessment current, MaturityAssessment? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        return [.. current.Answers.Select(a =>
        {
            var old = previous?.Answers.FirstOrDefault(p => p.ServiceId == a.ServiceId);
            return new ServiceProgress(a.ServiceId, old?.Practice, a.Practice,
                old is null ? MaturityTrend.NotComparable : Trend(old.Practice, old.Level, a.Practice, a.Level));
        })];
    }

    /// <summary>Progress per area of <paramref name="current"/> against <paramref name="previous"/>.</summary>
    public static IReadOnlyList<AreaProgress> Areas(PsirtFramework framework, MaturityAssessment current, MaturityAssessment? previous)
    {
        var after = ByArea(framework, current);
        var before = previous is null ? null : ByArea(framework, previous);
        return [.. after.Select((s, i) => new AreaProgress(s.AreaId, before?[i].Score, s.Score, Trend(before?[i].Score, s.Score)))];
    }

    private static MaturityTrend Compare<T>(T before, T after) where T : IComparable<T> => after.CompareTo(before) switch
    {
        > 0 => MaturityTrend.Improved,
        < 0 => MaturityTrend.Worse,
        _ => MaturityTrend.Unchanged,
    };
}
