using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Formats.Tests.Disclosure.Provider;

/// <summary>Two signing keys made once per test run (RSA 2048: the smallest allowed, for speed).</summary>
internal static class TestKeys
{
    public const string Passphrase = "correct horse battery staple";

    public static readonly DateTimeOffset Created = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly Lazy<OpenPgpKeyPair> SignerPair = new(() => OpenPgpSignatures.GenerateKey("Example PSIRT <psirt@example.com>", Passphrase, Created, 2048));
    private static readonly Lazy<OpenPgpKeyPair> OtherPair = new(() => OpenPgpSignatures.GenerateKey("Someone Else <other@example.net>", Passphrase, Created, 2048));

    public static OpenPgpKeyPair Signer => SignerPair.Value;

    public static OpenPgpKeyPair Other => OtherPair.Value;

    public static OpenPgpSecretKey Load(OpenPgpKeyPair pair) => OpenPgpSecretKey.Load(pair.ArmoredSecretKey, Passphrase, "test key");
}
