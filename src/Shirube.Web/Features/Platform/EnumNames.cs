namespace Shirube.Web.Features.Platform;

/// <summary>Reads an enum value from a request by its name only (case-insensitive): "2" or an unknown name is refused.</summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
