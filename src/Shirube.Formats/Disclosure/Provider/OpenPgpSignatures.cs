using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Shirube.Formats.Disclosure.Provider;

/// <summary>The digest a detached signature is made over.</summary>
public enum OpenPgpHash
{
    /// <summary>SHA-256.</summary>
    Sha256,
    /// <summary>SHA-512 (the default: CSAF's integrity requirement names it first).</summary>
    Sha512,
}

/// <summary>What checking a detached signature found.</summary>
public enum OpenPgpVerdict
{
    /// <summary>The signature is by one of the given keys and matches the data.</summary>
    Valid,
    /// <summary>The signature is by one of the given keys but does not match the data (the data or the signature was changed).</summary>
    BadSignature,
    /// <summary>The signature was made by a key that is not among the given keys.</summary>
    UnknownKey,
    /// <summary>The signature (or the key) is not a readable OpenPGP object.</summary>
    Unreadable,
}

/// <summary>The outcome of checking a detached signature, with a sentence saying why.</summary>
/// <param name="Verdict">What was found.</param>
/// <param name="Reason">An English sentence naming the key or the problem.</param>
/// <param name="SignerFingerprint">The fingerprint of the key that made a valid or bad signature; null otherwise.</param>
public sealed record OpenPgpVerification(OpenPgpVerdict Verdict, string Reason, string? SignerFingerprint = null)
{
    /// <summary>True for a valid signature.</summary>
    public bool IsValid => Verdict == OpenPgpVerdict.Valid;
}

/// <summary>A freshly generated key pair, both halves ASCII-armored; the secret half is protected by the passphrase given.</summary>
/// <param name="ArmoredPublicKey">The transferable public key (what is published at the key URL).</param>
/// <param name="ArmoredSecretKey">The transferable secret key, encrypted with the passphrase.</param>
/// <param name="Fingerprint">The primary key's fingerprint, upper-case hex.</param>
public sealed record OpenPgpKeyPair(string ArmoredPublicKey, string ArmoredSecretKey, string Fingerprint);

/// <summary>A public OpenPGP key read from its armored form.</summary>
public sealed class OpenPgpPublicKey
{
    private OpenPgpPublicKey(PgpPublicKeyRing ring, string armored)
    {
        Ring = ring;
        Armored = armored;
        Fingerprint = OpenPgpSignatures.FingerprintOf(ring.GetPublicKey());
    }

    internal PgpPublicKeyRing Ring { get; }

    /// <summary>The armored text the key was read from.</summary>
    public string Armored { get; }

    /// <summary>The primary key's fingerprint, upper-case hex (as provider-metadata.json lists it).</summary>
    public string Fingerprint { get; }

    /// <summary>Reads an armored (or binary) transferable public key.</summary>
    /// <param name="armored">The key text, <c>-----BEGIN PGP PUBLIC KEY BLOCK-----</c>…</param>
    /// <param name="source">Where the key came from (a URL or file name), named in errors.</param>
    /// <exception cref="OpenPgpFormatException">The text holds no readable public key.</exception>
    public static OpenPgpPublicKey Parse(string armored, string source)
    {
        ArgumentNullException.ThrowIfNull(armored);
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.UTF8.GetBytes(armored)));
            var bundle = new PgpPublicKeyRingBundle(input);
            var ring = bundle.GetKeyRings().FirstOrDefault()
                ?? throw new OpenPgpFormatException(source, OpenPgpErrors.NoPublicKey);
            return new OpenPgpPublicKey(ring, armored);
        }
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException)
        {
            throw new OpenPgpFormatException(source, OpenPgpErrors.Unreadable("public key", e.Message), e);
        }
    }

    internal PgpPublicKey? Find(long keyId) => Ring.GetPublicKey(keyId);
}

/// <summary>A secret OpenPGP signing key, unlocked with its passphrase.</summary>
public sealed class OpenPgpSecretKey
{
    private readonly PgpPrivateKey _privateKey;

    private OpenPgpSecretKey(PgpSecretKey secret, PgpPrivateKey privateKey, OpenPgpPublicKey publicKey)
    {
        _privateKey = privateKey;
        Algorithm = secret.PublicKey.Algorithm;
        PublicKey = publicKey;
    }

    internal PublicKeyAlgorithmTag Algorithm { get; }

    internal PgpPrivateKey PrivateKey => _privateKey;

    /// <summary>The public half, to publish (requirement 20 of CSAF 2.0).</summary>
    public OpenPgpPublicKey PublicKey { get; }

    /// <summary>The fingerprint of the signing key, upper-case hex.</summary>
    public string Fingerprint => PublicKey.Fingerprint;

