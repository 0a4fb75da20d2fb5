namespace Shirube.Formats.Disclosure.Provider;

/// <summary>The messages of the OpenPGP functions, in one place.</summary>
internal static class OpenPgpErrors
{
    public const string NoPublicKey = "the text holds no OpenPGP public key.";
    public const string NoSecretKey = "the text holds no OpenPGP secret key.";
    public const string NoSigningKey = "the secret key ring has no key that can sign.";
    public const string WrongPassphrase = "the passphrase does not unlock the secret key.";

    public static string Unreadable(string what, string detail) => $"the {what} is not readable OpenPGP: {detail.TrimEnd('.')}.";

    public static string NotASignature(string? found) =>
        found is null ? "the text holds no OpenPGP packet." : $"the text holds a {found}, not a signature.";

    public static string UnknownKey(long keyId, IEnumerable<string> known)
    {
        var list = string.Join(", ", known);
        return $"the signature was made by key {keyId:X16}, which is not among the keys given ({(list.Length == 0 ? "none" : list)}).";
    }

    public static string Good(string fingerprint) => $"good signature by key {fingerprint}.";

    public static string Bad(string fingerprint) => $"the signature by key {fingerprint} does not match the data: the file or its signature was changed.";
}
