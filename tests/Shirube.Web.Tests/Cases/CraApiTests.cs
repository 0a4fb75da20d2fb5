using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Cases;

/// <summary>The CRA Article 14 clocks through the API, on a fake clock that the test moves forward.</summary>
public class CraApiTests
{
    [Fact]
    public async Task ActivelyExploited_OnTheEuMarket_StartsTheClocks_WhichGoDueOverdueAndSubmitted()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, clock: clock);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var router = await Api.CreateProductAsync(admin, unit.Id, "HR-300", "A", "device");
        await admin.PutAsJsonAsync($"/api/products/{router.Id}", new { markets = new[] { "JP", "EU" } });
        var version = await (await admin.PostAsJsonAsync($"/api/products/{router.Id}/versions", new { version = "2.0" })).Content.ReadFromJsonAsync<JsonElement>();
        var report = await (await anonymous.PostAsJsonAsync("/api/reports", new { title = "Telnet root password", description = "Port 23 accepts root / admin; seen exploited by a botnet." })).Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("id").GetGuid();
        await admin.PutAsJsonAsync($"/api/cases/{id}", new { productId = router.Id, affectedVersions = new[] { version.GetProperty("id").GetGuid() }, cwe = "CWE-798", cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" });

        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/cra")).GetProperty("applies").GetBoolean());
        var flagged = await (await admin.PutAsJsonAsync($"/api/cases/{id}/exploited", new { exploited = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(flagged.GetProperty("applies").GetBoolean());
        Assert.Equal("Critical", (await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("responseLevel").GetString());
        var deadlines = flagged.GetProperty("deadlines");
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), deadlines[0].GetProperty("dueAt").GetDateTime());
        Assert.Equal(24.0, deadlines[0].GetProperty("hoursLeft").GetDouble());
        Assert.Equal("Waiting", deadlines[2].GetProperty("status").GetString());

        // 30 hours later: the early warning is overdue, the notification due in 42 hours; the dashboard list says so.
        clock.Advance(TimeSpan.FromHours(30));
        // The test's token lived a day on the fake clock too: sign in again.
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));
        var due = await admin.GetFromJsonAsync<JsonElement>("/api/cra/deadlines");
        Assert.Equal([("EarlyWarning", "Overdue", -6.0), ("Notification", "Due", 42.0)],
            due.EnumerateArray().Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("status").GetString(), d.GetProperty("hoursLeft").GetDouble())));

        // The notification's content comes from the case; sending it stops its clock.
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/cra/Notification");
        Assert.Equal("HR-300", draft.GetProperty("product").GetString());
        Assert.Equal(["2.0"], draft.GetProperty("affectedVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(9.8m, draft.GetProperty("cvssScore").GetDecimal());
        await admin.PostAsync($"/api/cases/{id}/cra/EarlyWarning", null);
        var sent = await (await admin.PostAsync($"/api/cases/{id}/cra/Notification", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Submitted", "Submitted", "Waiting"], sent.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("status").GetString()));
        await Api.AssertProblemAsync(await admin.PostAsync($"/api/cases/{id}/cra/FinalReport", null), HttpStatusCode.Conflict);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/cra/deadlines")).GetArrayLength());

        // Off the EU market, no clock runs.
        await admin.PutAsJsonAsync($"/api/products/{router.Id}", new { markets = new[] { "JP" } });
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/cra")).GetProperty("applies").GetBoolean());
    }
}