    /// <summary>Reads an armored transferable secret key and unlocks its signing key with <paramref name="passphrase"/>.</summary>
    /// <param name="armored">The key text, <c>-----BEGIN PGP PRIVATE KEY BLOCK-----</c>…</param>
    /// <param name="passphrase">The passphrase the key is protected with.</param>
    /// <param name="source">Where the key came from (a setting name or file), named in errors.</param>
    /// <exception cref="OpenPgpFormatException">The text holds no secret key, or the passphrase does not unlock it.</exception>
    public static OpenPgpSecretKey Load(string armored, string passphrase, string source)
    {
        ArgumentNullException.ThrowIfNull(armored);
        ArgumentNullException.ThrowIfNull(passphrase);
        PgpSecretKeyRing ring;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.UTF8.GetBytes(armored)));
            ring = new PgpSecretKeyRingBundle(input).GetKeyRings().FirstOrDefault()
                ?? throw new OpenPgpFormatException(source, OpenPgpErrors.NoSecretKey);
        }
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException)
        {
            throw new OpenPgpFormatException(source, OpenPgpErrors.Unreadable("secret key", e.Message), e);
        }
        var secret = ring.GetSecretKeys().FirstOrDefault(k => k.IsSigningKey)
            ?? throw new OpenPgpFormatException(source, OpenPgpErrors.NoSigningKey);
        PgpPrivateKey privateKey;
        try
        {
            privateKey = secret.ExtractPrivateKeyUtf8(passphrase.ToCharArray());
        }
        catch (PgpException e)
        {
            throw new OpenPgpFormatException(source, OpenPgpErrors.WrongPassphrase, e);
        }
        var publicRing = new PgpPublicKeyRing(ring.GetPublicKeys().SelectMany(k => k.GetEncoded()).ToArray());
        var publicKey = OpenPgpPublicKey.Parse(OpenPgpSignatures.Armor(publicRing.Encode), source);
        return new OpenPgpSecretKey(secret, privateKey, publicKey);
    }
}

/// <summary>An OpenPGP key or signature that cannot be read.</summary>
public sealed class OpenPgpFormatException(string source, string reason, Exception? inner = null)
    : DocumentFormatException(source, "", reason, inner);

/// <summary>
/// OpenPGP for CSAF publishing (requirements 19 and 20 of CSAF 2.0): key pairs, ASCII-armored detached signatures over
/// the exact bytes of a file, and their verification, through BouncyCastle (RFC 4880 version 4 keys, RSA).
/// </summary>
public static class OpenPgpSignatures
{
    /// <summary>The smallest RSA modulus generated: 2048 bits (3072 is the default).</summary>
    public const int MinRsaBits = 2048;

