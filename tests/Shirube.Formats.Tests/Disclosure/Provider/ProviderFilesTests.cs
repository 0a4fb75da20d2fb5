using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Shirube.Formats.Disclosure.Provider;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Disclosure.Provider;

/// <summary>The files of a CSAF 2.0 trusted provider, as a downloader and a person would check them.</summary>
public class ProviderFilesTests
{
    private static readonly Uri Base = new("https://psirt.example.com/.well-known/csaf/");
    private static readonly DateTimeOffset Now = new(2024, 9, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProviderDocument Older = Document("EXA-2023-0007", "WHITE", "2023-11-02T09:00:00Z", "2024-02-01T10:00:00Z", "Router A");
    private static readonly ProviderDocument Newer = Document("EXA:2024/0001", "CLEAR", "2024-03-04T05:06:07Z", "2024-05-01T00:00:00.5Z", "Sensor B");
    private static readonly ProviderDocument Restricted = Document("EXA-2024-SECRET", "AMBER", "2024-04-01T00:00:00Z", "2024-06-01T00:00:00Z", "Secret C");
    private static readonly ProviderDocument Unlabelled = Document("EXA-2024-NOLABEL", "", "2024-04-01T00:00:00Z", "2024-06-01T00:00:00Z", "Hidden D");

    private static readonly Lazy<ProviderFileSet> Built = new(() => ProviderFiles.Build(Settings(), [Older, Newer, Restricted, Unlabelled], Now));

    internal static ProviderSettings Settings() => new(
        new ProviderPublisher("Example PSIRT", new Uri("https://psirt.example.com"), "psirt@example.com"), Base, TestKeys.Load(TestKeys.Signer));

    internal static ProviderDocument Document(string id, string tlp, string initial, string current, string product)
    {
        var label = tlp.Length == 0 ? "" : $",\"distribution\":{{\"tlp\":{{\"label\":\"{tlp}\"}}}}";
        var json = $$$"""
            {"document":{"category":"csaf_base","csaf_version":"2.0","title":"Advisory {{{id}}}"{{{label}}},
             "tracking":{"id":"{{{id}}}","initial_release_date":"{{{initial}}}","current_release_date":"{{{current}}}"}},
             "product_tree":{"branches":[{"category":"vendor","name":"Example","branches":[{"category":"product_name","name":"{{{product}}}"}]}]}}
            """;
        return ProviderDocument.FromCsaf(Encoding.UTF8.GetBytes(json), id);
    }

    private static string Text(string path) => Encoding.UTF8.GetString(Built.Value[path].Content);

    private static JsonNode Json(string path) => JsonNode.Parse(Built.Value[path].Content)!;

    [Fact]
    public void FromCsaf_Document_ReadsTheFactsTheProviderFilesNeed()
    {
        Assert.Equal("EXA:2024/0001", Newer.TrackingId);
        Assert.Equal("CLEAR", Newer.TlpLabel);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero), Newer.InitialReleaseDate);
        Assert.Equal("Advisory EXA:2024/0001", Newer.Title);
        Assert.Equal(["Sensor B"], Newer.Categories);
        Assert.Equal("", Unlabelled.TlpLabel);
    }

    [Fact]
    public void Build_PublicDocuments_AreFiledByYearOfFirstReleaseWithHashesAndSignatures()
    {
        var paths = Built.Value.Files.Keys.Where(p => p.StartsWith("white/20", StringComparison.Ordinal)).ToList();

        Assert.Equal(
        [
            "white/2023/exa-2023-0007.json", "white/2023/exa-2023-0007.json.asc", "white/2023/exa-2023-0007.json.sha256", "white/2023/exa-2023-0007.json.sha512",
            "white/2024/exa_2024_0001.json", "white/2024/exa_2024_0001.json.asc", "white/2024/exa_2024_0001.json.sha256", "white/2024/exa_2024_0001.json.sha512",
        ], paths);
        Assert.Equal(Older.Utf8.ToArray(), Built.Value["white/2023/exa-2023-0007.json"].Content);
    }

    [Fact]
    public void Build_RestrictedOrUnlabelledDocuments_AppearInNoFile()
    {
        var set = Built.Value;

        Assert.Equal(["EXA-2024-SECRET", "EXA-2024-NOLABEL"], set.Withheld);
        foreach (var (path, file) in set.Files)
        {
            var text = Encoding.UTF8.GetString(file.Content);
            foreach (var hidden in new[] { Restricted, Unlabelled })
            {
                Assert.DoesNotContain(CsafFileName.FromTrackingId(hidden.TrackingId), path, StringComparison.Ordinal);
                Assert.DoesNotContain(hidden.TrackingId, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(hidden.Title, text, StringComparison.Ordinal);
                Assert.DoesNotContain(hidden.Categories[0], text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Build_ProviderMetadata_ValidatesAgainstTheOfficialSchemaAsATrustedProvider()
    {
        var metadata = Json(ProviderFiles.MetadataFile);

        Assert.Empty(ProviderMetadata.SchemaErrors(metadata));
        var read = ProviderMetadata.Parse(Built.Value[ProviderFiles.MetadataFile].Content, "provider-metadata.json");
        Assert.Equal("csaf_trusted_provider", read.Role);
        Assert.Equal(new Uri(Base, "provider-metadata.json"), read.CanonicalUrl);
        Assert.Equal("Example PSIRT", read.PublisherName);
        Assert.Equal("psirt@example.com", metadata["publisher"]!["contact_details"]!.GetValue<string>());
        var feed = Assert.Single(read.Feeds);
        Assert.Equal(("WHITE", new Uri(Base, "white/csaf-feed-tlp-white.json")), (feed.TlpLabel, feed.Url));
        Assert.Equal([new Uri(Base, "white/")], read.Directories);
        var key = Assert.Single(read.Keys);
        Assert.Equal(TestKeys.Signer.Fingerprint, key.Fingerprint);
        Assert.Equal(new Uri(Base, $"openpgp/{TestKeys.Signer.Fingerprint}.asc"), key.Url);
        Assert.Equal(TestKeys.Signer.Fingerprint, OpenPgpSignatures.Fingerprint(Text($"openpgp/{TestKeys.Signer.Fingerprint}.asc"), "key"));
    }

    [Fact]
    public void SchemaErrors_MetadataWithAnUnknownRole_NamesTheRole()
    {
        var metadata = Json(ProviderFiles.MetadataFile);
        metadata["role"] = "csaf_superhero";

        var errors = ProviderMetadata.SchemaErrors(metadata);

        Assert.Contains(errors, e => e.Path == "/role");
        var error = Assert.Throws<ProviderFormatException>(() => ProviderMetadata.Parse(Encoding.UTF8.GetBytes(metadata.ToJsonString()), "https://x.example/provider-metadata.json"));
        Assert.Equal("/role", error.Path);
    }

    [Fact]
    public void SchemaErrors_TheUpstreamExample_HasNone()
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the upstream example is in the shared corpora (CI sets it).");
        var example = File.ReadAllBytes(Path.Combine(CorpusDataAttribute.Corpora!, "csaf/csaf_2.0/examples/provider-metadata/example-01-provider-metadata.json"));

        Assert.Empty(ProviderMetadata.SchemaErrors(JsonNode.Parse(example)));
    }

    [Fact]
    public void Build_RolieFeed_HasEveryFieldOfTheUpstreamExample()
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the upstream example is in the shared corpora (CI sets it).");
        var example = JsonNode.Parse(File.ReadAllBytes(Path.Combine(CorpusDataAttribute.Corpora!, "csaf/csaf_2.0/examples/ROLIE/example-01-feed-tlp-white.json")))!;
        var feed = Json(ProviderFiles.FeedFile);

        // The example has a summary; ours has none because the documents gave none.
        var missing = Shape(example).Except(Shape(feed)).Where(p => !p.Contains("/summary", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
        Assert.Equal("csaf", feed["feed"]!["category"]![0]!["term"]!.GetValue<string>());
        Assert.Equal(["EXA:2024/0001", "EXA-2023-0007"], feed["feed"]!["entry"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_RolieFeed_ReadsBackWithLinksToTheDocumentItsHashesAndItsSignature()
    {
        var feed = RolieFeed.Parse(Built.Value[ProviderFiles.FeedFile].Content, Built.Value.UrlOf(ProviderFiles.FeedFile));

        var entry = feed.Entries[1];
        var document = new Uri(Base, "white/2023/exa-2023-0007.json");
        Assert.Equal("EXA-2023-0007", entry.Id);
        Assert.Equal(document, entry.Document);
        Assert.Equal([new Uri(document + ".sha256"), new Uri(document + ".sha512")], entry.Hashes);
        Assert.Equal([new Uri(document + ".asc")], entry.Signatures);
    }

    [Fact]
    public void Build_ServiceAndCategoryDocuments_ListTheFeedAndTheProductNames()
    {
        var service = Json(ProviderFiles.ServiceFile);
        var category = Json(ProviderFiles.CategoryFile);

        Assert.Equal(new Uri(Base, ProviderFiles.FeedFile).ToString(), service["service"]!["workspace"]![0]!["collection"]![0]!["href"]!.GetValue<string>());
        Assert.Equal(["Router A", "Sensor B"], category["categories"]!["category"]!.AsArray().Select(c => c!["term"]!.GetValue<string>()));
    }

    [Fact]
    public void Build_IndexAndChanges_ListEachDocumentNewestFirstChangesQuoted()
    {
        Assert.Equal("2024/exa_2024_0001.json\n2023/exa-2023-0007.json\n", Text(ProviderFiles.IndexFile));
        Assert.Equal(
            "\"2024/exa_2024_0001.json\",\"2024-05-01T00:00:00.5Z\"\n\"2023/exa-2023-0007.json\",\"2024-02-01T10:00:00Z\"\n",
            Text(ProviderFiles.ChangesFile));
    }

    [Fact]
    public void Build_HashFiles_HoldTheDigestOfTheServedBytesInSha256sumForm()
    {
        var bytes = Built.Value["white/2024/exa_2024_0001.json"].Content;

        Assert.Equal($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  exa_2024_0001.json\n", Text("white/2024/exa_2024_0001.json.sha256"));
        Assert.Equal($"{Convert.ToHexStringLower(SHA512.HashData(bytes))}  exa_2024_0001.json\n", Text("white/2024/exa_2024_0001.json.sha512"));
    }

    [Fact]
    public void Build_Signatures_VerifyWithThePublishedKey()
    {
        var key = Text($"openpgp/{TestKeys.Signer.Fingerprint}.asc");

        foreach (var path in new[] { "white/2023/exa-2023-0007.json", "white/2024/exa_2024_0001.json" })
        {
            var result = OpenPgpSignatures.Verify(Built.Value[path].Content, Text(path + ".asc"), key);
            Assert.True(result.IsValid, $"{path}: {result.Reason}");
        }
    }

    [Fact]
    public void Build_TwoDocumentsWithTheSameFileName_IsRefusedNamingThem()
    {
        var twin = Document("exa-2023-0007", "WHITE", "2023-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "Router A");

        var error = Assert.Throws<ArgumentException>(() => ProviderFiles.Build(Settings(), [Older, twin], Now));

        Assert.Contains("white/2023/exa-2023-0007.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AtomFeed_PublishedAdvisories_IsAtomThatSyndicationReads()
    {
        var bytes = AdvisoryAtomFeed.Write("Example PSIRT advisories", new Uri("https://psirt.example.com/advisories.atom"),
            new Uri("https://psirt.example.com/advisories"), "Example PSIRT",
            [
                new AdvisoryFeedEntry("ルーターAの脆弱性", new Uri("https://psirt.example.com/advisories/exa-2023-0007/ja"), Older.CurrentReleaseDate) { Language = "ja" },
                new AdvisoryFeedEntry("Sensor B & co: <fixed>", new Uri("https://psirt.example.com/advisories/exa_2024_0001/en"), Newer.CurrentReleaseDate)
                {
                    Published = Newer.InitialReleaseDate, Summary = "Update the firmware.", Csaf = new Uri(Base, "white/2024/exa_2024_0001.json"),
                },
            ],
            Now);

        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal("Example PSIRT advisories", feed.Title.Text);
        Assert.Equal(Now, feed.LastUpdatedTime);
        Assert.Equal(["Sensor B & co: <fixed>", "ルーターAの脆弱性"], feed.Items.Select(i => i.Title.Text));
        var newest = feed.Items.First();
        Assert.Equal("https://psirt.example.com/advisories/exa_2024_0001/en", newest.Id);
        Assert.Equal(new Uri("https://psirt.example.com/advisories/exa_2024_0001/en"), newest.Links.Single(l => l.RelationshipType == "alternate").Uri);
        // SyndicationFeed reads whole seconds; the feed says 00:00:00.5Z.
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), newest.LastUpdatedTime);
        Assert.Contains("<updated>2024-05-01T00:00:00.5Z</updated>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    /// <summary>The JSON pointers of an object's members, with array indexes replaced by <c>*</c>.</summary>
    private static HashSet<string> Shape(JsonNode node, string at = "")
    {
        var shape = new HashSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    shape.Add($"{at}/{name}");
                    if (value is not null)
                        shape.UnionWith(Shape(value, $"{at}/{name}"));
                }
                break;
            case JsonArray a:
                foreach (var item in a.OfType<JsonNode>())
                    shape.UnionWith(Shape(item, at + "/*"));
                break;
        }
        return shape;
    }
}
