using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Metrics;

public class MetricsApiTests
{
    private static async Task<Guid> ReportAsync(HttpClient anonymous, string title)
    {
        var response = await anonymous.PostAsJsonAsync("/api/reports", new { title, description = "Steps to reproduce are in the attachment we will send." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string[] Names(JsonElement metrics, string list) =>
        [.. metrics.GetProperty(list).EnumerateArray().Select(o => o.GetProperty("name").GetString() ?? "(unassigned)")];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Metrics_CoverOnlyTheCasesTheCallerMaySee(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        var router = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        var meter = await Api.CreateProductAsync(admin, infra.Id, "SM-1", "D", "device");
        var routerCase = await ReportAsync(anonymous, "Telnet root password");
        var meterCase = await ReportAsync(anonymous, "Meter reading spoofed");
        await ReportAsync(anonymous, "Not yet triaged");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/cases/{routerCase}/transitions", new { to = "Acknowledged" })).StatusCode);
        await admin.PutAsJsonAsync($"/api/cases/{routerCase}", new { productId = router.Id });
        await admin.PutAsJsonAsync($"/api/cases/{meterCase}", new { productId = meter.Id });
        await Api.CreateUserAsync(admin, "hana", "Home-Passw0rd-1", ["PsirtAnalyst"], [home.Id]);
        using var hana = app.ClientWithToken(await app.TokenAsync("hana", "Home-Passw0rd-1"));

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/metrics/cases");
        Assert.Equal(3, all.GetProperty("cases").GetInt32());
        Assert.Equal(["(unassigned)", "HOME", "INFRA"], Names(all, "openByUnit").Order(StringComparer.Ordinal));
        Assert.Equal(12, all.GetProperty("trend").GetArrayLength());
        Assert.Equal(3, all.GetProperty("trend").EnumerateArray().Last().GetProperty("opened").GetInt32());

        // Another unit's analyst sees neither the other unit's cases nor the unassigned reports.
        var own = await hana.GetFromJsonAsync<JsonElement>("/api/metrics/cases");
        Assert.Equal(1, own.GetProperty("cases").GetInt32());
        Assert.Equal(["HR-300"], Names(own, "openByProduct"));
        Assert.Equal(["HOME"], Names(own, "openByUnit"));
        var acknowledged = own.GetProperty("durations").EnumerateArray().Where(d => d.GetProperty("step").GetString() == "Acknowledge").Sum(d => d.GetProperty("count").GetInt32());
        Assert.Equal(1, acknowledged);
        Assert.DoesNotContain("SM-1", own.ToString(), StringComparison.Ordinal);
        Assert.Equal("Metrics.UnitNotFound", (await Api.AssertProblemAsync(await hana.GetAsync($"/api/metrics/cases?unit={infra.Id}"), HttpStatusCode.NotFound)).GetProperty("code").GetString());

        var narrowed = await admin.GetFromJsonAsync<JsonElement>($"/api/metrics/cases?unit={infra.Id}");
        Assert.Equal(["SM-1"], Names(narrowed, "openByProduct"));
        var empty = await admin.GetFromJsonAsync<JsonElement>("/api/metrics/cases?from=2020-01-01&to=2020-02-01");
        Assert.Equal(0, empty.GetProperty("cases").GetInt32());
        var bad = await Api.AssertProblemAsync(await admin.GetAsync("/api/metrics/cases?from=2026-02-01&to=2026-01-01"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal("Metrics.PeriodReversed", bad.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await anonymous.GetAsync("/api/metrics/cases"), HttpStatusCode.Unauthorized);
    }
}