    /// <summary>
    /// Generates an RSA signing key with <paramref name="userId"/> (e.g. <c>Example PSIRT &lt;psirt@example.com&gt;</c>),
    /// self-certified with SHA-256, its secret half encrypted (AES-256) with <paramref name="passphrase"/>.
    /// </summary>
    /// <param name="userId">The user id bound to the key.</param>
    /// <param name="passphrase">The passphrase protecting the secret key; not empty.</param>
    /// <param name="created">The key's creation time (signatures before it do not verify).</param>
    /// <param name="rsaBits">The modulus size, at least <see cref="MinRsaBits"/>.</param>
    public static OpenPgpKeyPair GenerateKey(string userId, string passphrase, DateTimeOffset created, int rsaBits = 3072)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        ArgumentOutOfRangeException.ThrowIfLessThan(rsaBits, MinRsaBits);
        var random = new SecureRandom();
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(0x10001), random, rsaBits, 100));
        var pair = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, generator.GenerateKeyPair(), created.UtcDateTime);
        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetKeyFlags(false, PgpKeyFlags.CanSign | PgpKeyFlags.CanCertify);
        hashed.SetPreferredHashAlgorithms(false, [(int)HashAlgorithmTag.Sha512, (int)HashAlgorithmTag.Sha256]);
        var rings = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, pair, userId, SymmetricKeyAlgorithmTag.Aes256,
            HashAlgorithmTag.Sha256, passphrase.ToCharArray(), true, hashed.Generate(), null, random);
        var publicRing = rings.GeneratePublicKeyRing();
        var secretRing = rings.GenerateSecretKeyRing();
        return new OpenPgpKeyPair(Armor(publicRing.Encode), Armor(secretRing.Encode), FingerprintOf(publicRing.GetPublicKey()));
    }

    /// <summary>The fingerprint of an armored public key, upper-case hex.</summary>
    /// <exception cref="OpenPgpFormatException">The text holds no readable public key.</exception>
    public static string Fingerprint(string armoredPublicKey, string source) => OpenPgpPublicKey.Parse(armoredPublicKey, source).Fingerprint;

    /// <summary>An ASCII-armored detached signature over <paramref name="data"/> (binary document signature).</summary>
    /// <param name="data">The exact bytes signed, e.g. a CSAF file as served.</param>
    /// <param name="key">The unlocked signing key.</param>
    /// <param name="signedAt">The signature's creation time.</param>
    /// <param name="hash">The digest.</param>
    public static string Sign(ReadOnlySpan<byte> data, OpenPgpSecretKey key, DateTimeOffset signedAt, OpenPgpHash hash = OpenPgpHash.Sha512)
    {
        ArgumentNullException.ThrowIfNull(key);
        var generator = new PgpSignatureGenerator(key.Algorithm, hash switch
        {
            OpenPgpHash.Sha256 => HashAlgorithmTag.Sha256,
            OpenPgpHash.Sha512 => HashAlgorithmTag.Sha512,
            _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, null),
        });
        generator.InitSign(PgpSignature.BinaryDocument, key.PrivateKey);
        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, signedAt.UtcDateTime);
        hashed.SetIssuerFingerprint(false, key.PublicKey.Ring.GetPublicKey());
        generator.SetHashedSubpackets(hashed.Generate());
        var unhashed = new PgpSignatureSubpacketGenerator();
        unhashed.SetIssuerKeyID(false, key.PrivateKey.KeyId);
        generator.SetUnhashedSubpackets(unhashed.Generate());
        generator.Update(data);
        var signature = generator.Generate();
        return Armor(signature.Encode);
    }

    /// <summary>Checks a detached signature over <paramref name="data"/> against the given public keys.</summary>
    /// <param name="data">The exact bytes that were signed.</param>
    /// <param name="armoredSignature">The <c>.asc</c> text.</param>
    /// <param name="keys">The keys the signer may hold.</param>
    public static OpenPgpVerification Verify(ReadOnlySpan<byte> data, string armoredSignature, IEnumerable<OpenPgpPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(armoredSignature);
        ArgumentNullException.ThrowIfNull(keys);
        PgpSignature signature;
        try
        {
            signature = ReadSignature(armoredSignature);
        }
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException or InvalidCastException)
        {
            return new OpenPgpVerification(OpenPgpVerdict.Unreadable, OpenPgpErrors.Unreadable("signature", e.Message));
        }
        var candidates = keys.ToList();
        var signer = candidates.Select(k => k.Find(signature.KeyId)).FirstOrDefault(k => k is not null);
        if (signer is null)
            return new OpenPgpVerification(OpenPgpVerdict.UnknownKey,
                OpenPgpErrors.UnknownKey(signature.KeyId, candidates.Select(k => k.Fingerprint)));
        var fingerprint = FingerprintOf(signer);
        try
        {
            signature.InitVerify(signer);
            signature.Update(data);
            return signature.Verify()
                ? new OpenPgpVerification(OpenPgpVerdict.Valid, OpenPgpErrors.Good(fingerprint), fingerprint)
                : new OpenPgpVerification(OpenPgpVerdict.BadSignature, OpenPgpErrors.Bad(fingerprint), fingerprint);
        }
        catch (PgpException e)
        {
            return new OpenPgpVerification(OpenPgpVerdict.Unreadable, OpenPgpErrors.Unreadable("signature", e.Message), fingerprint);
        }
    }

    /// <summary>Checks a detached signature against one armored public key.</summary>
    /// <remarks>A key that cannot be read gives <see cref="OpenPgpVerdict.Unreadable"/>.</remarks>
    public static OpenPgpVerification Verify(ReadOnlySpan<byte> data, string armoredSignature, string armoredPublicKey)
    {
        OpenPgpPublicKey key;
        try
        {
            key = OpenPgpPublicKey.Parse(armoredPublicKey, "the public key");
        }
        catch (OpenPgpFormatException e)
        {
            return new OpenPgpVerification(OpenPgpVerdict.Unreadable, e.Reason);
        }
        return Verify(data, armoredSignature, [key]);
    }

    private static PgpSignature ReadSignature(string armored)
    {
        using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.UTF8.GetBytes(armored)));
        var factory = new PgpObjectFactory(input);
        var item = factory.NextPgpObject();
        if (item is PgpCompressedData compressed)
            item = new PgpObjectFactory(compressed.GetDataStream()).NextPgpObject();
        if (item is not PgpSignatureList { Count: > 0 } list)
            throw new PgpException(OpenPgpErrors.NotASignature(item?.GetType().Name));
        return list[0];
    }

    internal static string FingerprintOf(PgpPublicKey key) => Convert.ToHexString(key.GetFingerprint());

    internal static string Armor(Action<Stream> encode)
    {
        using var buffer = new MemoryStream();
        // No "Version:" header: the armor then depends on the key and data only.
        using (var armored = new ArmoredOutputStream(buffer, new Dictionary<string, string>()))
            encode(armored);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
