namespace Shirube.Domain.Files;

/// <summary>The checks every uploaded file goes through, wherever it is uploaded.</summary>
public static class UploadedFile
{
    /// <summary>
    /// The file name without any path part a browser or a script sent along; refused (<c>Files.BadName</c> for
    /// <paramref name="paramName"/>) when none is left, it is longer than 200 characters or has control characters.
    /// </summary>
    public static string Name(string? fileName, string paramName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        Guard.That(name.Length is >= 1 and <= 200 && !name.Any(char.IsControl), () => FileErrors.BadName(paramName));
        return name;
    }

    /// <summary>The content's SHA-256, lower-case hex, as files are identified everywhere in Shirube.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>The declared media type, or application/octet-stream when none (or nonsense) was declared.</summary>
    public static string ContentType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100 ? "application/octet-stream" : contentType.Trim();
}
