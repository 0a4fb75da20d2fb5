using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Formats.Disclosure;
using Shirube.Formats.Disclosure.Provider;
using Shirube.Testing;
using Shirube.Web.Features.Disclosure.Provider;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Disclosure.Provider;

/// <summary>
/// A test client fetches a provider on loopback the way a CSAF downloader does (provider-metadata → ROLIE → document →
/// hash and signature), from files made by <see cref="ProviderFiles"/> with real CSAF documents, some of them tampered.
/// </summary>
public class CsafDownloaderTests
{
    private const string Folder = "/.well-known/csaf/";
    private const string Passphrase = "correct horse battery staple";
    private static readonly DateTimeOffset Now = new(2024, 9, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<OpenPgpKeyPair> Signer = new(() => OpenPgpSignatures.GenerateKey("Example PSIRT <psirt@example.com>", Passphrase, Now.AddYears(-1), 2048));
    private static readonly Lazy<OpenPgpKeyPair> Stranger = new(() => OpenPgpSignatures.GenerateKey("Stranger <x@example.net>", Passphrase, Now.AddYears(-1), 2048));

    /// <summary>The real documents served: each passes the validator with no error.</summary>
    private static readonly string[] Good = ["bsi-2022-0001.json", "rhsa-2019_1862.json", "rhsa-2021_5186.json", "rhsa-2022_0011.json"];

    private static string Corpus(string relative) => Path.Combine(CorpusDataAttribute.Corpora!, "csaf/csaf_2.0", relative);

    private static byte[] Example(string name) => File.ReadAllBytes(Corpus("examples/csaf/" + name));

    private static void SkipWithoutCorpora() =>
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the served CSAF documents are real examples from the shared corpora (CI sets it).");

    private static ProviderSettings Settings(Uri root) => new(
        new ProviderPublisher("Example PSIRT", new Uri("https://psirt.example.com"), "psirt@example.com"),
        new Uri(root, Folder), OpenPgpSecretKey.Load(Signer.Value.ArmoredSecretKey, Passphrase, "test key"));

    private static ProviderDocument Publishable(byte[] bytes, string name) => ProviderDocument.FromCsaf(bytes, name);

    /// <summary>
    /// A loopback provider: the fixture server answers from the files returned, filled once the server's
    /// port, and so the provider's URLs, are known.
    /// </summary>
    private static async Task<(FixtureServer Server, Dictionary<string, (byte[], string)> Files)> StartAsync()
    {
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        return (await FixtureServer.StartAsync(files), files);
    }

    private static void Serve(Dictionary<string, (byte[], string)> files, ProviderFileSet set)
    {
        foreach (var (path, file) in set.Files)
            files[Folder + path] = (file.Content, file.MediaType);
    }

    private static CsafDownloader Downloader(out ServiceProvider services)
    {
        services = new ServiceCollection().AddCsafDownloader().BuildServiceProvider();
        return services.GetRequiredService<CsafDownloader>();
    }

    [Fact]
    public void TheServedExamples_PassTheValidatorWithNoError()
    {
        SkipWithoutCorpora();

        foreach (var name in Good)
        {
            var report = CsafValidator.Validate(Example(name), name);
            Assert.True(report.Valid, $"{name}: {string.Join("; ", report.Errors.Select(e => $"{e.Test} {e.Path} {e.Message}"))}");
        }
    }

    [Fact]
    public async Task DownloadAsync_FilesMadeByProviderFiles_AreAllAccepted()
    {
        SkipWithoutCorpora();
        var (server, files) = await StartAsync();
        await using var _ = server;
        Serve(files, ProviderFiles.Build(Settings(server.Root), Good.Select(n => Publishable(Example(n), n)), Now));
        var downloader = Downloader(out var services);
        using var __ = services;

        var report = await downloader.DownloadAsync(new Uri(server.Root, Folder + "provider-metadata.json"), null, TestContext.Current.CancellationToken);

        Assert.Null(report.Refusal);
        Assert.Empty(report.Problems);
        Assert.Equal("csaf_trusted_provider", report.Metadata!.Role);
        Assert.Empty(report.Refused);
        Assert.Equal(["BSI-2022-0001", "RHSA-2019:1862", "RHSA-2021:5186", "RHSA-2022:0011"], report.Accepted.Select(a => a.TrackingId).Order(StringComparer.Ordinal));
        var bsi = report.Accepted.Single(a => a.TrackingId == "BSI-2022-0001");
        Assert.Equal(Example("bsi-2022-0001.json"), bsi.Utf8);
        Assert.Equal("WHITE", bsi.TlpLabel);
        Assert.Equal(Signer.Value.Fingerprint, bsi.SignerFingerprint);
        Assert.Equal(new Uri(server.Root, Folder + "white/2022/bsi-2022-0001.json"), bsi.Url);
    }

    [Fact]
    public async Task DownloadAsync_TamperedAndBrokenFiles_AreRefusedEachWithItsReasonAndTheGoodOnesAccepted()
    {
        SkipWithoutCorpora();
        var (server, files) = await StartAsync();
        await using var _ = server;
        var root = new Uri(server.Root, Folder);

        // An AMBER document the provider lists in its WHITE feed (its label in the feed is a lie).
        var amber = JsonNode.Parse(Example("rhsa-2021_5217.json"))!;
        amber["document"]!["distribution"]!["tlp"]!["label"] = "AMBER";
        var amberBytes = Encoding.UTF8.GetBytes(amber.ToJsonString());
        // A document that breaks a mandatory test (6.1.1: a product id used but never defined), listed as WHITE.
        var invalid = File.ReadAllBytes(Corpus("test/validator/data/mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json"));
        var documents = new List<ProviderDocument>
        {
            Publishable(Example("bsi-2022-0001.json"), "bsi"),
            Publishable(Example("rhsa-2019_1862.json"), "rhsa-2019_1862"),
            Publishable(Example("rhsa-2021_5186.json"), "rhsa-2021_5186"),
            Publishable(Example("rhsa-2022_0011.json"), "rhsa-2022_0011"),
            Publishable(amberBytes, "amber") with { TlpLabel = "WHITE" },
            Publishable(invalid, "invalid") with { TlpLabel = "WHITE" },
        };
        var set = ProviderFiles.Build(Settings(server.Root), documents, Now);
        Serve(files, set);
        // rhsa-2019_1862: its bytes changed after hashing and signing.
        var tampered = set["white/2019/rhsa-2019_1862.json"].Content.ToArray();
        tampered[^3] ^= 0x20;
        files[Folder + "white/2019/rhsa-2019_1862.json"] = (tampered, "application/json");
        // rhsa-2021_5186: signed by a key the provider does not publish.
        var strangerKey = OpenPgpSecretKey.Load(Stranger.Value.ArmoredSecretKey, Passphrase, "stranger");
        files[Folder + "white/2021/rhsa-2021_5186.json.asc"] =
            (Encoding.ASCII.GetBytes(OpenPgpSignatures.Sign(set["white/2021/rhsa-2021_5186.json"].Content, strangerKey, Now)), "application/pgp-signature");
        // rhsa-2022_0011: its signature is gone.
        files.Remove(Folder + "white/2022/rhsa-2022_0011.json.asc");
        var downloader = Downloader(out var services);
        using var __ = services;

        var report = await downloader.DownloadAsync(new Uri(root, "provider-metadata.json"), null, TestContext.Current.CancellationToken);

        Assert.Equal(["BSI-2022-0001"], report.Accepted.Select(a => a.TrackingId));
        var refused = report.Refused.ToDictionary(r => r.Url.AbsolutePath[Folder.Length..], r => r);
        Assert.Equal(
            new Dictionary<string, CsafRefusalReason>
            {
                ["white/2019/rhsa-2019_1862.json"] = CsafRefusalReason.BadHash,
                ["white/2021/rhsa-2021_5186.json"] = CsafRefusalReason.UnknownKey,
                ["white/2021/rhsa-2021_5217.json"] = CsafRefusalReason.WrongTlp,
                ["white/2021/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json"] = CsafRefusalReason.InvalidCsaf,
                ["white/2022/rhsa-2022_0011.json"] = CsafRefusalReason.MissingSignature,
            },
            refused.ToDictionary(r => r.Key, r => r.Value.Reason));
        foreach (var (path, refusal) in refused)
            Assert.Contains(new Uri(root, path).ToString(), refusal.Message, StringComparison.Ordinal);
        Assert.Contains("TLP:AMBER", refused["white/2021/rhsa-2021_5217.json"].Message, StringComparison.Ordinal);
        Assert.Contains("test 6.1.1 at '/product_tree/product_groups/0/product_ids/0'", refused["white/2021/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json"].Message, StringComparison.Ordinal);
        Assert.Contains(Signer.Value.Fingerprint, refused["white/2021/rhsa-2021_5186.json"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_DocumentNamedAgainstItsTrackingIdOrTooLarge_IsRefused()
    {
        SkipWithoutCorpora();
        var (server, files) = await StartAsync();
        await using var _ = server;
        var set = ProviderFiles.Build(Settings(server.Root), [Publishable(Example("bsi-2022-0001.json"), "bsi"), Publishable(Example("rhsa-2022_0011.json"), "rhsa")], Now);
        Serve(files, set);
        // The BSI document, hashed and signed correctly, but under another name.
        foreach (var suffix in new[] { "", ".sha256", ".sha512", ".asc" })
            files[Folder + "white/2022/bsi-advisory.json" + suffix] = files[Folder + "white/2022/bsi-2022-0001.json" + suffix];
        var feed = JsonNode.Parse(set[ProviderFiles.FeedFile].Content)!;
        foreach (var entry in feed["feed"]!["entry"]!.AsArray())
        {
            foreach (var link in entry!["link"]!.AsArray())
                link!["href"] = link["href"]!.GetValue<string>().Replace("bsi-2022-0001.json", "bsi-advisory.json", StringComparison.Ordinal);
            entry["content"]!["src"] = entry["content"]!["src"]!.GetValue<string>().Replace("bsi-2022-0001.json", "bsi-advisory.json", StringComparison.Ordinal);
        }
        files[Folder + ProviderFiles.FeedFile] = (Encoding.UTF8.GetBytes(feed.ToJsonString()), "application/json");
        var downloader = Downloader(out var services);
        using var __ = services;
        var limits = new CsafDownloadLimits { MaxDocumentBytes = 10_000 };

        var report = await downloader.DownloadAsync(new Uri(server.Root, Folder + "provider-metadata.json"), limits, TestContext.Current.CancellationToken);

        Assert.Empty(report.Accepted);
        var refused = report.Refused.ToDictionary(r => r.Url.Segments[^1], r => r.Reason);
        Assert.Equal(CsafRefusalReason.FilenameMismatch, refused["bsi-advisory.json"]);
        Assert.Equal(CsafRefusalReason.TooLarge, refused["rhsa-2022_0011.json"]);
    }

    [Fact]
    public async Task DownloadAsync_KeyWithAnotherFingerprint_IsAProblemAndEveryDocumentIsRefused()
    {
        SkipWithoutCorpora();
        var (server, files) = await StartAsync();
        await using var _ = server;
        var set = ProviderFiles.Build(Settings(server.Root), [Publishable(Example("bsi-2022-0001.json"), "bsi")], Now);
        Serve(files, set);
        files[Folder + $"openpgp/{Signer.Value.Fingerprint}.asc"] = (Encoding.ASCII.GetBytes(Stranger.Value.ArmoredPublicKey), "application/pgp-keys");
        var downloader = Downloader(out var services);
        using var __ = services;

        var report = await downloader.DownloadAsync(new Uri(server.Root, Folder + "provider-metadata.json"), null, TestContext.Current.CancellationToken);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(CsafRefusalReason.InvalidKey, problem.Reason);
        Assert.Contains(Stranger.Value.Fingerprint, problem.Message, StringComparison.Ordinal);
        Assert.Equal([CsafRefusalReason.UnknownKey], report.Refused.Select(r => r.Reason));
    }

    [Fact]
    public async Task DownloadAsync_MetadataBreakingTheSchemaOrMissing_IsRefusedNamingTheUrl()
    {
        var (server, files) = await StartAsync();
        await using var _ = server;
        files["/bad/provider-metadata.json"] = ("{\"role\":\"csaf_trusted_provider\"}"u8.ToArray(), "application/json");
        var downloader = Downloader(out var services);
        using var __ = services;
        var ct = TestContext.Current.CancellationToken;

        var bad = await downloader.DownloadAsync(new Uri(server.Root, "/bad/provider-metadata.json"), null, ct);
        var missing = await downloader.DownloadAsync(new Uri(server.Root, "/none/provider-metadata.json"), null, ct);
        var ftp = await downloader.DownloadAsync(new Uri("ftp://example.com/provider-metadata.json"), null, ct);

        Assert.Equal(CsafRefusalReason.InvalidMetadata, bad.Refusal!.Reason);
        Assert.Contains(server.Url("/bad/provider-metadata.json"), bad.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(CsafRefusalReason.HttpError, missing.Refusal!.Reason);
        Assert.Contains("404", missing.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(CsafRefusalReason.NotHttp, ftp.Refusal!.Reason);
    }

    [Fact]
    public async Task DownloadAsync_ProviderWithOnlyADirectory_ReadsItsIndex()
    {
        SkipWithoutCorpora();
        var (server, files) = await StartAsync();
        await using var _ = server;
        var set = ProviderFiles.Build(Settings(server.Root), [Publishable(Example("rhsa-2019_1862.json"), "rhsa")], Now);
        Serve(files, set);
        var metadata = JsonNode.Parse(set[ProviderFiles.MetadataFile].Content)!;
        metadata["distributions"]!.AsArray().RemoveAt(1);
        files[Folder + ProviderFiles.MetadataFile] = (Encoding.UTF8.GetBytes(metadata.ToJsonString()), "application/json");
        var downloader = Downloader(out var services);
        using var __ = services;

        var report = await downloader.DownloadAsync(new Uri(server.Root, Folder + "provider-metadata.json"), null, TestContext.Current.CancellationToken);

        Assert.Empty(report.Metadata!.Feeds);
        Assert.Equal(["RHSA-2019:1862"], report.Accepted.Select(a => a.TrackingId));
    }

    [Fact]
    public void WellKnownUrl_Domain_IsTheHttpsWellKnownPath()
    {
        Assert.Equal(new Uri("https://psirt.example.com/.well-known/csaf/provider-metadata.json"), CsafDownloader.WellKnownUrl("psirt.example.com"));
    }
}
