using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Auditing;

public class AuditApiTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Changes_ThroughTheApi_AreInTheAuditLogWithTheirAuthor(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, home.Id, "Router", "A", "device");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/products/{product.Id}")).StatusCode);

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Product&entityId={product.Id}");

        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["Deleted", "Created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(ShirubeApp.AdminUser, e.GetProperty("userName").GetString()));
        Assert.Contains("\"Router\"", entries[0].GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AuditLog_IsForAdministratorsAndAuditorsOnly(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        await Api.CreateUserAsync(admin, "aiko", "Audit-Passw0rd-1", ["Auditor"], []);
        await Api.CreateUserAsync(admin, "taro", "Analyst-Passw0rd-1", ["PsirtAnalyst"], []);
        using var aiko = app.ClientWithToken(await app.TokenAsync("aiko", "Audit-Passw0rd-1"));
        using var taro = app.ClientWithToken(await app.TokenAsync("taro", "Analyst-Passw0rd-1"));

        var page = await aiko.GetFromJsonAsync<JsonElement>("/api/audit?entityType=ShirubeUser&action=Created");
        Assert.Equal(["admin", "aiko", "taro"], page.GetProperty("entries").EnumerateArray()
            .Select(e => JsonDocument.Parse(e.GetProperty("after").GetString()!).RootElement.GetProperty("UserName").GetString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("PasswordHash", page.GetRawText(), StringComparison.Ordinal);
        await Api.AssertProblemAsync(await taro.GetAsync("/api/audit"), HttpStatusCode.Forbidden);
    }
}
