using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Notices;

/// <summary>The notice centre: computed per user from what they may see.</summary>
public class NoticeApiTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Notices_NameSupportEndingAndEndedAndCraReportsDue_OnlyForProductsTheUserMaySee(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await ShirubeApp.StartAsync(provider, clock: clock, settings: new Dictionary<string, string> { ["Shirube:Notices:SupportWarningDays"] = "60" });
        using var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        var router = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        var meter = await Api.CreateProductAsync(admin, infra.Id, "SM-1", "D", "device");
        await admin.PostAsJsonAsync($"/api/products/{router.Id}/versions", new { version = "1.0", releaseDate = "2024-01-01", endOfSupport = "2027-04-15" });
        await admin.PostAsJsonAsync($"/api/products/{router.Id}/versions", new { version = "2.0", releaseDate = "2025-01-01", endOfSupport = "2030-09-30" });
        await admin.PostAsJsonAsync($"/api/products/{meter.Id}/versions", new { version = "0.9", releaseDate = "2020-01-01", endOfSupport = "2026-12-31" });
        await admin.PutAsJsonAsync($"/api/products/{meter.Id}", new { markets = new[] { "EU" } });
        var incident = await (await admin.PostAsJsonAsync("/api/incidents", new { title = "Meter readings altered", summary = "Readings of SM-1 meters were changed remotely.", severity = "Low", productId = meter.Id })).Content.ReadFromJsonAsync<JsonElement>();
        await admin.PutAsJsonAsync($"/api/incidents/{incident.GetProperty("id").GetGuid()}/severe", new { severe = true });
        clock.Advance(TimeSpan.FromHours(13));
        await Api.CreateUserAsync(admin, "hana", "Home-Passw0rd-1", ["ProductOwner"], [home.Id]);
        await Api.CreateUserAsync(admin, "ken", "Infra-Passw0rd-1", ["PsirtAnalyst"], [infra.Id]);
        using var hana = app.ClientWithToken(await app.TokenAsync("hana", "Home-Passw0rd-1"));
        using var ken = app.ClientWithToken(await app.TokenAsync("ken", "Infra-Passw0rd-1"));

        // HR-300 1.0 ends within 60 days; 2.0 is far off. HOME sees nothing of SM-1.
        var homeNotices = await hana.GetFromJsonAsync<JsonElement>("/api/notices");
        Assert.Equal([("SupportEnding", "1.0", "HR-300")], homeNotices.EnumerateArray().Select(n => (n.GetProperty("kind").GetString(), n.GetProperty("subject").GetString(), n.GetProperty("title").GetString())));
        // INFRA: the early warning due within 12 hours (11 h left), SM-1 0.9 past its end; nothing of HR-300.
        var infraNotices = (await ken.GetFromJsonAsync<JsonElement>("/api/notices")).EnumerateArray()
            .Select(n => (n.GetProperty("kind").GetString(), n.GetProperty("level").GetString(), n.GetProperty("detail").GetString() ?? n.GetProperty("subject").GetString())).ToList();
        // (At Low, management hears within 72 hours: not yet overdue.) Past deadlines come first.
        Assert.Equal([("SupportEnded", "error", "0.9"), ("CraReport", "warning", "EarlyWarning")], infraNotices);
        Assert.DoesNotContain("HR-300", (await ken.GetStringAsync("/api/notices")), StringComparison.Ordinal);
    }
}
