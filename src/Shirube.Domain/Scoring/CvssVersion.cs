namespace Shirube.Domain.Scoring;

/// <summary>A version of FIRST's Common Vulnerability Scoring System.</summary>
public enum CvssVersion
{
    /// <summary>CVSS v2.0 (2007): vectors without a prefix, such as <c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c>.</summary>
    V2,

    /// <summary>CVSS v3.0 (2015): vectors starting with <c>CVSS:3.0/</c>.</summary>
    V30,

    /// <summary>CVSS v3.1 (2019): vectors starting with <c>CVSS:3.1/</c>.</summary>
    V31,

    /// <summary>CVSS v4.0 (2023): vectors starting with <c>CVSS:4.0/</c>.</summary>
    V40,
}

/// <summary>Names of <see cref="CvssVersion"/> as the specifications write them.</summary>
public static class CvssVersionNames
{
    /// <summary>"2.0", "3.0", "3.1" or "4.0".</summary>
    public static string ToVersionString(this CvssVersion version) => version switch
    {
        CvssVersion.V2 => "2.0",
        CvssVersion.V30 => "3.0",
        CvssVersion.V31 => "3.1",
        CvssVersion.V40 => "4.0",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };
}
