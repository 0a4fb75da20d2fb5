namespace Shirube.Domain.Scoring;

/// <summary>The scores of one CVSS vector. Every score has one decimal (5.0, not 5).</summary>
public sealed record CvssScore
{
    /// <summary>The version of the vector.</summary>
    public required CvssVersion Version { get; init; }

    /// <summary>The normalized vector (see <see cref="CvssVector.ToString"/>).</summary>
    public required string Vector { get; init; }

    /// <summary>
    /// The score to act on: for v4.0 the one score its specification defines; for v2.0 and v3.x the environmental
    /// score when environmental metrics are stated, else the temporal score when temporal metrics are, else the base score.
    /// </summary>
    public required decimal Score { get; init; }

    /// <summary>The rating of <see cref="Score"/>.</summary>
    public required CvssSeverity Severity { get; init; }

    /// <summary>The base score (v2.0, v3.x); null for v4.0, whose one score is <see cref="Score"/>.</summary>
    public decimal? BaseScore { get; init; }

    /// <summary>The rating of <see cref="BaseScore"/>; null for v4.0.</summary>
    public CvssSeverity? BaseSeverity { get; init; }

    /// <summary>The temporal score (v2.0, v3.x) when the vector states a temporal metric other than Not Defined.</summary>
    public decimal? TemporalScore { get; init; }

    /// <summary>The environmental score (v2.0, v3.x) when the vector states an environmental metric other than Not Defined.</summary>
    public decimal? EnvironmentalScore { get; init; }

    /// <summary>
    /// For v4.0, which metric groups the score takes into account: "CVSS-B" (base), "CVSS-BT" (and threat),
    /// "CVSS-BE" (and environmental) or "CVSS-BTE"; null for earlier versions.
    /// </summary>
    public string? Nomenclature { get; init; }
}
