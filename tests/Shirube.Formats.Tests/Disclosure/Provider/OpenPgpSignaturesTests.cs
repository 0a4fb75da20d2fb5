using System.Text;
using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Formats.Tests.Disclosure.Provider;

/// <summary>Detached OpenPGP signatures as a CSAF downloader checks them.</summary>
public class OpenPgpSignaturesTests
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("{\"document\":{\"title\":\"脆弱性のお知らせ / Vulnerability notice\"}}\n");
    private static readonly DateTimeOffset SignedAt = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GenerateKey_NewKey_HasArmoredHalvesAndAnUpperCaseFingerprint()
    {
        var pair = TestKeys.Signer;

        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----", pair.ArmoredPublicKey, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----", pair.ArmoredSecretKey, StringComparison.Ordinal);
        Assert.Matches("^[0-9A-F]{40}$", pair.Fingerprint);
        Assert.Equal(pair.Fingerprint, OpenPgpSignatures.Fingerprint(pair.ArmoredPublicKey, "public key"));
        Assert.Equal(pair.Fingerprint, TestKeys.Load(pair).Fingerprint);
        Assert.NotEqual(pair.Fingerprint, TestKeys.Other.Fingerprint);
    }

    [Theory]
    [InlineData(OpenPgpHash.Sha256)]
    [InlineData(OpenPgpHash.Sha512)]
    public void Verify_SignatureByTheKey_IsValidAndNamesTheSigner(OpenPgpHash hash)
    {
        var signature = OpenPgpSignatures.Sign(Data, TestKeys.Load(TestKeys.Signer), SignedAt, hash);

        var result = OpenPgpSignatures.Verify(Data, signature, TestKeys.Signer.ArmoredPublicKey);

        Assert.StartsWith("-----BEGIN PGP SIGNATURE-----", signature, StringComparison.Ordinal);
        Assert.Equal(OpenPgpVerdict.Valid, result.Verdict);
        Assert.Equal(TestKeys.Signer.Fingerprint, result.SignerFingerprint);
    }

    [Fact]
    public void Verify_OneByteOfTheDataChanged_IsABadSignature()
    {
        var signature = OpenPgpSignatures.Sign(Data, TestKeys.Load(TestKeys.Signer), SignedAt);
        var changed = (byte[])Data.Clone();
        changed[10] ^= 0x01;

        var result = OpenPgpSignatures.Verify(changed, signature, TestKeys.Signer.ArmoredPublicKey);

        Assert.Equal(OpenPgpVerdict.BadSignature, result.Verdict);
        Assert.Contains(TestKeys.Signer.Fingerprint, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignatureByAnotherKey_IsAnUnknownKey()
    {
        var signature = OpenPgpSignatures.Sign(Data, TestKeys.Load(TestKeys.Other), SignedAt);

        var result = OpenPgpSignatures.Verify(Data, signature, TestKeys.Signer.ArmoredPublicKey);

        Assert.Equal(OpenPgpVerdict.UnknownKey, result.Verdict);
        Assert.Contains(TestKeys.Signer.Fingerprint, result.Reason, StringComparison.Ordinal);
        Assert.Null(result.SignerFingerprint);
    }

    [Fact]
    public void Verify_TruncatedArmor_IsUnreadableWithAReason()
    {
        var signature = OpenPgpSignatures.Sign(Data, TestKeys.Load(TestKeys.Signer), SignedAt);

        var result = OpenPgpSignatures.Verify(Data, signature[..(signature.Length / 2)], TestKeys.Signer.ArmoredPublicKey);

        Assert.Equal(OpenPgpVerdict.Unreadable, result.Verdict);
        Assert.StartsWith("the signature is not readable OpenPGP", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_APublicKeyInsteadOfASignature_IsUnreadable()
    {
        var result = OpenPgpSignatures.Verify(Data, TestKeys.Signer.ArmoredPublicKey, TestKeys.Signer.ArmoredPublicKey);

        Assert.Equal(OpenPgpVerdict.Unreadable, result.Verdict);
    }

    [Fact]
    public void Load_WrongPassphrase_SaysThePassphraseDoesNotUnlockTheKey()
    {
        var error = Assert.Throws<OpenPgpFormatException>(() => OpenPgpSecretKey.Load(TestKeys.Signer.ArmoredSecretKey, "wrong", "Shirube:Disclosure:SigningKey"));

        Assert.Equal("Shirube:Disclosure:SigningKey", error.File);
        Assert.Contains("passphrase", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAKey_NamesTheSource()
    {
        var error = Assert.Throws<OpenPgpFormatException>(() => OpenPgpPublicKey.Parse("hello", "https://example.com/key.asc"));

        Assert.Equal("https://example.com/key.asc", error.File);
    }
}
