using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Shirube.Formats.Disclosure.Provider;
using Shirube.Web.Features.Disclosure;
using Shirube.Web.Features.Disclosure.Publishing;

namespace Shirube.Web.Tests.Disclosure.Publishing;

public sealed class CsafSigningKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"shirube-test-data-{Guid.NewGuid():N}");

    private CsafSigningKey Key(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Shirube"] = $"Data Source={Path.Combine(_folder, "shirube.db")}",
            ["Shirube:Disclosure:PublisherName"] = "Example Devices",
            ["Shirube:Disclosure:PublicUrl"] = "https://psirt.example.com",
        }.Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))).Build();
        return new CsafSigningKey(config, DisclosureSettings.FromConfiguration(config), TimeProvider.System, NullLogger<CsafSigningKey>.Instance);
    }

    [Fact]
    public async Task GetAsync_NoKeyConfigured_GeneratesOneNextToTheDatabase_ThatTheNextStartReuses()
    {
        using var first = Key();
        var generated = await first.GetAsync(CancellationToken.None);

        var keyFile = Path.Combine(_folder, CsafSigningKey.GeneratedKeyFile);
        Assert.StartsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----", await File.ReadAllTextAsync(keyFile), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        using var restarted = Key();
        Assert.Equal(generated.Fingerprint, (await restarted.GetAsync(CancellationToken.None)).Fingerprint);
        // What it signs, its public half verifies.
        var signature = OpenPgpSignatures.Sign("{}"u8, generated, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(OpenPgpSignatures.Verify("{}"u8, signature, generated.PublicKey.Armored).IsValid);
    }

    [Fact]
    public async Task GetAsync_ConfiguredFileMissing_IsRefusedNamingTheSetting_RatherThanSigningWithAnotherKey()
    {
        using var key = Key(("Shirube:Disclosure:SigningKeyFile", Path.Combine(_folder, "missing.asc")));

        var refused = await Assert.ThrowsAsync<OpenPgpFormatException>(() => key.GetAsync(CancellationToken.None));

        Assert.Contains("Shirube:Disclosure:SigningKeyFile", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, CsafSigningKey.GeneratedKeyFile)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
