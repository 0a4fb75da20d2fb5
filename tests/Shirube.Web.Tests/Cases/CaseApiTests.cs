using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Cases;

public class CaseApiTests
{
    private static async Task<(Guid Id, string Token)> ReportAsync(HttpClient anonymous, string title = "Hard-coded telnet password on HR-300")
    {
        var response = await anonymous.PostAsJsonAsync("/api/reports", new
        {
            title,
            description = "Port 23 accepts root / admin on firmware 2.0; any LAN user gets a root shell.",
            product = "HR-300",
            reporterEmail = "finder@example.org",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetGuid(), created.GetProperty("trackingToken").GetString()!);
    }

    private static async Task<JsonElement> MoveAsync(HttpClient client, Guid id, string to, string? reason = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{id}/transitions", new { to, reason });
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Report_GoesThroughEveryStateToClosure_AndTheReporterSeesOnlyTheirReportAndSharedMessages(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var (id, token) = await ReportAsync(anonymous);
        var (_, otherToken) = await ReportAsync(anonymous, "XSS in the camera's web UI");

        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var router = await Api.CreateProductAsync(admin, unit.Id, "HR-300", "A", "device");
        var version = await (await admin.PostAsJsonAsync($"/api/products/{router.Id}/versions", new { version = "2.0" })).Content.ReadFromJsonAsync<JsonElement>();

        var started = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("Received", started.GetProperty("state").GetString());
        Assert.StartsWith("PSIRT-", started.GetProperty("number").GetString(), StringComparison.Ordinal);

        await MoveAsync(admin, id, "Acknowledged");
        await admin.PostAsJsonAsync($"/api/cases/{id}/comments", new { text = "Thank you, we are looking into it.", shared = true });
        await admin.PostAsJsonAsync($"/api/cases/{id}/comments", new { text = "Looks like the factory debug account.", shared = false });
        await MoveAsync(admin, id, "Triage");
        // Analysis needs the product: refused until it is assigned.
        var refused = await MoveAsync(admin, id, "Analysis", expected: HttpStatusCode.Conflict);
        Assert.Equal("Cases.ProductRequired", refused.GetProperty("code").GetString());
        var assigned = await admin.PutAsJsonAsync($"/api/cases/{id}", new { productId = router.Id, affectedVersions = new[] { version.GetProperty("id").GetGuid() } });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await MoveAsync(admin, id, "Analysis");
        await MoveAsync(admin, id, "Remediation", expected: HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/cases/{id}", new { cwe = "CWE-798", rootCause = "Debug account left in the release build.", cvssVector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" })).StatusCode);
        var scored = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(8.8m, scored.GetProperty("cvssScore").GetDecimal());
        Assert.Equal("High", scored.GetProperty("cvssSeverity").GetString());
        // The response level follows the score; its SLA targets count from the report.
        Assert.Equal("High", scored.GetProperty("responseLevel").GetString());
        var sla = scored.GetProperty("sla").EnumerateArray().ToList();
        Assert.Equal(["Acknowledge", "Triage", "Fix"], sla.Select(t => t.GetProperty("step").GetString()));
        Assert.Equal(["Met", "Met", "Open"], sla.Select(t => t.GetProperty("status").GetString()));
        var badVector = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/cases/{id}", new { cvssVector = "CVSS:3.1/AV:Q" }), HttpStatusCode.BadRequest);
        Assert.Equal("Cases.NotACvssVector", badVector.GetProperty("code").GetString());
        // English users get the parser's account; a Japanese one gets no English.
        Assert.Contains("AV", badVector.GetProperty("errors").GetProperty("cvssVector")[0].GetString(), StringComparison.Ordinal);
        using (var bad = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{id}") { Content = JsonContent.Create(new { cvssVector = "CVSS:3.1/AV:Q" }) })
        {
            bad.Headers.AcceptLanguage.ParseAdd("ja");
            var ja = await Api.AssertProblemAsync(await admin.SendAsync(bad), HttpStatusCode.BadRequest);
            Assert.StartsWith("CVSS ベクトルとして読み取れません", ja.GetProperty("errors").GetProperty("cvssVector")[0].GetString(), StringComparison.Ordinal);
        }
        await MoveAsync(admin, id, "Remediation");
        await MoveAsync(admin, id, "Release", expected: HttpStatusCode.Conflict);
        await admin.PutAsJsonAsync($"/api/cases/{id}", new { remediationPlan = "2.0.1 removes the account; workaround: disable telnet.", plannedRelease = "2026-12-15", embargoUntil = "2026-12-20", credit = "A. Finder" });
        await MoveAsync(admin, id, "Release");
        await MoveAsync(admin, id, "Disclosure");
        // Skipping is refused: a closed case cannot be reopened, disclosure cannot go back.
        Assert.Equal("Cases.CannotMove", (await MoveAsync(admin, id, "Triage", expected: HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var closed = await MoveAsync(admin, id, "Closed");
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(["Received", "Acknowledged", "Triage", "Analysis", "Remediation", "Release", "Disclosure", "Closed"],
            closed.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()));
        Assert.All(closed.GetProperty("transitions").EnumerateArray().Skip(1), t => Assert.Equal("admin", t.GetProperty("by").GetString()));
        Assert.Equal(unit.Id, closed.GetProperty("businessUnitId").GetGuid());

        // The reporter's link: their report, its state, shared messages only.
        var track = await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{token}");
        Assert.Equal("Closed", track.GetProperty("state").GetString());
        Assert.Equal("Hard-coded telnet password on HR-300", track.GetProperty("title").GetString());
        var messages = track.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Thank you, we are looking into it."], messages);
        Assert.DoesNotContain("debug account", track.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("finder@example.org", track.ToString(), StringComparison.Ordinal);
        Assert.Equal("XSS in the camera's web UI", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{otherToken}")).GetProperty("title").GetString());
        var unknown = await Api.AssertProblemAsync(await anonymous.GetAsync("/api/reports/track/not-a-token"), HttpStatusCode.NotFound);
        Assert.Equal("Cases.TrackingNotFound", unknown.GetProperty("code").GetString());

        // The reporter writes back; the PSIRT sees it.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync($"/api/reports/track/{token}/messages", new { text = "Thanks! Credit as A. Finder please." })).StatusCode);
        var comments = (await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("comments").EnumerateArray().ToList();
        Assert.True(comments.Single(c => c.GetProperty("fromReporter").GetBoolean()).GetProperty("shared").GetBoolean());
    }

    [Fact]
    public async Task RejectedAndDuplicate_EndWithAReason()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var (first, _) = await ReportAsync(anonymous);
        var (second, _) = await ReportAsync(anonymous);
        Assert.Equal("Cases.ReasonRequired", (await MoveAsync(admin, first, "Rejected", expected: HttpStatusCode.Conflict)).GetProperty("code").GetString());
        // Said in Japanese to a Japanese client, with the state in Japanese too.
        using (var ja = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{first}/transitions") { Content = JsonContent.Create(new { to = "Rejected" }) })
        {
            ja.Headers.AcceptLanguage.ParseAdd("ja");
            var problem = await Api.AssertProblemAsync(await admin.SendAsync(ja), HttpStatusCode.Conflict);
            Assert.Equal("「却下」にするには理由（3 文字以上）を書いてください。", problem.GetProperty("detail").GetString());
        }
        var rejected = await MoveAsync(admin, first, "Rejected", "Works as designed: telnet is off by default.");
        Assert.Equal("Works as designed: telnet is off by default.", rejected.GetProperty("resolution").GetString());
        Assert.Empty(rejected.GetProperty("next").EnumerateArray());
        await MoveAsync(admin, second, "Acknowledged");
        var duplicate = await MoveAsync(admin, second, "Duplicate", "Same as the first report.");
        Assert.Equal("Duplicate", duplicate.GetProperty("state").GetString());
        var sideways = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/cases/{second}/transitions", new { to = "Sideways" }), HttpStatusCode.BadRequest);
        Assert.Equal("Cases.UnknownState", sideways.GetProperty("code").GetString());
        Assert.True(sideways.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CasesOfOneUnit_AreInvisibleToAnother_OnEveryCaseEndpoint(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        var router = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        var meter = await Api.CreateProductAsync(admin, infra.Id, "SM-1", "D", "device");
        var (id, _) = await ReportAsync(anonymous);
        var (unassigned, _) = await ReportAsync(anonymous, "Unassigned report");
        await admin.PutAsJsonAsync($"/api/cases/{id}", new { productId = router.Id });
        await Api.CreateUserAsync(admin, "hana", "Home-Passw0rd-1", ["PsirtAnalyst"], [home.Id]);
        await Api.CreateUserAsync(admin, "ken", "Infra-Passw0rd-1", ["PsirtAnalyst"], [infra.Id]);
        using var hana = app.ClientWithToken(await app.TokenAsync("hana", "Home-Passw0rd-1"));
        using var ken = app.ClientWithToken(await app.TokenAsync("ken", "Infra-Passw0rd-1"));

        // The unit's analyst sees and works the case; a new, unassigned report only the PSIRT managers see.
        Assert.Equal([id], (await hana.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await hana.PostAsJsonAsync($"/api/cases/{id}/transitions", new { to = "Acknowledged" })).StatusCode);
        await Api.AssertProblemAsync(await hana.GetAsync($"/api/cases/{unassigned}"), HttpStatusCode.NotFound);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength());

        // Another unit: not found on every endpoint, and it cannot pull the case to its own product.
        Assert.Equal(0, (await ken.GetFromJsonAsync<JsonElement>("/api/cases")).GetArrayLength());
        Assert.Equal("Cases.NotFound", (await Api.AssertProblemAsync(await ken.GetAsync($"/api/cases/{id}"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await Api.AssertProblemAsync(await ken.PutAsJsonAsync($"/api/cases/{id}", new { productId = meter.Id }), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await ken.PostAsJsonAsync($"/api/cases/{id}/transitions", new { to = "Triage" }), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await ken.PostAsJsonAsync($"/api/cases/{id}/comments", new { text = "peek" }), HttpStatusCode.NotFound);
        // Nor can the home analyst move a case to a product of a unit they do not belong to.
        var elsewhere = await Api.AssertProblemAsync(await hana.PutAsJsonAsync($"/api/cases/{id}", new { productId = meter.Id }), HttpStatusCode.BadRequest);
        Assert.Equal("Cases.NoSuchProduct", elsewhere.GetProperty("code").GetString());
        Assert.True(elsewhere.GetProperty("errors").TryGetProperty("productId", out _));

        // Without a sign-in: 401 on every case endpoint.
        foreach (var response in new[]
        {
            await anonymous.GetAsync("/api/cases"),
            await anonymous.GetAsync($"/api/cases/{id}"),
            await anonymous.PutAsJsonAsync($"/api/cases/{id}", new { cwe = "CWE-1" }),
            await anonymous.PostAsJsonAsync($"/api/cases/{id}/transitions", new { to = "Triage" }),
            await anonymous.PostAsJsonAsync($"/api/cases/{id}/comments", new { text = "x" }),
        })
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"title":"x","description":"Port 23 accepts root / admin."}""", "title", "Common.Length")]
    [InlineData("""{"title":"Telnet","description":"short"}""", "description", "Common.Length")]
    [InlineData("""{"title":"Telnet root","description":"Port 23 accepts root / admin.","reporterEmail":"not-an-address"}""", "reporterEmail", "Cases.NotAnEmail")]
    [InlineData("""not json""", "body", "Cases.ReportNotJson")]
    public async Task Report_BadInput_Is400NamingTheField(string body, string field, string code)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsync("/api/reports", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Report_Oversized_Is413_AndTooMany_Are429()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string> { ["Shirube:Intake:ReportsPerHour"] = "2" });
        using var anonymous = app.CreateClient();
        var huge = JsonSerializer.Serialize(new { title = "Big", description = new string('x', 70_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await anonymous.PostAsync("/api/reports", new StringContent(huge, Encoding.UTF8, "application/json"))).StatusCode);
        await ReportAsync(anonymous);
        await ReportAsync(anonymous);
        var third = await anonymous.PostAsJsonAsync("/api/reports", new { title = "Third report", description = "Port 23 accepts root / admin." });
        await Api.AssertProblemAsync(third, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SecurityTxt_FollowsRfc9116_FromSettings()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
        {
            ["Shirube:SecurityTxt:Contact:0"] = "mailto:psirt@example.co.jp",
            ["Shirube:SecurityTxt:Contact:1"] = "https://example.co.jp/psirt/report",
            ["Shirube:SecurityTxt:Expires"] = "2027-06-30T00:00:00Z",
            ["Shirube:SecurityTxt:Encryption"] = "https://example.co.jp/psirt/pgp.asc",
            ["Shirube:SecurityTxt:Acknowledgments"] = "https://example.co.jp/psirt/thanks",
            ["Shirube:SecurityTxt:Policy"] = "https://example.co.jp/psirt/policy",
        });
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/.well-known/security.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Contact: mailto:psirt@example.co.jp", "Contact: https://example.co.jp/psirt/report"], lines.Where(l => l.StartsWith("Contact:", StringComparison.Ordinal)));
        Assert.Contains("Expires: 2027-06-30T00:00:00Z", lines);
        Assert.Contains("Encryption: https://example.co.jp/psirt/pgp.asc", lines);
        Assert.Contains("Acknowledgments: https://example.co.jp/psirt/thanks", lines);
        Assert.Contains("Policy: https://example.co.jp/psirt/policy", lines);
        Assert.Contains("Preferred-Languages: ja, en", lines);
        Assert.Single(lines, l => l.StartsWith("Canonical: http", StringComparison.Ordinal) && l.EndsWith("/.well-known/security.txt", StringComparison.Ordinal));
    }
}

public class CaseAuditScopeTests
{
    [Fact]
    public async Task AuditLog_ShowsAnAuditorOnlyTheCasesOfTheirUnit_AndNoUnassignedReport()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        var router = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        var assigned = (await (await anonymous.PostAsJsonAsync("/api/reports", new { title = "Telnet root password", description = "Port 23 accepts root / admin." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await anonymous.PostAsJsonAsync("/api/reports", new { title = "Unassigned secret finding", description = "Still unpublished and unassigned." });
        await admin.PutAsJsonAsync($"/api/cases/{assigned}", new { productId = router.Id });
        await admin.PostAsJsonAsync($"/api/cases/{assigned}/comments", new { text = "internal analysis note", shared = false });
        await Api.CreateUserAsync(admin, "mio", "Audit-Passw0rd-1", ["Auditor"], [home.Id]);
        await Api.CreateUserAsync(admin, "ren", "Audit-Passw0rd-2", ["Auditor"], [infra.Id]);
        using var mio = app.ClientWithToken(await app.TokenAsync("mio", "Audit-Passw0rd-1"));
        using var ren = app.ClientWithToken(await app.TokenAsync("ren", "Audit-Passw0rd-2"));

        var homeLog = (await mio.GetFromJsonAsync<JsonElement>("/api/audit?entityType=VulnerabilityCase&pageSize=100")).GetRawText();
        Assert.Contains("HR-300", await mio.GetStringAsync("/api/audit?entityType=Product&pageSize=100"), StringComparison.Ordinal);
        Assert.Contains("Telnet root password", homeLog, StringComparison.Ordinal);
        Assert.DoesNotContain("Unassigned secret finding", homeLog, StringComparison.Ordinal);
        // Comments have no unit of their own: only those who see every unit read them in the log.
        Assert.DoesNotContain("internal analysis note", await mio.GetStringAsync("/api/audit?entityType=CaseComment&pageSize=100"), StringComparison.Ordinal);
        var infraLog = await ren.GetStringAsync("/api/audit?pageSize=200");
        Assert.DoesNotContain("Telnet root password", infraLog, StringComparison.Ordinal);
        Assert.DoesNotContain("Unassigned secret finding", infraLog, StringComparison.Ordinal);
        Assert.Contains("Unassigned secret finding", await admin.GetStringAsync("/api/audit?entityType=VulnerabilityCase&pageSize=100"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Reports_FiledAtTheSameTime_EachGetTheirOwnNumber(DatabaseProvider provider)
    {
        // Numbers count per year of the clock, not of the machine running the test.
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await ShirubeApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Shirube:Intake:ReportsPerHour"] = "100" }, clock: clock);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();

        var created = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => anonymous.PostAsJsonAsync("/api/reports",
            new { title = $"Report {i}", description = "Filed together with eleven others." })));

        Assert.All(created, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = (await admin.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray().Select(c => c.GetProperty("number").GetString()).ToList();
        Assert.Equal(12, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"PSIRT-2031-{n:0000}").Order(), numbers.Order());
    }
}
