using Shirube.Domain.Baselines;

namespace Shirube.Web.Features.Baselines;

/// <summary>Reads MUST / SHOULD / BETTER from requests.</summary>
internal static class Levels
{
    /// <summary>Parses a level name (case-insensitive); the exception names the request field.</summary>
    public static RequirementLevel Parse(string level, string field) =>
        Enum.TryParse<RequirementLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(level, out _)
            ? parsed
            : throw new ArgumentException($"'{level}' is not a level; expected Must, Should or Better.", field);
}
