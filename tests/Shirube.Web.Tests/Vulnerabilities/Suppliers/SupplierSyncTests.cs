using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shirube.Data;
using Shirube.Formats.Disclosure.Provider;
using Shirube.Testing;
using Shirube.Web.Tests.Components;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Vulnerabilities.Suppliers;

/// <summary>
/// A supplier's CSAF provider on loopback (files made by <see cref="ProviderFiles"/>, signed with a test key) serving two
/// good advisories on components of a product's SBOM and three tampered ones: after a sync the good ones raise
/// findings with source CSAF, the tampered ones are listed as refused with their reasons, and nothing of them is stored.
/// </summary>
public class SupplierSyncTests
{
    internal const string Folder = "/.well-known/csaf/";
    private const string Passphrase = "correct horse battery staple";
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<OpenPgpKeyPair> Signer = new(() => OpenPgpSignatures.GenerateKey("Hikari Modules PSIRT <psirt@hikari.example>", Passphrase, Now.AddYears(-1), 2048));
    private static readonly Lazy<OpenPgpKeyPair> Stranger = new(() => OpenPgpSignatures.GenerateKey("Stranger <x@example.net>", Passphrase, Now.AddYears(-1), 2048));

    // One advisory of the camera module maker: the named package at one version is affected.
    private static byte[] Advisory(string number, string tlp, string package, string version, string text) => Encoding.UTF8.GetBytes($$"""
        {
          "document": {
            "category": "csaf_security_advisory", "csaf_version": "2.0", "lang": "en",
            "distribution": { "tlp": { "label": "{{tlp}}", "url": "https://www.first.org/tlp/" } },
            "notes": [{ "category": "summary", "text": "{{text}}", "title": "Summary" }],
            "publisher": { "category": "vendor", "name": "Hikari Modules PSIRT", "namespace": "https://psirt.hikari.example" },
            "title": "{{package}}: {{text}}",
            "tracking": {
              "current_release_date": "2026-03-02T09:00:00.000Z", "id": "HM-2026-{{number}}", "initial_release_date": "2026-03-02T09:00:00.000Z",
              "revision_history": [{ "date": "2026-03-02T09:00:00.000Z", "number": "1", "summary": "First release." }],
              "status": "final", "version": "1"
            }
          },
          "product_tree": {
            "branches": [{ "category": "vendor", "name": "Hikari Modules", "branches": [{ "category": "product_name", "name": "{{package}}", "branches": [
              { "category": "product_version", "name": "{{version}}", "product": { "name": "{{package}} {{version}}", "product_id": "P-{{number}}",
                "product_identification_helper": { "purl": "pkg:npm/%40hikari/{{package}}@{{version}}" } } }
            ] }] }]
          },
          "vulnerabilities": [{
            "cve": "CVE-2026-1{{number}}",
            "notes": [{ "category": "description", "text": "{{text}}", "title": "Description" }],
            "product_status": { "known_affected": ["P-{{number}}"] },
            "scores": [{ "cvss_v3": { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL" },
                         "products": ["P-{{number}}"] }],
            "title": "{{text}}"
          }]
        }
        """);

    private const string Sbom = """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "metadata":{"component":{"type":"firmware","bom-ref":"fw","name":"nc-20","version":"4.0","purl":"pkg:generic/example/nc-20@4.0"}},
         "components":[
           {"type":"library","bom-ref":"sdk","name":"@hikari/camera-sdk","version":"1.4.0","purl":"pkg:npm/%40hikari/camera-sdk@1.4.0"},
           {"type":"library","bom-ref":"codec","name":"@hikari/frame-codec","version":"3.2.0","purl":"pkg:npm/%40hikari/frame-codec@3.2.0"}]}
        """;

    private static ProviderSettings Settings(Uri root) => new(
        new ProviderPublisher("Hikari Modules PSIRT", new Uri("https://psirt.hikari.example"), "psirt@hikari.example"),
        new Uri(root, Folder), OpenPgpSecretKey.Load(Signer.Value.ArmoredSecretKey, Passphrase, "test key"));

