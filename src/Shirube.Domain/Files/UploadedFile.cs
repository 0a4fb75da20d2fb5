namespace Shirube.Domain.Files;

/// <summary>The checks every uploaded file goes through, wherever it is uploaded.</summary>
public static class UploadedFile
{
    /// <summary>The file name without any path part a browser or a script sent along; throws when none is left.</summary>
    public static string Name(string? fileName, string paramName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        return name.Length is < 1 or > 200 || name.Any(char.IsControl)
            ? throw new ArgumentException("A file needs a name of 1 to 200 characters.", paramName)
            : name;
    }

    /// <summary>The content's SHA-256, lower-case hex, as files are identified everywhere in Shirube.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>The declared media type, or application/octet-stream when none (or nonsense) was declared.</summary>
    public static string ContentType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100 ? "application/octet-stream" : contentType.Trim();
}
