using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Baselines;

public class BaselineTailoringTests
{
    private static async Task<(ShirubeApp App, HttpClient Admin, ProductResponse Product)> ProductWithGuidelinesAsync(DatabaseProvider provider, int riskClass)
    {
        var app = await ShirubeApp.StartAsync(provider);
        var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device", "gateway", "management");
        await admin.PutAsJsonAsync($"/api/products/{product.Id}", new { sector = "consumer", markets = new[] { "UK" }, riskClass });
        await admin.PutAsJsonAsync($"/api/products/{product.Id}/guidelines", new { guidelines = new[] { "etsi-en-303-645", "uk-psti" } });
        return (app, admin, product);
    }

    private static JsonElement Item(JsonElement baseline, string key) =>
        baseline.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Tailor_TakesEveryRequirementAtItsDefaultLevel_AndKeepsChanges(DatabaseProvider provider)
    {
        var (app, admin, product) = await ProductWithGuidelinesAsync(provider, riskClass: 2);
        await using var appScope = app;
        using var adminScope = admin;

        var created = await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "HR-300 baseline" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var baseline = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = baseline.GetProperty("id").GetString();

        Assert.Equal(67 + 3, baseline.GetProperty("items").GetArrayLength());
        Assert.Equal("Must", Item(baseline, "etsi-en-303-645/5.1-1").GetProperty("level").GetString());
        Assert.Equal("Should", Item(baseline, "etsi-en-303-645/5.2-2").GetProperty("level").GetString());
        Assert.Equal("Must", Item(baseline, "uk-psti/Sch1-3").GetProperty("level").GetString());

        // Tailoring: a level changed, an exclusion with its reason, one of our own, a rewording; then publish.
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/baselines/{id}/items", new { key = "etsi-en-303-645/5.2-2", level = "Better" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/baselines/{id}/items", new { key = "etsi-en-303-645/5.9-1", excludeReason = "Mains powered; outages are handled by the ISP." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/baselines/{id}/own", new { titleEn = "Firmware signed by the HSM", titleJa = "ファームウェアは HSM で署名する", level = "Must" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/baselines/{id}/publish", null)).StatusCode);

        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}");
        Assert.Equal("Better", Item(stored, "etsi-en-303-645/5.2-2").GetProperty("level").GetString());
        var excluded = Item(stored, "etsi-en-303-645/5.9-1");
        Assert.True(excluded.GetProperty("excluded").GetBoolean());
        Assert.Equal("Mains powered; outages are handled by the ISP.", excluded.GetProperty("exclusionReason").GetString());
        var own = Item(stored, "own/OWN-1");
        Assert.Equal("ファームウェアは HSM で署名する", own.GetProperty("title").GetProperty("ja").GetString());
        Assert.Equal(1, stored.GetProperty("publishedVersion").GetInt32());
        var counts = stored.GetProperty("counts");
        Assert.Equal(stored.GetProperty("items").GetArrayLength() - stored.GetProperty("excluded").GetInt32(),
            counts.GetProperty("Must").GetInt32() + counts.GetProperty("Should").GetInt32() + counts.GetProperty("Better").GetInt32());
    }

    [Fact]
    public async Task Tailor_ForAHighRiskProduct_RaisesShouldToMust()
    {
        var (app, admin, product) = await ProductWithGuidelinesAsync(DatabaseProvider.Sqlite, riskClass: 3);
        await using var appScope = app;
        using var adminScope = admin;
        var baseline = await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "b" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Must", Item(baseline, "etsi-en-303-645/5.2-2").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Exclusion_WithoutAReason_IsRefused()
    {
        var (app, admin, product) = await ProductWithGuidelinesAsync(DatabaseProvider.Sqlite, riskClass: 2);
        await using var appScope = app;
        using var adminScope = admin;
        var baseline = await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "b" })).Content.ReadFromJsonAsync<JsonElement>();
        var response = await admin.PatchAsJsonAsync($"/api/baselines/{baseline.GetProperty("id").GetString()}/items", new { key = "uk-psti/Sch1-1", excludeReason = "" });
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Common.Required", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Baselines_AreScopedToTheProductsBusinessUnit()
    {
        var (app, admin, product) = await ProductWithGuidelinesAsync(DatabaseProvider.Sqlite, riskClass: 2);
        await using var appScope = app;
        using var adminScope = admin;
        var baseline = await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "b" })).Content.ReadFromJsonAsync<JsonElement>();
        var other = await Api.CreateUnitAsync(admin, "INFRA");
        await Api.CreateUserAsync(admin, "ken", "Infra-Passw0rd-1", ["PsirtAnalyst"], [other.Id]);
        using var ken = app.ClientWithToken(await app.TokenAsync("ken", "Infra-Passw0rd-1"));
        var hidden = await Api.AssertProblemAsync(await ken.GetAsync($"/api/baselines/{baseline.GetProperty("id").GetString()}"), HttpStatusCode.NotFound);
        Assert.Equal("Baselines.NotFound", hidden.GetProperty("code").GetString());
        Assert.Equal(0, (await ken.GetFromJsonAsync<JsonElement>("/api/baselines")).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Diff_BetweenPublishedVersions_ShowsWhatChanged(DatabaseProvider provider)
    {
        var (app, admin, product) = await ProductWithGuidelinesAsync(provider, riskClass: 2);
        await using var appScope = app;
        using var adminScope = admin;
        var baseline = await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "b" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = baseline.GetProperty("id").GetString();
        await admin.PostAsync($"/api/baselines/{id}/publish", null);
        await admin.PatchAsJsonAsync($"/api/baselines/{id}/items", new { key = "etsi-en-303-645/5.2-2", level = "Better" });
        await admin.PatchAsJsonAsync($"/api/baselines/{id}/items", new { key = "etsi-en-303-645/5.9-1", excludeReason = "Mains powered." });
        await admin.PostAsJsonAsync($"/api/baselines/{id}/own", new { titleEn = "Own rule", titleJa = "独自ルール", level = "Must" });

        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}/diff?from=1");
        Assert.Equal(3, draft.GetProperty("changes").GetArrayLength());

        await admin.PostAsync($"/api/baselines/{id}/publish", null);
        var diff = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}/diff?from=1&to=2");
        var changes = diff.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("key").GetString(), c.GetProperty("kind").GetString())).ToList();
        Assert.Equal([("etsi-en-303-645/5.2-2", "LevelChanged"), ("etsi-en-303-645/5.9-1", "Excluded"), ("own/OWN-1", "Added")], changes);
        var never = await Api.AssertProblemAsync(await admin.GetAsync($"/api/baselines/{id}/diff?from=7"), HttpStatusCode.BadRequest);
        Assert.Equal("Baselines.VersionNotPublished", never.GetProperty("code").GetString());
        Assert.True(never.GetProperty("errors").TryGetProperty("from", out _));
    }
}
