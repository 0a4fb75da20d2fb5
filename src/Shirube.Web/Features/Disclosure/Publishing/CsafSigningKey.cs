using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Shirube.Data;
using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Web.Features.Disclosure.Publishing;

/// <summary>
/// The OpenPGP key that signs the served CSAF documents. Configured under Shirube:Disclosure as SigningKeyFile (an
/// armored secret key) and SigningKeyPassphrase; with no file configured, a key is generated on first use and kept in
/// the data folder (next to the SQLite database, else ./data) as <see cref="GeneratedKeyFile"/>, protected by the
/// configured passphrase or by a random one kept beside it in <see cref="GeneratedPassphraseFile"/>, so that it
/// survives restarts. Several instances behind one name must share a configured key: each would generate its own.
/// </summary>
internal sealed class CsafSigningKey(IConfiguration config, DisclosureSettings settings, TimeProvider clock, ILogger<CsafSigningKey> log) : IDisposable
{
    public const string GeneratedKeyFile = "csaf-signing-key.asc";
    public const string GeneratedPassphraseFile = "csaf-signing-key.passphrase";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenPgpSecretKey? _key;

    /// <summary>The unlocked key, read (or generated) once.</summary>
    /// <exception cref="OpenPgpFormatException">The configured file holds no key the passphrase unlocks.</exception>
    public async Task<OpenPgpSecretKey> GetAsync(CancellationToken ct)
    {
        if (_key is { } key)
            return key;
        await _gate.WaitAsync(ct);
        try
        {
            return _key ??= await LoadAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The folder the generated key is kept in: the SQLite database's, else ./data under the working folder.</summary>
    public static string DataFolder(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (ShirubeDataSetup.ProviderFrom(config) == DatabaseProvider.Sqlite)
        {
            var connection = config.GetConnectionString("Shirube");
            var source = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connection) ? ShirubeDataSetup.DefaultSqliteConnection : connection).DataSource;
            if (!string.IsNullOrEmpty(source) && source != ":memory:")
                return Path.GetDirectoryName(Path.GetFullPath(source))!;
        }
        return Path.GetFullPath("data");
    }

    private async Task<OpenPgpSecretKey> LoadAsync(CancellationToken ct)
    {
        var section = config.GetSection("Shirube:Disclosure");
        var passphrase = section["SigningKeyPassphrase"];
        if (section["SigningKeyFile"] is { Length: > 0 } file)
        {
            // A configured key that is missing is an error, never a reason to sign with another key.
            const string Setting = "Shirube:Disclosure:SigningKeyFile";
            if (!File.Exists(file))
                throw new OpenPgpFormatException(Setting, $"the file {Path.GetFullPath(file)} does not exist.");
            return OpenPgpSecretKey.Load(await File.ReadAllTextAsync(file, ct), passphrase ?? "", Setting);
        }

        var folder = DataFolder(config);
        Directory.CreateDirectory(folder);
        var keyPath = Path.Combine(folder, GeneratedKeyFile);
        if (string.IsNullOrEmpty(passphrase))
        {
            var passphrasePath = Path.Combine(folder, GeneratedPassphraseFile);
            if (!File.Exists(passphrasePath))
                WriteOnce(passphrasePath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            passphrase = (await File.ReadAllTextAsync(passphrasePath, ct)).Trim();
        }
        if (!File.Exists(keyPath))
        {
            var now = clock.GetUtcNow();
            // RSA generation takes a moment of CPU; it happens once per data folder.
            var userId = settings.PublisherName;
            var pair = await Task.Run(() => OpenPgpSignatures.GenerateKey(userId, passphrase, now), ct);
            if (WriteOnce(keyPath, pair.ArmoredSecretKey))
                PublishingLog.KeyGenerated(log, pair.Fingerprint, keyPath);
        }
        return OpenPgpSecretKey.Load(await File.ReadAllTextAsync(keyPath, ct), passphrase, keyPath);
    }

    // Written to a temporary file and moved into place: another process generating at the same time loses the race
    // and both then use the file that won. Readable by the owner only.
    private static bool WriteOnce(string path, string text)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(text);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    public void Dispose() => _gate.Dispose();
}

internal static partial class PublishingLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "Generated the CSAF signing key {Fingerprint} at {Path}: configure Shirube:Disclosure:SigningKeyFile to sign with a key of your own.")]
    public static partial void KeyGenerated(ILogger logger, string fingerprint, string path);
}
