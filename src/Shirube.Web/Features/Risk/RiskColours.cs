using Shirube.Domain.Risk;

namespace Shirube.Web.Features.Risk;

/// <summary>One colour per risk level, for the matrix, the threat register and the summary grid.</summary>
internal static class RiskColours
{
    public static string Background(RiskLevel level) => level switch
    {
        RiskLevel.Low => "#c8e6c9",
        RiskLevel.Medium => "#fff59d",
        RiskLevel.High => "#ffb74d",
        RiskLevel.Critical => "#e53935",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown risk level."),
    };

    /// <summary>Inline style for a cell or chip of the level: background, and white text on the darkest.</summary>
    public static string Style(RiskLevel level) =>
        $"background-color:{Background(level)};color:{(level == RiskLevel.Critical ? "#fff" : "#212121")}";
}
