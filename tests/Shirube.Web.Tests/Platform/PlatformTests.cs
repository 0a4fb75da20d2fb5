using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Platform;

public class PlatformTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Health_WhenTheDatabaseAnswers_Returns200Healthy(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheTokenEndpoint()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/auth/tokens").TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/products", out _));
    }

    [Fact]
    public async Task ApiReferencePage_IsServed()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api-reference/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-reference/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task UnknownApiPath_Returns404Problem()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        await Api.AssertProblemAsync(await admin.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DemoApi_LoadsTwoUnitsAndFiveProducts_AndRemovesThem()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var loaded = await (await admin.PostAsync("/api/demo", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, loaded.GetProperty("businessUnits").GetInt32());
        Assert.Equal(5, loaded.GetProperty("products").GetInt32());
        Assert.Equal(5, (await admin.GetFromJsonAsync<ProductResponse[]>("/api/products"))!.Length);
        var removed = await (await admin.DeleteAsync("/api/demo")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, removed.GetProperty("products").GetInt32());
        Assert.Empty((await admin.GetFromJsonAsync<ProductResponse[]>("/api/products"))!);
    }
}
