namespace Shirube.Formats;

/// <summary>Turns the paths System.Text.Json gives in its errors into the JSON pointers Shirube's errors name.</summary>
internal static class JsonPaths
{
    /// <summary><c>$.vulnerabilities[3].cveID</c> → <c>/vulnerabilities/3/cveID</c>; the root (<c>$</c>) gives "".</summary>
    public static string ToPointer(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');
}
