using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Data;
using Shirube.Formats.Disclosure.Provider;
using Shirube.Testing;
using Shirube.Web.Features.Disclosure.Provider;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Disclosure.Publishing;

/// <summary>
/// Published advisories served anonymously: fetched by a CSAF downloader as an aggregator would, read as HTML pages,
/// and nothing else (drafts, reviews, approvals, restricted labels, the draft of a next revision) anywhere.
/// </summary>
public class PublishingTests
{
    private const string Origin = "https://localhost";

    // One key for the whole class: generating RSA keys is slow, and what is tested is serving and verifying, not generation.
    private static readonly Lazy<string> KeyFile = new(() =>
    {
        var pair = OpenPgpSignatures.GenerateKey("Example Devices PSIRT", "test passphrase", DateTimeOffset.UtcNow.AddDays(-1), OpenPgpSignatures.MinRsaBits);
        var path = Path.Combine(Path.GetTempPath(), $"shirube-test-csaf-key-{Guid.NewGuid():N}.asc");
        File.WriteAllText(path, pair.ArmoredSecretKey);
        return path;
    });

    private static Dictionary<string, string> Settings() => new()
    {
        ["Shirube:Disclosure:PublisherName"] = "Example Devices",
        ["Shirube:Disclosure:Namespace"] = "https://psirt.example.com",
        ["Shirube:Disclosure:PublicUrl"] = Origin,
        ["Shirube:Disclosure:Prefix"] = "EXD-SA",
        ["Shirube:Disclosure:SigningKeyFile"] = KeyFile.Value,
        ["Shirube:Disclosure:SigningKeyPassphrase"] = "test passphrase",
    };

    private enum Stage { Draft, InReview, Approved, Published }

    private sealed record Team(HttpClient Admin, HttpClient Hana, HttpClient Ken, Guid ProductId) : IDisposable
    {
        public void Dispose()
        {
            Admin.Dispose();
            Hana.Dispose();
            Ken.Dispose();
        }
    }

    private sealed record Made(Guid Id, string TrackingId, Guid FixedVersion);

    // HR-300 of the HOME unit; hana (analyst) writes, ken (manager) approves and publishes.
    private static async Task<Team> TeamAsync(ShirubeApp app)
    {
        var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        await Api.CreateUserAsync(admin, "hana", "Home-Passw0rd-1", ["PsirtAnalyst"], [home.Id]);
        await Api.CreateUserAsync(admin, "ken", "Home-Passw0rd-2", ["PsirtManager"], [home.Id]);
        return new Team(admin, app.ClientWithToken(await app.TokenAsync("hana", "Home-Passw0rd-1")),
            app.ClientWithToken(await app.TokenAsync("ken", "Home-Passw0rd-2")), product.Id);
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// An advisory of a case of its own on versions <paramref name="marker"/>.0 (affected) and .1 (fixed), its titles
    /// and summaries naming <paramref name="marker"/>, taken to <paramref name="stage"/>.
    /// </summary>
    private static async Task<Made> AdvisoryAsync(ShirubeApp app, Team team, string marker, Stage stage, string tlp = "Clear")
    {
        async Task<Guid> VersionAsync(string v) =>
            (await OkAsync(team.Admin.PostAsJsonAsync($"/api/products/{team.ProductId}/versions", new { version = v }))).GetProperty("id").GetGuid();
        var affected = await VersionAsync($"{marker}.0");
        var fixedVersion = await VersionAsync($"{marker}.1");
        using var anonymous = app.CreateClient();
        var caseId = (await OkAsync(anonymous.PostAsJsonAsync("/api/reports", new { title = $"Report {marker}", description = $"Telnet root password ({marker}).", product = "HR-300" })))
            .GetProperty("id").GetGuid();
        await OkAsync(team.Admin.PutAsJsonAsync($"/api/cases/{caseId}", new
        {
            productId = team.ProductId, affectedVersions = new[] { affected }, fixedVersions = new[] { fixedVersion }, cwe = "CWE-798",
            cvssVector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", cveId = "CVE-2026-12345", credit = "Taro Yamada",
        }));
        var created = await OkAsync(team.Hana.PostAsync($"/api/cases/{caseId}/advisory", null));
        var id = created.GetProperty("id").GetGuid();
        await OkAsync(team.Hana.PutAsJsonAsync($"/api/advisories/{id}", new
        {
            tlp,
            titleJa = $"HR-300 の認証回避 {marker}",
            titleEn = $"Authentication bypass in HR-300 {marker}",
            summaryJa = $"telnet に固定パスワードがあります ({marker})。",
            summaryEn = $"The telnet service has a hard-coded password ({marker}).",
            cweName = "Use of Hard-coded Credentials",
            fixes = new[] { new { versionId = fixedVersion, url = "https://example.com/support/hr-300", date = "2026-11-30" } },
        }));
        if (stage >= Stage.InReview)
            await OkAsync(team.Hana.PostAsync($"/api/advisories/{id}/submit", null));
        if (stage >= Stage.Approved)
            await OkAsync(team.Ken.PostAsync($"/api/advisories/{id}/approve", null));
        if (stage >= Stage.Published)
            await OkAsync(team.Ken.PostAsJsonAsync($"/api/advisories/{id}/publish", new { release = "final" }));
        return new Made(id, created.GetProperty("trackingId").GetString()!, fixedVersion);
    }

    private static async Task PublishNextRevisionAsync(Team team, Guid id, object changes)
    {
        await OkAsync(team.Hana.PutAsJsonAsync($"/api/advisories/{id}", changes));
        await OkAsync(team.Hana.PostAsync($"/api/advisories/{id}/submit", null));
        await OkAsync(team.Ken.PostAsync($"/api/advisories/{id}/approve", null));
        await OkAsync(team.Ken.PostAsJsonAsync($"/api/advisories/{id}/publish", new { release = "final" }));
    }

    /// <summary>The downloader's HTTP goes to the test server.</summary>
    private sealed class TestServerClients(ShirubeApp app) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(app.Server.CreateHandler());
    }

