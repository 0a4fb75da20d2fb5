using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Baselines;

public class CompanyBaselineTests
{
    private static JsonElement Item(JsonElement baseline, string key) =>
        baseline.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ProductBaselines_InheritTheFieldsCompanyBaseline_OverrideIt_AndFollowItsNewVersions(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var router = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device", "network-local");

        // Nothing to inherit before the company baseline of field A is published.
        var nothing = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/products/{router.Id}/baselines", new { inherit = true }), HttpStatusCode.BadRequest);
        Assert.Equal("Baselines.NothingToInherit", nothing.GetProperty("code").GetString());
        Assert.True(nothing.GetProperty("errors").TryGetProperty("inherit", out _));

        var created = await admin.PostAsJsonAsync("/api/company-baselines", new { field = "A", guidelines = new[] { "etsi-en-303-645" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var company = await created.Content.ReadFromJsonAsync<JsonElement>();
        var companyId = company.GetProperty("id").GetString();
        Assert.True(company.GetProperty("company").GetBoolean());
        Assert.Equal("A", company.GetProperty("field").GetString());
        await admin.PatchAsJsonAsync($"/api/baselines/{companyId}/items", new { key = "etsi-en-303-645/5.2-2", level = "Must" });
        await admin.PostAsync($"/api/baselines/{companyId}/publish", null);

        var inherited = await (await admin.PostAsJsonAsync($"/api/products/{router.Id}/baselines", new { inherit = true })).Content.ReadFromJsonAsync<JsonElement>();
        var productId = inherited.GetProperty("id").GetString();
        Assert.Equal(companyId, inherited.GetProperty("parentId").GetString());
        Assert.Equal(1, inherited.GetProperty("parentVersion").GetInt32());
        Assert.Equal("Must", Item(inherited, "etsi-en-303-645/5.2-2").GetProperty("level").GetString());
        Assert.True(Item(inherited, "etsi-en-303-645/5.2-2").GetProperty("inherited").GetBoolean());

        // The product overrides one line; the company publishes v2 with two changes.
        await admin.PatchAsJsonAsync($"/api/baselines/{productId}/items", new { key = "etsi-en-303-645/5.3-1", level = "Better" });
        await admin.PatchAsJsonAsync($"/api/baselines/{companyId}/items", new { key = "etsi-en-303-645/5.3-1", level = "Must" });
        await admin.PatchAsJsonAsync($"/api/baselines/{companyId}/items", new { key = "etsi-en-303-645/5.4-1", excludeReason = "Handled by the key management standard." });
        await admin.PostAsync($"/api/baselines/{companyId}/publish", null);

        var children = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{companyId}/children");
        var child = Assert.Single(children.EnumerateArray());
        Assert.Equal("Router", child.GetProperty("product").GetString());
        Assert.True(child.GetProperty("behind").GetBoolean());
        Assert.Equal(1, child.GetProperty("overrides").GetInt32());

        var update = await (await admin.PostAsync($"/api/baselines/{productId}/update-from-parent", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, update.GetProperty("parentVersion").GetInt32());
        Assert.Equal(1, update.GetProperty("updated").GetInt32());
        Assert.Equal(1, update.GetProperty("overrides").GetInt32());
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{productId}");
        Assert.Equal("Better", Item(after, "etsi-en-303-645/5.3-1").GetProperty("level").GetString());
        Assert.True(Item(after, "etsi-en-303-645/5.4-1").GetProperty("excluded").GetBoolean());
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{companyId}/children"))[0].GetProperty("behind").GetBoolean());
    }

    [Fact]
    public async Task CompanyBaselines_AreReadByEveryUnit_ButChangedOnlyByThoseWhoSeeAllUnits()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var company = await (await admin.PostAsJsonAsync("/api/company-baselines", new { field = "A", guidelines = new[] { "uk-psti" } })).Content.ReadFromJsonAsync<JsonElement>();
        var id = company.GetProperty("id").GetString();
        await Api.CreateUserAsync(admin, "aoi", "Owner-Passw0rd-1", ["ProductOwner"], [unit.Id]);
        using var aoi = app.ClientWithToken(await app.TokenAsync("aoi", "Owner-Passw0rd-1"));

        Assert.Equal(HttpStatusCode.OK, (await aoi.GetAsync($"/api/baselines/{id}")).StatusCode);
        Assert.Contains(id, (await aoi.GetFromJsonAsync<JsonElement>("/api/baselines")).EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        var locked = await Api.AssertProblemAsync(await aoi.PatchAsJsonAsync($"/api/baselines/{id}/items", new { key = "uk-psti/Sch1-1", level = "Better" }), HttpStatusCode.Forbidden);
        Assert.Equal("Baselines.CompanyBaselineLocked", locked.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await aoi.PostAsync($"/api/baselines/{id}/publish", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await aoi.PostAsJsonAsync("/api/company-baselines", new { field = "B", guidelines = new[] { "uk-psti" } })).StatusCode);
        var problem = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/company-baselines", new { field = "B", guidelines = new[] { "no-such" } }), HttpStatusCode.BadRequest);
        Assert.Equal("Guidelines.UnknownGuideline", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("guidelines", out _));
    }

    [Fact]
    public async Task RequiredLevel_DerivesFromTheRiskClass_UnlessSet()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Meter", "C", "device");
        async Task<JsonElement> PutAsync(object body) => await (await admin.PutAsJsonAsync($"/api/products/{product.Id}", body)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Must", (await PutAsync(new { riskClass = 1 })).GetProperty("requiredLevel").GetString());
        Assert.Equal("Better", (await PutAsync(new { riskClass = 4 })).GetProperty("requiredLevel").GetString());
        var set = await PutAsync(new { requiredLevel = "Should" });
        Assert.Equal("Should", set.GetProperty("requiredLevel").GetString());
        Assert.True(set.GetProperty("requiredLevelSet").GetBoolean());
        Assert.Equal("Better", (await PutAsync(new { requiredLevel = "" })).GetProperty("requiredLevel").GetString());
        var unknown = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/products/{product.Id}", new { requiredLevel = "Excellent" }), HttpStatusCode.BadRequest);
        Assert.Equal("Baselines.UnknownLevel", unknown.GetProperty("code").GetString());
        Assert.True(unknown.GetProperty("errors").TryGetProperty("requiredLevel", out _));
    }
}
