using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Portfolio;

public class ProductProfileTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Product_DescribedVersionedAndGivenGuidelines_KeepsItAll(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device", "gateway");

        var put = await admin.PutAsJsonAsync($"/api/products/{product.Id}", new { sector = "consumer", markets = new[] { "eu", "JP" }, riskClass = 2, owners = new[] { "hana" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/products/{product.Id}/versions", new { version = "1.0", releaseDate = "2024-04-01", endOfSupport = "2029-03-31" })).StatusCode);
        var recommendation = await admin.GetFromJsonAsync<JsonElement>($"/api/products/{product.Id}/recommendation");
        var picked = recommendation.GetProperty("picks").EnumerateArray().Select(p => p.GetProperty("guideline").GetString()!).ToArray();
        Assert.Contains("eu-cra-annex-i", picked);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/products/{product.Id}/guidelines", new { guidelines = picked })).StatusCode);

        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/products/{product.Id}");
        Assert.Equal("consumer", stored.GetProperty("sector").GetString());
        Assert.Equal(["EU", "JP"], stored.GetProperty("markets").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(2, stored.GetProperty("riskClass").GetInt32());
        Assert.Equal(picked, stored.GetProperty("guidelines").EnumerateArray().Select(g => g.GetString()));
        var version = Assert.Single(stored.GetProperty("versions").EnumerateArray());
        Assert.Equal("2029-03-31", version.GetProperty("endOfSupport").GetString());
    }

    [Fact]
    public async Task RiskClasses_AreSeededAndAdministratorsCanRedefineThem()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var classes = await admin.GetFromJsonAsync<JsonElement>("/api/risk-classes");
        Assert.Equal([0, 1, 2, 3, 4], classes.EnumerateArray().Select(c => c.GetProperty("level").GetInt32()));
        Assert.Equal("重大", classes[4].GetProperty("nameJa").GetString());

        var put = await admin.PutAsJsonAsync("/api/risk-classes/5", new { level = 5, nameEn = "Life-critical", nameJa = "生命に関わる", descriptionEn = "Implantable devices.", descriptionJa = "植込み型機器。" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(6, (await admin.GetFromJsonAsync<JsonElement>("/api/risk-classes")).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"sector":"space"}""", "sector")]
    [InlineData("""{"markets":["E1"]}""", "markets")]
    [InlineData("""{"riskClass":7}""", "riskClass")]
    public async Task Update_BadValue_Returns400NamingTheField(string body, string field)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device");
        var response = await admin.PutAsync($"/api/products/{product.Id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Version_EndingBeforeItsRelease_IsRefused()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device");
        var response = await admin.PostAsJsonAsync($"/api/products/{product.Id}/versions", new { version = "1.0", releaseDate = "2025-01-01", endOfSupport = "2024-01-01" });
        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DemoPortfolio_ComesWithSectorsMarketsRiskClassesAndVersions()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        await admin.PostAsync("/api/demo", null);
        var products = await admin.GetFromJsonAsync<JsonElement>("/api/products");
        Assert.All(products.EnumerateArray(), p =>
        {
            Assert.NotEqual(JsonValueKind.Null, p.GetProperty("riskClass").ValueKind);
            Assert.NotEmpty(p.GetProperty("versions").EnumerateArray());
            Assert.NotEmpty(p.GetProperty("markets").EnumerateArray());
        });
        Assert.Contains(products.EnumerateArray(), p => p.GetProperty("sector").GetString() == "smart-meter");
    }
}