    private static Task<CsafDownloadReport> DownloadAsync(ShirubeApp app) =>
        new CsafDownloader(new TestServerClients(app)).DownloadAsync(new Uri($"{Origin}/.well-known/csaf/provider-metadata.json"), null, CancellationToken.None);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Downloader_PublishedAdvisory_AcceptsBothLanguagesVerified_AndThenItsSecondRevision(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings());
        using var team = await TeamAsync(app);
        var made = await AdvisoryAsync(app, team, "2", Stage.Published);

        var first = await DownloadAsync(app);

        Assert.Null(first.Refusal);
        Assert.Empty(first.Problems.Concat(first.Refused).Select(r => r.ToString()));
        var year = DateTime.UtcNow.Year;
        var expected = new[] { made.TrackingId, made.TrackingId + "-JA" };
        Assert.Equal(expected.Order(), first.Accepted.Select(a => a.TrackingId).Order());
        // Signed by the configured key, whose fingerprint provider-metadata.json names.
        var fingerprint = OpenPgpSecretKey.Load(File.ReadAllText(KeyFile.Value), "test passphrase", "test key").Fingerprint;
        Assert.Equal(fingerprint, first.Metadata!.Keys.Single().Fingerprint);
        Assert.All(first.Accepted, a => Assert.Equal(("1", "WHITE", fingerprint), (a.Version, a.TlpLabel, a.SignerFingerprint)));
        var ja = first.Accepted.Single(a => a.TrackingId.EndsWith("-JA", StringComparison.Ordinal));
        Assert.Equal(new Uri($"{Origin}/.well-known/csaf/white/{year}/{made.TrackingId.ToLowerInvariant()}-ja.json"), ja.Url);
        var references = JsonNode.Parse(ja.Utf8)!["document"]!["references"]!.AsArray();
        Assert.Equal([("self", ja.Url.ToString()), ("external", $"{Origin}/.well-known/csaf/white/{year}/{made.TrackingId.ToLowerInvariant()}.json")],
            references.Select(r => ((string)r!["category"]!, (string)r["url"]!)));

        await PublishNextRevisionAsync(team, made.Id, new { detailsEn = "Only the LAN side is exposed.", revisionSummaryJa = "詳細を追記", revisionSummaryEn = "Details added" });
        var second = await DownloadAsync(app);

        Assert.Empty(second.Problems.Concat(second.Refused).Select(r => r.ToString()));
        Assert.Equal([("2", made.TrackingId), ("2", made.TrackingId + "-JA")], second.Accepted.Select(a => (a.Version, a.TrackingId)).Order());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Anonymous_AdvisoriesNotPublishedOrNotClear_AppearInNoFileFeedPageOrListing(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings());
        using var team = await TeamAsync(app);
        var published = await AdvisoryAsync(app, team, "10", Stage.Published);
        var hidden = new[]
        {
            await AdvisoryAsync(app, team, "20", Stage.Draft),
            await AdvisoryAsync(app, team, "30", Stage.InReview),
            await AdvisoryAsync(app, team, "40", Stage.Approved),
            await AdvisoryAsync(app, team, "50", Stage.Published, tlp: "Amber"),
        };
        // The published one's next revision is being written: its draft text is not public either.
        await OkAsync(team.Hana.PutAsJsonAsync($"/api/advisories/{published.Id}", new { titleEn = "Retitled draft 60", summaryJa = "下書き 60" }));
        using var anonymous = app.CreateClient();

        // Everything an anonymous visitor can reach: the provider's files by their links, the pages, the feed, the pages of the hidden ones.
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<string> GetAsync(string url)
        {
            using var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            return bodies[url] = await response.Content.ReadAsStringAsync();
        }
        var metadata = JsonNode.Parse(await GetAsync("/.well-known/csaf/provider-metadata.json"))!;
        var feed = JsonNode.Parse(await GetAsync((string)metadata["distributions"]![1]!["rolie"]!["feeds"]![0]!["url"]!))!;
        await GetAsync((string)metadata["distributions"]![1]!["rolie"]!["services"]![0]!);
        await GetAsync((string)metadata["public_openpgp_keys"]![0]!["url"]!);
        var index = await GetAsync("/.well-known/csaf/white/index.txt");
        await GetAsync("/.well-known/csaf/white/changes.csv");
        foreach (var entry in feed["feed"]!["entry"]!.AsArray())
            foreach (var link in entry!["link"]!.AsArray())
                await GetAsync((string)link!["href"]!);
        await GetAsync("/advisories");
        await GetAsync("/advisories/feed.atom");
        foreach (var lang in new[] { "ja", "en" })
            await GetAsync($"/advisories/{published.TrackingId}?lang={lang}");

