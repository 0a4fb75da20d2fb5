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
    [InlineData("""{"sector":"space"}""", "sector", "Common.UnknownValue")]
    [InlineData("""{"markets":["E1"]}""", "markets", "Portfolio.Market")]
    [InlineData("""{"riskClass":7}""", "riskClass", "Portfolio.NoRiskClass")]
    [InlineData("""{"riskClass":12}""", "riskClass", "Common.OutOfRange")]
    [InlineData("""{"parts":["device","toaster"]}""", "parts[1]", "Common.UnknownValue")]
    [InlineData("""{"requiredLevel":"Maybe"}""", "requiredLevel", "Baselines.UnknownLevel")]
    public async Task Update_BadValue_Returns400NamingTheFieldAndTheCode(string body, string field, string code)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device");
        var response = await admin.PutAsync($"/api/products/{product.Id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Version_EndingBeforeItsRelease_IsRefused()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/products/{product.Id}/versions")
        {
            Content = JsonContent.Create(new { version = "1.0", releaseDate = "2025-01-01", endOfSupport = "2024-01-01" }),
            Headers = { { "Accept-Language", "ja" } },
        };
        var problem = await Api.AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Portfolio.SupportEndsBeforeRelease", problem.GetProperty("code").GetString());
        Assert.Equal("セキュリティサポートの終了日をリリース日より前にすることはできません。", problem.GetProperty("errors").GetProperty("endOfSupport")[0].GetString());
    }

    [Fact]
    public async Task Product_OfAnotherUnitOrUnknown_IsNotFoundOrForbiddenWithItsCode()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        var product = await Api.CreateProductAsync(admin, home.Id, "Router", "A", "device");
        await Api.CreateUserAsync(admin, "ken", "Infra-Passw0rd-1", ["ProductOwner"], [infra.Id]);
        using var ken = app.ClientWithToken(await app.TokenAsync("ken", "Infra-Passw0rd-1"));

        var hidden = await Api.AssertProblemAsync(await ken.GetAsync($"/api/products/{product.Id}"), HttpStatusCode.NotFound);
        Assert.Equal("Portfolio.ProductNotFound", hidden.GetProperty("code").GetString());
        var elsewhere = await Api.AssertProblemAsync(await ken.PostAsJsonAsync("/api/products", new { businessUnitId = home.Id, name = "Hub", field = "A", parts = new[] { "device" } }), HttpStatusCode.Forbidden);
        Assert.Equal("Portfolio.NotYourUnit", elsewhere.GetProperty("code").GetString());
        var nowhere = await Api.AssertProblemAsync(await ken.PostAsJsonAsync("/api/products", new { businessUnitId = Guid.NewGuid(), name = "Hub", field = "A" }), HttpStatusCode.BadRequest);
        Assert.Equal("Portfolio.UnknownUnit", nowhere.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, (await ken.PostAsJsonAsync("/api/products", new { businessUnitId = infra.Id, name = "Hub", field = "A", parts = new[] { "device" } })).StatusCode);
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
