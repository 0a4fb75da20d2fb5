using Shirube.Domain.Baselines;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Baselines;

/// <summary>Reads MUST / SHOULD / BETTER from requests.</summary>
internal static class Levels
{
    /// <summary>Parses a level name (case-insensitive); refuses with <c>Baselines.UnknownLevel</c> for <paramref name="field"/>.</summary>
    public static RequirementLevel Parse(string level, string field) =>
        EnumNames.TryParse<RequirementLevel>(level, out var parsed)
            ? parsed
            : throw BaselineErrors.UnknownLevel(level).For(field).Exception();
}
