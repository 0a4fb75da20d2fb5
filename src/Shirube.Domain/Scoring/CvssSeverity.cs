namespace Shirube.Domain.Scoring;

/// <summary>The qualitative severity rating of a CVSS score.</summary>
public enum CvssSeverity
{
    /// <summary>0.0 (v3 and v4 only).</summary>
    None,

    /// <summary>0.1–3.9 (v2: 0.0–3.9).</summary>
    Low,

    /// <summary>4.0–6.9.</summary>
    Medium,

    /// <summary>7.0–8.9 (v2: 7.0–10.0).</summary>
    High,

    /// <summary>9.0–10.0 (v3 and v4 only).</summary>
    Critical,
}

/// <summary>The rating scales that map a score to a <see cref="CvssSeverity"/>.</summary>
public static class CvssSeverityScale
{
    /// <summary>
    /// The rating of a score: for v3.x and v4.0 the scale of their specifications (None, Low, Medium, High, Critical);
    /// v2.0 defines no scale, so it follows the NVD's (Low 0.0–3.9, Medium 4.0–6.9, High 7.0–10.0).
    /// </summary>
    public static CvssSeverity Rate(CvssVersion version, decimal score)
    {
        if (score is < 0 or > 10)
            throw new ArgumentOutOfRangeException(nameof(score), score, "A CVSS score lies between 0.0 and 10.0.");
        if (version == CvssVersion.V2)
        {
            return score switch
            {
                < 4.0m => CvssSeverity.Low,
                < 7.0m => CvssSeverity.Medium,
                _ => CvssSeverity.High,
            };
        }
        return score switch
        {
            0m => CvssSeverity.None,
            < 4.0m => CvssSeverity.Low,
            < 7.0m => CvssSeverity.Medium,
            < 9.0m => CvssSeverity.High,
            _ => CvssSeverity.Critical,
        };
    }
}