        Assert.Equal(2, index.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, feed["feed"]!["entry"]!.AsArray().Count);
        var all = WebUtility.HtmlDecode(string.Concat(bodies.Values));
        Assert.Contains(published.TrackingId, all, StringComparison.Ordinal);
        Assert.Contains("Authentication bypass in HR-300 10", all, StringComparison.Ordinal);
        foreach (var secret in hidden.SelectMany(h => new[] { h.TrackingId, h.TrackingId.ToLowerInvariant() })
            .Concat(["HR-300 20", "HR-300 30", "HR-300 40", "HR-300 50", "(20)", "(30)", "(40)", "(50)", "20.1", "50.1", "Retitled draft 60", "下書き 60"]))
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        foreach (var h in hidden)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/advisories/{h.TrackingId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/.well-known/csaf/white/{DateTime.UtcNow.Year}/{h.TrackingId.ToLowerInvariant()}.json")).StatusCode);
        }
        // No listings, nothing outside the set.
        foreach (var path in new[] { "/.well-known/csaf/", "/.well-known/csaf/white/", $"/.well-known/csaf/white/{DateTime.UtcNow.Year}/", "/.well-known/csaf/amber/index.txt", "/.well-known/csaf/../appsettings.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ProviderFiles_ServedWithTheirMediaTypes_AndSecurityTxtPointsToTheMetadata(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings());
        using var team = await TeamAsync(app);
        var made = await AdvisoryAsync(app, team, "7", Stage.Published);
        using var anonymous = app.CreateClient();
        var document = $"/.well-known/csaf/white/{DateTime.UtcNow.Year}/{made.TrackingId.ToLowerInvariant()}.json";

        foreach (var (path, mediaType) in new[]
        {
            ("/.well-known/csaf/provider-metadata.json", "application/json"), (document, "application/json"), (document + ".sha256", "text/plain"),
            (document + ".sha512", "text/plain"), (document + ".asc", "application/pgp-signature"), ("/.well-known/csaf/white/index.txt", "text/plain"),
            ("/.well-known/csaf/white/changes.csv", "text/csv"), ("/advisories/feed.atom", "application/atom+xml"),
        })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal((HttpStatusCode.OK, mediaType), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        }
        var securityTxt = await anonymous.GetStringAsync("/.well-known/security.txt");
        Assert.Contains($"CSAF: {Origin}/.well-known/csaf/provider-metadata.json\n", securityTxt, StringComparison.Ordinal);
        var atom = await anonymous.GetStringAsync("/advisories/feed.atom");
        Assert.Contains($"href=\"{Origin}/advisories/{made.TrackingId}?lang=ja\"", atom, StringComparison.Ordinal);
    }

    public sealed record PageCase(string Query, string? Cookie, string Title, string State, string Remedy)
    {
        public override string ToString() => $"{Query}{(Cookie is null ? "" : " with the culture cookie " + Cookie)} shows \"{Title}\"";
    }

    public static TheoryData<PageCase> Pages =>
    [
        new PageCase("?lang=ja", null, "HR-300 の認証回避 3", "修正済み", "修正版"),
        new PageCase("?lang=en", "ja", "Authentication bypass in HR-300 3", "Fixed", "Fixed version"),
        new PageCase("", "ja", "HR-300 の認証回避 3", "修正済み", "修正版"),
        new PageCase("", null, "Authentication bypass in HR-300 3", "Fixed", "Fixed version"),
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AdvisoryPage_Anonymous_ShowsTheTitleAndTheFixedVersionInTheLanguageAsked(PageCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings());
        using var team = await TeamAsync(app);
        var made = await AdvisoryAsync(app, team, "3", Stage.Published);
        using var anonymous = app.CreateClient();
        async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path + row.Query);
            request.Headers.Add("Accept-Language", "en-US");
            if (row.Cookie is { } culture)
                request.Headers.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");
            using var response = await anonymous.SendAsync(request);
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var (status, html) = await GetAsync($"/advisories/{made.TrackingId}");
        var (_, list) = await GetAsync("/advisories");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($">{row.Title}</h1>", html, StringComparison.Ordinal);
        Assert.Matches($"<tr data-state=\"fixed\"><td>HR-300</td><td>3.1</td><td>{row.State}</td></tr>", html);
        Assert.Contains($"<strong>{row.Remedy}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("CVE-2026-12345", html, StringComparison.Ordinal);
        Assert.Contains("Taro Yamada", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{row.Title}</td>", list, StringComparison.Ordinal);
    }
}
