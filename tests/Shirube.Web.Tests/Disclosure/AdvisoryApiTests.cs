using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Data;
using Shirube.Formats.Disclosure;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Disclosure;

public class AdvisoryApiTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Shirube:Disclosure:PublisherName"] = "Example Devices",
        ["Shirube:Disclosure:Namespace"] = "https://psirt.example.com",
        ["Shirube:Disclosure:PublicUrl"] = "https://psirt.example.com",
        ["Shirube:Disclosure:Prefix"] = "EXD-SA",
    };

    private const string Sbom = """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "metadata":{"component":{"type":"firmware","bom-ref":"fw","name":"hr-300","version":"2.1","purl":"pkg:generic/example/hr-300@2.1"}},
         "components":[{"type":"library","bom-ref":"busybox","name":"busybox","version":"1.36.1","purl":"pkg:generic/busybox@1.36.1"}]}
        """;

    private sealed record Fixture(HttpClient Admin, HttpClient Hana, HttpClient Ken, HttpClient Outsider, Guid CaseId, Guid Affected, Guid Fixed, UnitResponse Unit) : IDisposable
    {
        public void Dispose()
        {
            Admin.Dispose();
            Hana.Dispose();
            Ken.Dispose();
            Outsider.Dispose();
        }
    }

    // A case on HR-300 of the HOME unit, 2.0 affected and 2.1 (with an SBOM) fixed; hana (analyst) and ken (manager) may work
    // on it, taro is an analyst of another unit.
    private static async Task<Fixture> ArrangeAsync(ShirubeApp app, string vector, DateOnly? embargo)
    {
        var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var cars = await Api.CreateUnitAsync(admin, "CARS");
        var product = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        async Task<Guid> VersionAsync(string v) =>
            (await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/versions", new { version = v })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var affected = await VersionAsync("2.0");
        var fixedVersion = await VersionAsync("2.1");
        using (var sbom = new StringContent(Sbom, Encoding.UTF8, "application/json"))
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/versions/{fixedVersion}/sbom?fileName=hr-300-2.1.cdx.json", sbom)).StatusCode);
        await Api.CreateUserAsync(admin, "hana", "Home-Passw0rd-1", ["PsirtAnalyst"], [home.Id]);
        await Api.CreateUserAsync(admin, "ken", "Home-Passw0rd-2", ["PsirtManager"], [home.Id]);
        await Api.CreateUserAsync(admin, "taro", "Cars-Passw0rd-1", ["PsirtAnalyst"], [cars.Id]);
        var report = await (await app.CreateClient().PostAsJsonAsync("/api/reports", new
        {
            title = "Hard-coded telnet password on HR-300",
            description = "Port 23 accepts root / admin on firmware 2.0; any LAN user gets a root shell.",
            product = "HR-300",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = report.GetProperty("id").GetGuid();
        var updated = await admin.PutAsJsonAsync($"/api/cases/{caseId}", new
        {
            productId = product.Id, affectedVersions = new[] { affected }, fixedVersions = new[] { fixedVersion }, cwe = "CWE-798",
            cvssVector = vector, cveId = "CVE-2026-12345", credit = "Taro Yamada", embargoUntil = embargo, remediationPlan = "Remove the account in 2.1.",
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        return new Fixture(admin, app.ClientWithToken(await app.TokenAsync("hana", "Home-Passw0rd-1")), app.ClientWithToken(await app.TokenAsync("ken", "Home-Passw0rd-2")),
            app.ClientWithToken(await app.TokenAsync("taro", "Cars-Passw0rd-1")), caseId, affected, fixedVersion, home);
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object Texts(Guid fixedVersion) => new
    {
        titleJa = "HR-300 における認証回避の脆弱性",
        titleEn = "Authentication bypass in HR-300",
        summaryJa = "HR-300 の telnet サービスに固定パスワードがあります。",
        summaryEn = "The telnet service of HR-300 has a hard-coded password.",
        workaroundJa = "LAN 側の telnet を無効にしてください。",
        workaroundEn = "Disable telnet on the LAN side.",
        impactJa = "LAN 上の第三者が管理者権限を得る可能性があります。",
        impactEn = "Anyone on the LAN may gain administrator rights.",
        cweName = "Use of Hard-coded Credentials",
        fixes = new[] { new { versionId = fixedVersion, url = "https://example.com/support/hr-300", date = "2026-11-30" } },
    };

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Advisory_FromCaseToPublication_IsReviewedBySomeoneElse_AndFreezesAValidDocumentPerLanguage(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings);
        using var f = await ArrangeAsync(app, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);

        var created = await OkAsync(f.Hana.PostAsync($"/api/cases/{f.CaseId}/advisory", null));
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches(@"^EXD-SA-\d{4}-0001$", created.GetProperty("trackingId").GetString());
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal("Taro Yamada", created.GetProperty("acknowledgment").GetString());
        var again = await Api.AssertProblemAsync(await f.Hana.PostAsync($"/api/cases/{f.CaseId}/advisory", null), HttpStatusCode.Conflict);
        Assert.Equal("Advisories.AlreadyExists", again.GetProperty("code").GetString());

        await OkAsync(f.Hana.PutAsJsonAsync($"/api/advisories/{id}", Texts(f.Fixed)));
        foreach (var lang in new[] { "ja", "en" })
        {
            var preview = await OkAsync(f.Hana.GetAsync($"/api/advisories/{id}/preview?lang={lang}"));
            Assert.True(preview.GetProperty("valid").GetBoolean());
            Assert.Empty(preview.GetProperty("warnings").EnumerateArray());
            var csaf = preview.GetProperty("csaf");
            Assert.Equal(lang, csaf.GetProperty("document").GetProperty("lang").GetString());
            Assert.Equal("draft", csaf.GetProperty("document").GetProperty("tracking").GetProperty("status").GetString());
            var vendor = csaf.GetProperty("product_tree").GetProperty("branches")[0];
            Assert.Equal("Example Devices", vendor.GetProperty("name").GetString());
            Assert.Equal(lang == "ja" ? f.Unit.NameJa : f.Unit.NameEn, vendor.GetProperty("branches")[0].GetProperty("name").GetString());
            var versions = vendor.GetProperty("branches")[0].GetProperty("branches")[0].GetProperty("branches");
            Assert.Equal(["2.0", "2.1"], versions.EnumerateArray().Select(v => v.GetProperty("name").GetString()));
            // 2.1 has an SBOM whose subject gives the purl; 2.0 has none and is named in the publisher's namespace.
            Assert.Equal("pkg:generic/example/hr-300@2.1", versions[1].GetProperty("product").GetProperty("product_identification_helper").GetProperty("purl").GetString());
            Assert.Equal($"urn:uuid:{f.Affected}", versions[0].GetProperty("product").GetProperty("product_identification_helper").GetProperty("x_generic_uris")[0].GetProperty("uri").GetString());
        }

        await OkAsync(f.Hana.PostAsync($"/api/advisories/{id}/submit", null));
        var self = await Api.AssertProblemAsync(await f.Hana.PostAsync($"/api/advisories/{id}/approve", null), HttpStatusCode.Conflict);
        Assert.Equal("Advisories.SameReviewer", self.GetProperty("code").GetString());
        var early = await Api.AssertProblemAsync(await f.Ken.PostAsJsonAsync($"/api/advisories/{id}/publish", new { release = "final" }), HttpStatusCode.Conflict);
        Assert.Equal("Advisories.WrongStatus", early.GetProperty("code").GetString());
        var approved = await OkAsync(f.Ken.PostAsync($"/api/advisories/{id}/approve", null));
        Assert.Equal(("Approved", "ken"), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedBy").GetString()));
        var published = await OkAsync(f.Ken.PostAsJsonAsync($"/api/advisories/{id}/publish", new { release = "final" }));
        Assert.Equal("Published", published.GetProperty("status").GetString());

        var revisions = await OkAsync(f.Hana.GetAsync($"/api/advisories/{id}/revisions"));
        Assert.Equal((1, "Final", "ken", "Initial release"), (revisions[0].GetProperty("number").GetInt32(), revisions[0].GetProperty("release").GetString(),
            revisions[0].GetProperty("approvedBy").GetString(), revisions[0].GetProperty("summaryEn").GetString()));
        foreach (var lang in new[] { "ja", "en" })
        {
            var text = await f.Hana.GetStringAsync($"/api/advisories/{id}/revisions/1/csaf?lang={lang}");
            var report = CsafValidator.Validate(Encoding.UTF8.GetBytes(text), "advisory.json");
            Assert.Empty(report.Errors.Concat(report.Warnings).Select(r => $"{r.Test} {r.Path}"));
            var document = JsonNode.Parse(text)!["document"]!;
            Assert.Equal(("final", "1", lang), ((string?)document["tracking"]!["status"], (string?)document["tracking"]!["version"], (string?)document["lang"]));
        }

        // Editing the published advisory starts revision 2 as a draft; its summary must be written before review.
        var edited = await OkAsync(f.Hana.PutAsJsonAsync($"/api/advisories/{id}", new { detailsEn = "Only the LAN side is exposed." }));
        Assert.Equal(("Draft", 2), (edited.GetProperty("status").GetString(), edited.GetProperty("nextRevision").GetInt32()));
        var incomplete = await Api.AssertProblemAsync(await f.Hana.PostAsync($"/api/advisories/{id}/submit", null), HttpStatusCode.BadRequest);
        Assert.Equal("Advisories.Incomplete", incomplete.GetProperty("code").GetString());
        await OkAsync(f.Hana.PutAsJsonAsync($"/api/advisories/{id}", new { revisionSummaryJa = "詳細を追記", revisionSummaryEn = "Details added" }));
        await OkAsync(f.Hana.PostAsync($"/api/advisories/{id}/submit", null));
        await OkAsync(f.Ken.PostAsync($"/api/advisories/{id}/approve", null));
        await OkAsync(f.Ken.PostAsJsonAsync($"/api/advisories/{id}/publish", new { release = "interim" }));
        var second = JsonNode.Parse(await f.Hana.GetStringAsync($"/api/advisories/{id}/revisions/2/csaf?lang=en"))!["document"]!["tracking"]!;
        Assert.Equal(["1", "2"], second["revision_history"]!.AsArray().Select(r => (string?)r!["number"]));
        Assert.Equal("interim", (string?)second["status"]);
        // Revision 1 is kept as it was published.
        Assert.Equal("1", (string?)JsonNode.Parse(await f.Hana.GetStringAsync($"/api/advisories/{id}/revisions/1/csaf?lang=en"))!["document"]!["tracking"]!["version"]);

        var audit = await OkAsync(f.Admin.GetAsync("/api/audit?entityType=Advisory"));
        Assert.Contains("Advisory", audit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Advisory_OfAnotherUnitOrAnonymous_IsNeitherVisibleNorChangeable(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings);
        using var f = await ArrangeAsync(app, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);
        var id = (await OkAsync(f.Hana.PostAsync($"/api/cases/{f.CaseId}/advisory", null))).GetProperty("id").GetGuid();
        using var anonymous = app.CreateClient();

        Assert.Empty((await OkAsync(f.Outsider.GetAsync("/api/advisories"))).EnumerateArray());
        foreach (var path in new[] { $"/api/advisories/{id}", $"/api/advisories/{id}/preview?lang=ja", $"/api/cases/{f.CaseId}/advisory", $"/api/advisories/{id}/revisions" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await f.Outsider.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await f.Outsider.PutAsJsonAsync($"/api/advisories/{id}", new { titleEn = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Outsider.PostAsync($"/api/cases/{f.CaseId}/advisory", null)).StatusCode);
        Assert.Single((await OkAsync(f.Ken.GetAsync("/api/advisories"))).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Publish_DuringTheEmbargo_IsRefusedUntilItEnds(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings);
        using var f = await ArrangeAsync(app, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var id = (await OkAsync(f.Hana.PostAsync($"/api/cases/{f.CaseId}/advisory", null))).GetProperty("id").GetGuid();
        await OkAsync(f.Hana.PutAsJsonAsync($"/api/advisories/{id}", Texts(f.Fixed)));
        await OkAsync(f.Hana.PostAsync($"/api/advisories/{id}/submit", null));
        await OkAsync(f.Ken.PostAsync($"/api/advisories/{id}/approve", null));

        var refused = await Api.AssertProblemAsync(await f.Ken.PostAsJsonAsync($"/api/advisories/{id}/publish", new { release = "final" }), HttpStatusCode.Conflict);
        Assert.Equal("Advisories.Embargoed", refused.GetProperty("code").GetString());
        Assert.Empty((await OkAsync(f.Ken.GetAsync($"/api/advisories/{id}/revisions"))).EnumerateArray());

        await OkAsync(f.Ken.PutAsJsonAsync($"/api/cases/{f.CaseId}", new { embargoUntil = DateOnly.FromDateTime(DateTime.UtcNow) }));
        Assert.Equal("Published", (await OkAsync(f.Ken.PostAsJsonAsync($"/api/advisories/{id}/publish", new { release = "final" }))).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Preview_CaseScoredInV40_WarnsOfTheMissingScoreUntilAV31VectorIsGiven(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings);
        using var f = await ArrangeAsync(app, "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", null);
        var id = (await OkAsync(f.Hana.PostAsync($"/api/cases/{f.CaseId}/advisory", null))).GetProperty("id").GetGuid();
        await OkAsync(f.Hana.PutAsJsonAsync($"/api/advisories/{id}", Texts(f.Fixed)));

        var before = await OkAsync(f.Hana.GetAsync($"/api/advisories/{id}/preview?lang=en"));
        Assert.Equal(["6.2.3"], before.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("test").GetString()));
        Assert.Contains("CVSS:4.0/AV:A", before.GetProperty("csaf").GetProperty("vulnerabilities")[0].GetProperty("notes").ToString(), StringComparison.Ordinal);
        var wrong = await Api.AssertProblemAsync(await f.Hana.PutAsJsonAsync($"/api/advisories/{id}", new { cvss31Vector = "CVSS:4.0/AV:N" }), HttpStatusCode.BadRequest);
        Assert.Equal("Advisories.NotACvss31Vector", wrong.GetProperty("code").GetString());

        await OkAsync(f.Hana.PutAsJsonAsync($"/api/advisories/{id}", new { cvss31Vector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }));
        var after = await OkAsync(f.Hana.GetAsync($"/api/advisories/{id}/preview?lang=ja"));
        Assert.Empty(after.GetProperty("warnings").EnumerateArray());
        Assert.Equal(8.8m, after.GetProperty("csaf").GetProperty("vulnerabilities")[0].GetProperty("scores")[0].GetProperty("cvss_v3").GetProperty("baseScore").GetDecimal());
    }
}
