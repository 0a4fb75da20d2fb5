using System.Security.Cryptography;
using System.Text;

namespace Shirube.Domain.Accounts;

/// <summary>
/// The secret of an API token: shown once, stored only as a hash. Tokens carry 256 random bits, so a fast
/// hash (SHA-256) is enough; a slow password hash would only slow every API call.
/// </summary>
public static class ApiTokenSecret
{
    /// <summary>Every token starts with this, so that secret scanners and people can recognise one.</summary>
    public const string Prefix = "shr_";

    /// <summary>Creates a new token and the hash to store.</summary>
    public static (string Token, string Hash) Create()
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>The stored form of a token: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>True when the text has the shape of a Shirube token (prefix and 43 base64url characters).</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: 47 } && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
