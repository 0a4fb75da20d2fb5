using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Incidents;

/// <summary>Incidents through the API: workflow, timeline, matrix, notifications, statements, CRA clocks, units and roles.</summary>
public class IncidentApiTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 29, 9, 0, 0, TimeSpan.Zero);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<string?> Strings(JsonElement array, string property) => array.EnumerateArray().Select(e => e.GetProperty(property).GetString());

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Incident_IsHandledToClosure_WithTimelineMatrixNotificationsStatementsAndCraClocks(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await ShirubeApp.StartAsync(provider, clock: clock);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var router = await Api.CreateProductAsync(admin, unit.Id, "HR-300", "A", "device");
        await admin.PutAsJsonAsync($"/api/products/{router.Id}", new { markets = new[] { "JP", "EU" } });
        var version = await OkAsync(await admin.PostAsJsonAsync($"/api/products/{router.Id}/versions", new { version = "2.0" }));

        var created = await admin.PostAsJsonAsync("/api/incidents", new
        {
            title = "Routers in a botnet",
            summary = "HR-300 routers are taken over through telnet and used for DDoS attacks.",
            severity = "High",
            detectedAt = Start.UtcDateTime.AddHours(-3),
            becameAwareAt = Start.UtcDateTime,
            productId = router.Id,
            affectedVersions = new[] { version.GetProperty("id").GetGuid() },
            userAction = "Update to firmware 2.0.1 and turn telnet off.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var incident = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = incident.GetProperty("id").GetGuid();
        Assert.Equal("INC-2027-001", incident.GetProperty("number").GetString());
        Assert.Equal("Open", incident.GetProperty("state").GetString());
        Assert.Equal(unit.Id, incident.GetProperty("businessUnitId").GetGuid());
        Assert.Equal(["2.0"], incident.GetProperty("affectedVersionNames").EnumerateArray().Select(v => v.GetString()));
        // The default matrix at High: management within 4 hours, legal and PR within 24, customers, coordinators and suppliers within 72.
        Assert.Equal(["Management", "PublicRelations", "Legal", "Customers", "Coordinators", "Suppliers"], Strings(incident.GetProperty("matrix"), "group"));
        Assert.All(incident.GetProperty("matrix").EnumerateArray(), m => Assert.Equal("Pending", m.GetProperty("status").GetString()));
        Assert.False(incident.GetProperty("cra").GetProperty("applies").GetBoolean());

        // Five hours on: management has not heard — overdue; recording the call makes it late but notified.
        clock.Advance(TimeSpan.FromHours(5));
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));
        var overdue = await admin.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.Equal("Overdue", overdue.GetProperty("matrix")[0].GetProperty("status").GetString());
        var notices = await admin.GetFromJsonAsync<JsonElement>("/api/notices");
        Assert.Contains(notices.EnumerateArray(), n => n.GetProperty("kind").GetString() == "NotificationOverdue" && n.GetProperty("detail").GetString() == "Management");
        var notified = await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/notifications", new { group = "Management", recipient = "CEO office", channel = "Phone", note = "Briefed the CEO." }));
        Assert.Equal("Late", notified.GetProperty("matrix")[0].GetProperty("status").GetString());
        Assert.Equal("CEO office", notified.GetProperty("notifications")[0].GetProperty("recipient").GetString());
        Assert.Equal("admin", notified.GetProperty("notifications")[0].GetProperty("by").GetString());
        var legal = await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/notifications", new { group = "Legal", recipient = "Legal department", channel = "Email" }));
        Assert.Equal("Notified", legal.GetProperty("matrix")[2].GetProperty("status").GetString());
        var press = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/notifications", new { group = "Press", recipient = "x", channel = "Email" }), HttpStatusCode.BadRequest);
        Assert.Equal("Common.UnknownValue", press.GetProperty("code").GetString());
        Assert.True(press.GetProperty("errors").TryGetProperty("group", out _));

        // Severe on a product on the EU market: the CRA clocks run from becoming aware.
        var severe = await OkAsync(await admin.PutAsJsonAsync($"/api/incidents/{id}/severe", new { severe = true }));
        var deadlines = severe.GetProperty("cra").GetProperty("deadlines");
        Assert.True(severe.GetProperty("cra").GetProperty("applies").GetBoolean());
        Assert.Equal(Start.UtcDateTime.AddHours(24), deadlines[0].GetProperty("dueAt").GetDateTime());
        Assert.Equal(19.0, deadlines[0].GetProperty("hoursLeft").GetDouble());
        Assert.Equal(Start.UtcDateTime.AddHours(72), deadlines[1].GetProperty("dueAt").GetDateTime());
        // Until the notification is sent, the final report counts provisionally from the notification's deadline.
        Assert.Equal(new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc), deadlines[2].GetProperty("dueAt").GetDateTime());
        Assert.True(deadlines[2].GetProperty("provisional").GetBoolean());
        var due = await admin.GetFromJsonAsync<JsonElement>("/api/cra/deadlines");
        Assert.Equal([("incident", "EarlyWarning"), ("incident", "Notification"), ("incident", "FinalReport")],
            due.EnumerateArray().Select(d => (d.GetProperty("subject").GetString(), d.GetProperty("kind").GetString())));
        var early = await Api.AssertProblemAsync(await admin.PostAsync($"/api/incidents/{id}/cra/FinalReport", null), HttpStatusCode.Conflict);
        Assert.Equal("Incidents.FinalReportBeforeNotification", early.GetProperty("code").GetString());
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}/cra/Notification");
        Assert.Equal("HR-300", draft.GetProperty("product").GetString());
        Assert.Equal("High", draft.GetProperty("severity").GetString());
        Assert.Equal("Update to firmware 2.0.1 and turn telnet off.", draft.GetProperty("measuresForUsers").GetString());
        await OkAsync(await admin.PostAsync($"/api/incidents/{id}/cra/EarlyWarning", null));
        // Sent on 31 January: the final report is due a calendar month later, on the last day of February.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero));
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));
        var sent = await OkAsync(await admin.PostAsync($"/api/incidents/{id}/cra/Notification", null));
        var final = sent.GetProperty("cra").GetProperty("deadlines")[2];
        Assert.Equal(new DateTime(2027, 2, 28, 12, 0, 0, DateTimeKind.Utc), final.GetProperty("dueAt").GetDateTime());
        Assert.False(final.GetProperty("provisional").GetBoolean());
        Assert.Equal(["Submitted", "Submitted", "Due"], Strings(sent.GetProperty("cra").GetProperty("deadlines"), "status"));

        // Timeline in time order, whatever order it was entered in; containment needs an action, closure a decision — said in Japanese to a Japanese caller.
        var noAction = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Contained" }), HttpStatusCode.Conflict);
        Assert.Equal("Incidents.ContainmentNeedsAction", noAction.GetProperty("code").GetString());
        using (var inJapanese = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/transitions") { Content = JsonContent.Create(new { to = "Contained" }) })
        {
            inJapanese.Headers.AcceptLanguage.ParseAdd("ja");
            var said = await Api.AssertProblemAsync(await admin.SendAsync(inJapanese), HttpStatusCode.Conflict);
            Assert.Contains("タイムライン", said.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var skipped = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Closed" }), HttpStatusCode.Conflict);
        Assert.Equal("Incidents.CannotMove", skipped.GetProperty("code").GetString());
        var unknown = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Done" }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("to", out _));
        await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/timeline", new { at = Start.UtcDateTime.AddHours(2), kind = "Action", text = "Blocked telnet at the cloud relay." }));
        var timeline = await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/timeline", new { at = Start.UtcDateTime.AddHours(-3), kind = "Detection", text = "Traffic spike seen by the NOC." }));
        Assert.Equal(["Detection", "Action"], Strings(timeline.GetProperty("timeline"), "kind"));
        await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Contained" }));
        await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Closed" }), HttpStatusCode.Conflict);
        await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Resolved" }));
        var noDecision = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Closed" }), HttpStatusCode.Conflict);
        Assert.Equal("Incidents.ClosureNeedsDecision", noDecision.GetProperty("code").GetString());
        await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/timeline", new { kind = "Decision", text = "Close: fix shipped, customers informed." }));
        var closed = await OkAsync(await admin.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Closed", reason = "Done." }));
        Assert.Equal(["Open", "Contained", "Resolved", "Closed"], Strings(closed.GetProperty("transitions"), "to"));
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("next").ValueKind);

        // Statements: generated from the incident until saved; saved as drafts; approved by a PSIRT manager.
        var ja = closed.GetProperty("statements")[0];
        Assert.Equal("ja", ja.GetProperty("language").GetString());
        Assert.False(ja.GetProperty("saved").GetBoolean());
        Assert.Contains("HR-300(バージョン 2.0)", ja.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Update to firmware 2.0.1", closed.GetProperty("statements")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var nothing = await Api.AssertProblemAsync(await admin.PostAsync($"/api/incidents/{id}/statements/en/approve", null), HttpStatusCode.Conflict);
        Assert.Equal("Incidents.NoStatementToApprove", nothing.GetProperty("code").GetString());
        var saved = await OkAsync(await admin.PutAsJsonAsync($"/api/incidents/{id}/statements/en", new { text = "Notice: update your HR-300 to 2.0.1." }));
        Assert.Equal(("Notice: update your HR-300 to 2.0.1.", "Draft"), (saved.GetProperty("statements")[1].GetProperty("text").GetString(), saved.GetProperty("statements")[1].GetProperty("status").GetString()));
        var approved = await OkAsync(await admin.PostAsync($"/api/incidents/{id}/statements/en/approve", null));
        Assert.Equal(("Approved", "admin"), (approved.GetProperty("statements")[1].GetProperty("status").GetString(), approved.GetProperty("statements")[1].GetProperty("approvedBy").GetString()));
        var badLanguage = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/incidents/{id}/statements/fr", new { text = "Avis" }), HttpStatusCode.BadRequest);
        Assert.True(badLanguage.GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal("Incidents.UnknownLanguage", badLanguage.GetProperty("code").GetString());

        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/incidents?state=Closed")).EnumerateArray());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/incidents?severity=Low")).EnumerateArray());
    }

    [Theory]
    [InlineData("""{"summary":"Routers are taken over through telnet.","severity":"High"}""", "title", "Common.Required")]
    [InlineData("""{"title":"Botnet","summary":"short","severity":"High"}""", "summary", "Common.Length")]
    [InlineData("""{"title":"Botnet","summary":"Routers are taken over through telnet.","severity":"Huge"}""", "severity", "Common.UnknownValue")]
    [InlineData("""{"title":"Botnet","summary":"Routers are taken over through telnet.","severity":"2"}""", "severity", "Common.UnknownValue")]
    [InlineData("""{"title":"Botnet","summary":"Routers are taken over through telnet."}""", "severity", "Common.Required")]
    [InlineData("""{"title":"Botnet","summary":"Routers are taken over through telnet.","severity":"Low","detectedAt":"2027-01-29T08:00:00Z","becameAwareAt":"2027-01-28T08:00:00Z"}""", "becameAwareAt", "Incidents.AwareBeforeDetected")]
    [InlineData("""{"title":"Botnet","summary":"Routers are taken over through telnet.","severity":"Low","productId":"0199aaaa-0000-7000-8000-000000000000"}""", "productId", "Incidents.ProductNotVisible")]
    [InlineData("""{"title":"Botnet","summary":"Routers are taken over through telnet.","severity":"Low","caseId":"0199aaaa-0000-7000-8000-000000000000"}""", "caseId", "Incidents.CaseNotVisible")]
    public async Task Open_BadInput_Is400NamingTheField_AndNothingIsWritten(string body, string field, string code)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, clock: new FakeTimeProvider(Start));
        using var admin = await app.AdminAsync();
        var problem = await Api.AssertProblemAsync(await admin.PostAsync("/api/incidents", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/incidents")).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task IncidentsOfOneUnit_AreInvisibleToAnother_OnEveryEndpoint_AndReadOnlyForOwnersAndAuditors(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        var router = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        var meter = await Api.CreateProductAsync(admin, infra.Id, "SM-1", "D", "device");
        await Api.CreateUserAsync(admin, "hana", "Home-Passw0rd-1", ["PsirtAnalyst"], [home.Id]);
        await Api.CreateUserAsync(admin, "sora", "Owner-Passw0rd-1", ["ProductOwner"], [home.Id]);
        await Api.CreateUserAsync(admin, "mio", "Audit-Passw0rd-1", ["Auditor"], [home.Id]);
        await Api.CreateUserAsync(admin, "ken", "Infra-Passw0rd-1", ["PsirtAnalyst"], [infra.Id]);
        using var hana = app.ClientWithToken(await app.TokenAsync("hana", "Home-Passw0rd-1"));
        using var sora = app.ClientWithToken(await app.TokenAsync("sora", "Owner-Passw0rd-1"));
        using var mio = app.ClientWithToken(await app.TokenAsync("mio", "Audit-Passw0rd-1"));
        using var ken = app.ClientWithToken(await app.TokenAsync("ken", "Infra-Passw0rd-1"));

        // The unit's analyst opens an incident on their product; one without a product they may not open (they would lose it).
        var incident = await OkAsync(await hana.PostAsJsonAsync("/api/incidents", new { title = "Routers in a botnet", summary = "HR-300 routers are used for DDoS attacks.", severity = "Critical", productId = router.Id }));
        var id = incident.GetProperty("id").GetGuid();
        var noProduct = await Api.AssertProblemAsync(await hana.PostAsJsonAsync("/api/incidents", new { title = "Phishing", summary = "Mails in our name ask for passwords.", severity = "Low" }), HttpStatusCode.BadRequest);
        Assert.True(noProduct.GetProperty("errors").TryGetProperty("productId", out _));
        Assert.Equal("Incidents.ProductNeeded", noProduct.GetProperty("code").GetString());
        var unassigned = (await OkAsync(await admin.PostAsJsonAsync("/api/incidents", new { title = "Phishing", summary = "Mails in our name ask for passwords.", severity = "Low" }))).GetProperty("id").GetGuid();
        Assert.Equal([id], (await hana.GetFromJsonAsync<JsonElement>("/api/incidents")).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal("Incidents.NotFound", (await Api.AssertProblemAsync(await hana.GetAsync($"/api/incidents/{unassigned}"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/incidents")).GetArrayLength());
        await Api.AssertProblemAsync(await hana.PutAsJsonAsync($"/api/incidents/{id}", new { productId = meter.Id }), HttpStatusCode.BadRequest);

        // Product owners and auditors of the unit read it, and change nothing; only managers approve statements or edit the matrix.
        foreach (var reader in new[] { sora, mio })
        {
            Assert.Equal("Routers in a botnet", (await reader.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}")).GetProperty("title").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/incidents/{id}/timeline", new { kind = "Action", text = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/incidents", new { title = "Another", summary = "Something happened here.", severity = "Low", productId = router.Id })).StatusCode);
        }
        await OkAsync(await hana.PutAsJsonAsync($"/api/incidents/{id}/statements/ja", new { text = "お知らせ" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await hana.PostAsync($"/api/incidents/{id}/statements/ja/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hana.PutAsJsonAsync("/api/incidents/matrix", Array.Empty<object>())).StatusCode);

        // Another unit: not found on every endpoint.
        Assert.Equal(0, (await ken.GetFromJsonAsync<JsonElement>("/api/incidents")).GetArrayLength());
        foreach (var response in new[]
        {
            await ken.GetAsync($"/api/incidents/{id}"),
            await ken.PutAsJsonAsync($"/api/incidents/{id}", new { title = "peek" }),
            await ken.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Contained" }),
            await ken.PostAsJsonAsync($"/api/incidents/{id}/timeline", new { kind = "Action", text = "peek" }),
            await ken.PostAsJsonAsync($"/api/incidents/{id}/notifications", new { group = "Legal", recipient = "x", channel = "Email" }),
            await ken.PutAsJsonAsync($"/api/incidents/{id}/statements/ja", new { text = "peek" }),
            await ken.PutAsJsonAsync($"/api/incidents/{id}/severe", new { severe = true }),
            await ken.GetAsync($"/api/incidents/{id}/cra"),
            await ken.GetAsync($"/api/incidents/{id}/cra/Notification"),
            await ken.PostAsync($"/api/incidents/{id}/cra/EarlyWarning", null),
        })
            Assert.Equal("Incidents.NotFound", (await Api.AssertProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString());

        // Without a sign-in: 401 everywhere.
        foreach (var response in new[]
        {
            await anonymous.GetAsync("/api/incidents"),
            await anonymous.PostAsJsonAsync("/api/incidents", new { title = "x" }),
            await anonymous.GetAsync($"/api/incidents/{id}"),
            await anonymous.PutAsJsonAsync($"/api/incidents/{id}", new { title = "x" }),
            await anonymous.PostAsJsonAsync($"/api/incidents/{id}/transitions", new { to = "Contained" }),
            await anonymous.PostAsJsonAsync($"/api/incidents/{id}/timeline", new { kind = "Action", text = "x" }),
            await anonymous.PostAsJsonAsync($"/api/incidents/{id}/notifications", new { group = "Legal" }),
            await anonymous.PutAsJsonAsync($"/api/incidents/{id}/statements/ja", new { text = "x" }),
            await anonymous.PostAsync($"/api/incidents/{id}/statements/ja/approve", null),
            await anonymous.PutAsJsonAsync($"/api/incidents/{id}/severe", new { severe = true }),
            await anonymous.GetAsync($"/api/incidents/{id}/cra"),
            await anonymous.GetAsync($"/api/incidents/{id}/cra/Notification"),
            await anonymous.PostAsync($"/api/incidents/{id}/cra/EarlyWarning", null),
            await anonymous.GetAsync("/api/incidents/matrix"),
            await anonymous.PutAsJsonAsync("/api/incidents/matrix", Array.Empty<object>()),
            await anonymous.GetAsync("/api/notices"),
        })
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Matrix_StartsWithTheDefault_AndManagersReplaceIt()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var matrix = await admin.GetFromJsonAsync<JsonElement>("/api/incidents/matrix");
        Assert.Equal(16, matrix.GetArrayLength());
        Assert.Equal(("Critical", "Management", 1), (matrix[0].GetProperty("severity").GetString(), matrix[0].GetProperty("group").GetString(), matrix[0].GetProperty("targetHours").GetInt32()));

        var replaced = await OkAsync(await admin.PutAsJsonAsync("/api/incidents/matrix", new object[]
        {
            new { severity = "Critical", group = "Management", targetHours = 2 },
            new { severity = "Low", group = "Suppliers", targetHours = 240 },
        }));
        Assert.Equal([("Critical", "Management", 2), ("Low", "Suppliers", 240)],
            replaced.EnumerateArray().Select(r => (r.GetProperty("severity").GetString(), r.GetProperty("group").GetString(), r.GetProperty("targetHours").GetInt32())));
        var bad = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/incidents/matrix", new object[] { new { severity = "Low", group = "Press", targetHours = 2 } }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("rules[0].group", out _));
        Assert.Equal("Common.UnknownValue", bad.GetProperty("code").GetString());
        var hours = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/incidents/matrix", new object[] { new { severity = "Low", group = "Legal", targetHours = 0 } }), HttpStatusCode.BadRequest);
        Assert.Equal("Common.OutOfRange", hours.GetProperty("code").GetString());
        Assert.True(hours.GetProperty("errors").TryGetProperty("rules[0].targetHours", out _));
        var twice = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/incidents/matrix", new object[]
        {
            new { severity = "Low", group = "Legal", targetHours = 2 }, new { severity = "Low", group = "Legal", targetHours = 3 },
        }), HttpStatusCode.BadRequest);
        Assert.True(twice.GetProperty("errors").TryGetProperty("rules[1]", out _));
        Assert.Equal("Incidents.RuleGivenTwice", twice.GetProperty("code").GetString());
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/incidents/matrix")).GetArrayLength());
    }
}