    /// <summary>The provider's files: two good advisories and three that were tampered with after publication.</summary>
    internal static void Serve(Dictionary<string, (byte[], string)> files, Uri root)
    {
        var documents = new[]
        {
            ProviderDocument.FromCsaf(Advisory("0007", "WHITE", "camera-sdk", "1.4.0", "Heap overflow on oversized frames."), "good-1"),
            ProviderDocument.FromCsaf(Advisory("0011", "WHITE", "frame-codec", "3.2.0", "Out-of-bounds read in the JPEG decoder."), "good-2"),
            ProviderDocument.FromCsaf(Advisory("0012", "WHITE", "camera-sdk", "1.4.0", "Use after free on reconnect."), "bad-hash"),
            ProviderDocument.FromCsaf(Advisory("0013", "WHITE", "camera-sdk", "1.4.0", "Debug port left open."), "bad-signature"),
            // An AMBER advisory the provider lists in its WHITE feed.
            ProviderDocument.FromCsaf(Advisory("0014", "AMBER", "frame-codec", "3.2.0", "Partner-only preview."), "amber") with { TlpLabel = "WHITE" },
        };
        var set = ProviderFiles.Build(Settings(root), documents, Now);
        foreach (var (path, file) in set.Files)
            files[Folder + path] = (file.Content, file.MediaType);
        // HM-2026-0012: its bytes changed after hashing and signing.
        var tampered = set["white/2026/hm-2026-0012.json"].Content.ToArray();
        tampered[^3] ^= 0x20;
        files[Folder + "white/2026/hm-2026-0012.json"] = (tampered, "application/json");
        // HM-2026-0013: signed by a key the provider does not publish.
        files[Folder + "white/2026/hm-2026-0013.json.asc"] = (Encoding.ASCII.GetBytes(OpenPgpSignatures.Sign(set["white/2026/hm-2026-0013.json"].Content,
            OpenPgpSecretKey.Load(Stranger.Value.ArmoredSecretKey, Passphrase, "stranger"), Now)), "application/pgp-signature");
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_sync_imports_the_good_advisories_as_CSAF_findings_and_lists_each_tampered_one_as_refused_with_its_reason(DatabaseProvider provider)
    {
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        await using var server = await FixtureServer.StartAsync(files);
        Serve(files, server.Root);
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Camera NC-20", "B", "device");
        var version = await ComponentsFixture.AddVersionAsync(admin, product.Id, "4.0");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/versions/{version}/sbom?fileName=nc20.cdx.json", new StringContent(Sbom, Encoding.UTF8, "application/json"))).StatusCode);
        var metadata = server.Url(Folder + "provider-metadata.json");
        var created = await OkAsync(admin.PostAsJsonAsync("/api/vulnerabilities/suppliers", new { name = "Hikari Modules", url = metadata }));
        Assert.Equal((metadata, true), (created.GetProperty("metadataUrl").GetString(), created.GetProperty("enabled").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("lastSync").ValueKind);

        var synced = await OkAsync(admin.PostAsync($"/api/vulnerabilities/suppliers/{created.GetProperty("id").GetGuid()}/sync", null));

        var sync = synced.GetProperty("lastSync");
        Assert.Equal(("Imported", 2, 2, 2), (sync.GetProperty("outcome").GetString(), sync.GetProperty("documentsAccepted").GetInt32(),
            sync.GetProperty("recordsImported").GetInt32(), sync.GetProperty("newFindings").GetInt32()));
        var refused = sync.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("url").GetString()!, r => r);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [server.Url(Folder + "white/2026/hm-2026-0012.json")] = "BadHash",
                [server.Url(Folder + "white/2026/hm-2026-0013.json")] = "UnknownKey",
                [server.Url(Folder + "white/2026/hm-2026-0014.json")] = "WrongTlp",
            },
            refused.ToDictionary(r => r.Key, r => r.Value.GetProperty("reason").GetString()!));
        Assert.Contains("TLP:AMBER", refused[server.Url(Folder + "white/2026/hm-2026-0014.json")].GetProperty("message").GetString(), StringComparison.Ordinal);
        // Findings from the good advisories only, on the matching components, with source CSAF.
        var findings = await ComponentsFixture.FindingsAsync(admin, $"?versionId={version}");
        Assert.Equal(
            [("HM-2026-0007#CVE-2026-10007", "@hikari/camera-sdk", "csaf"), ("HM-2026-0011#CVE-2026-10011", "@hikari/frame-codec", "csaf")],
            findings.Select(f => (f.GetProperty("vulnerabilityId").GetString(), f.GetProperty("componentName").GetString(), f.GetProperty("source").GetString()))
                .OrderBy(f => f.Item1, StringComparer.Ordinal));
        // Nothing of the refused documents is stored.
        var data = await admin.GetFromJsonAsync<JsonElement>("/api/vulnerabilities", TestContext.Current.CancellationToken);
        Assert.Equal(2, Assert.Single(data.GetProperty("sources").EnumerateArray()).GetProperty("records").GetInt32());
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/vulnerabilities/suppliers"))[0].GetProperty("lastSync");
        Assert.Equal((sync.GetProperty("at").GetDateTime(), 3), (listed.GetProperty("at").GetDateTime(), listed.GetProperty("refused").GetArrayLength()));
    }

    [Fact]
    public async Task Only_PSIRT_leads_configure_and_sync_suppliers_and_a_bad_address_or_a_disabled_supplier_is_refused_with_its_code()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        await Api.CreateUserAsync(admin, "hana", "Home-Passw0rd-1", ["PsirtAnalyst"], [unit.Id]);
        using var analyst = app.ClientWithToken(await app.TokenAsync("hana", "Home-Passw0rd-1"));
        using var anonymous = app.CreateClient();

        var byDomain = await OkAsync(admin.PostAsJsonAsync("/api/vulnerabilities/suppliers", new { name = "Hikari Modules", url = "psirt.hikari.example", enabled = false }));

        Assert.Equal("https://psirt.hikari.example/.well-known/csaf/provider-metadata.json", byDomain.GetProperty("metadataUrl").GetString());
        var id = byDomain.GetProperty("id").GetGuid();
        var twice = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/vulnerabilities/suppliers", new { name = "Again", url = "https://psirt.hikari.example/.well-known/csaf/provider-metadata.json" }), HttpStatusCode.Conflict);
        Assert.Equal("Suppliers.AlreadyConfigured", twice.GetProperty("code").GetString());
        var bad = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/vulnerabilities/suppliers", new { name = "Bad", url = "ftp://psirt.example/provider-metadata.json" }), HttpStatusCode.BadRequest);
        Assert.Equal("Suppliers.NotAUrl", bad.GetProperty("code").GetString());
        var disabled = await Api.AssertProblemAsync(await admin.PostAsync($"/api/vulnerabilities/suppliers/{id}/sync", null), HttpStatusCode.Conflict);
        Assert.Equal("Suppliers.Disabled", disabled.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/vulnerabilities/suppliers", new { name = "X", url = "x.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/vulnerabilities/suppliers/{id}/sync", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync($"/api/vulnerabilities/suppliers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/vulnerabilities/suppliers")).StatusCode);
        Assert.Equal("Hikari Modules", Assert.Single((await analyst.GetFromJsonAsync<JsonElement>("/api/vulnerabilities/suppliers")).EnumerateArray()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/vulnerabilities/suppliers/{id}")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/vulnerabilities/suppliers")).EnumerateArray());
    }
}
