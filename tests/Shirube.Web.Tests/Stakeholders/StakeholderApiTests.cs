using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Stakeholders;

public class StakeholderApiTests
{
    private static async Task<JsonElement> AddSupplierAsync(HttpClient client, string name, string[] purlKeys, string[] cpeVendors)
    {
        var response = await client.PostAsJsonAsync("/api/stakeholders", new
        {
            kind = "Supplier", nameJa = name, nameEn = name, email = "psirt@" + name.ToLowerInvariant().Replace(' ', '-') + ".example",
            purlKeys, cpeVendors,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Names(JsonElement matches) =>
        [.. matches.EnumerateArray().Select(m => m.GetProperty("supplier").GetProperty("nameEn").GetString()!)];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Lookup_Purl_GivesTheMostSpecificSupplierFirstWithTheReason(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        await AddSupplierAsync(admin, "Acme", ["pkg:npm/@acme"], ["acme"]);
        await AddSupplierAsync(admin, "Acme Widgets", ["pkg:npm/@acme/widget-"], []);
        await AddSupplierAsync(admin, "OpenSSL Project", ["pkg:github/openssl", "pkg:generic/openssl"], ["openssl"]);

        var widget = await admin.GetFromJsonAsync<JsonElement>("/api/stakeholders/lookup?purl=" + Uri.EscapeDataString("pkg:npm/%40acme/widget-core@2.1.0"));
        Assert.Equal(["Acme Widgets", "Acme"], Names(widget));
        Assert.Equal(["PurlNamePrefix", "PurlNamespace"], widget.EnumerateArray().Select(m => m.GetProperty("match").GetString()));
        Assert.Equal("The package key pkg:npm/@acme/widget- begins the name of pkg:npm/%40acme/widget-core@2.1.0.", widget[0].GetProperty("reason").GetString());
        Assert.Equal("psirt@acme-widgets.example", widget[0].GetProperty("supplier").GetProperty("email").GetString());

        var cpe = await admin.GetFromJsonAsync<JsonElement>("/api/stakeholders/lookup?cpe=" + Uri.EscapeDataString("cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:*"));
        Assert.Equal(["OpenSSL Project"], Names(cpe));
        Assert.Equal("CpeVendor", cpe[0].GetProperty("match").GetString());

        var none = await admin.GetFromJsonAsync<JsonElement>("/api/stakeholders/lookup?purl=" + Uri.EscapeDataString("pkg:pypi/requests@2.31.0"));
        Assert.Equal(0, none.GetArrayLength());

        var bad = await Api.AssertProblemAsync(await admin.GetAsync("/api/stakeholders/lookup?purl=npm/widget"), HttpStatusCode.BadRequest);
        Assert.Equal("Stakeholders.NotAPurl", bad.GetProperty("code").GetString());
        Assert.Contains("pkg:", bad.GetProperty("errors").GetProperty("purl")[0].GetString(), StringComparison.Ordinal);
        var badCpe = await Api.AssertProblemAsync(await admin.GetAsync("/api/stakeholders/lookup?cpe=cpe:2.3:a:x"), HttpStatusCode.BadRequest);
        Assert.True(badCpe.GetProperty("errors").TryGetProperty("cpe", out _));
        Assert.Equal("Stakeholders.NotACpe", badCpe.GetProperty("code").GetString());
        Assert.Equal("Stakeholders.PurlOrCpe", (await Api.AssertProblemAsync(await admin.GetAsync("/api/stakeholders/lookup"), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        // In Japanese, the refusal is said in Japanese.
        using var ja = new HttpRequestMessage(HttpMethod.Get, "/api/stakeholders/lookup?purl=npm/widget");
        ja.Headers.AcceptLanguage.ParseAdd("ja");
        var jaBad = await Api.AssertProblemAsync(await admin.SendAsync(ja), HttpStatusCode.BadRequest);
        Assert.Equal("「npm/widget」はパッケージ URL（pkg:タイプ/名前空間/名前@バージョン）の形式になっていません。", jaBad.GetProperty("errors").GetProperty("purl")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Registry_IsSeededWithCoordinatorsWhoseContactsAreToBeConfirmed_AndSearchable(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();

        var coordinators = await admin.GetFromJsonAsync<JsonElement>("/api/stakeholders?kind=Coordinator");
        var jpcert = coordinators.EnumerateArray().Single(c => c.GetProperty("nameEn").GetString()!.Contains("JPCERT/CC", StringComparison.Ordinal));
        Assert.Equal("https://www.jpcert.or.jp/", jpcert.GetProperty("webPage").GetString());
        Assert.Equal(JsonValueKind.Null, jpcert.GetProperty("email").ValueKind);
        Assert.True(jpcert.GetProperty("contactToBeConfirmed").GetBoolean());
        Assert.All(coordinators.EnumerateArray(), c => Assert.True(c.GetProperty("contactToBeConfirmed").GetBoolean()));

        var search = await admin.GetFromJsonAsync<JsonElement>("/api/stakeholders?q=" + Uri.EscapeDataString("法務"));
        Assert.Equal(["Legal"], search.EnumerateArray().Select(s => s.GetProperty("nameEn").GetString()));

        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var router = await Api.CreateProductAsync(admin, unit.Id, "HR-300", "A", "device");
        var customer = await admin.PostAsJsonAsync("/api/stakeholders", new { kind = "Customer", nameJa = "北町電力", nameEn = "Kitamachi Power", productIds = new[] { router.Id } });
        Assert.Equal(HttpStatusCode.Created, customer.StatusCode);
        var created = await customer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([router.Id], created.GetProperty("productIds").EnumerateArray().Select(p => p.GetGuid()));
        var unknownProduct = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/stakeholders",
            new { kind = "Customer", nameJa = "X", nameEn = "X", productIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.True(unknownProduct.GetProperty("errors").TryGetProperty("productIds", out _));
        Assert.Equal("Stakeholders.UnknownProduct", unknownProduct.GetProperty("code").GetString());

        var badKey = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/stakeholders",
            new { kind = "Supplier", nameJa = "X", nameEn = "X", purlKeys = new[] { "github/openssl" } }), HttpStatusCode.BadRequest);
        Assert.True(badKey.GetProperty("errors").TryGetProperty("purlKeys", out _));
        Assert.Equal("Stakeholders.NotAPackageKey", badKey.GetProperty("code").GetString());
        var badEmail = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/stakeholders",
            new { kind = "Customer", nameJa = "X", nameEn = "X", email = "not an address" }), HttpStatusCode.BadRequest);
        Assert.True(badEmail.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal("Stakeholders.NotAnEmail", badEmail.GetProperty("code").GetString());
        var badKind = await Api.AssertProblemAsync(await admin.GetAsync("/api/stakeholders?kind=Friend"), HttpStatusCode.BadRequest);
        Assert.Equal("Common.UnknownValue", badKind.GetProperty("code").GetString());
        var customerId = created.GetProperty("id").GetGuid();
        var kindChange = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/stakeholders/{customerId}", new { kind = "Supplier", nameJa = "北町電力", nameEn = "Kitamachi Power" }), HttpStatusCode.BadRequest);
        Assert.Equal("Stakeholders.KindCannotChange", kindChange.GetProperty("code").GetString());
        Assert.Equal("Stakeholders.NotFound", (await Api.AssertProblemAsync(await admin.GetAsync($"/api/stakeholders/{Guid.NewGuid()}"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Roles_ProductOwnerReadsButCannotChange_AnonymousIsUnauthorized(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        await Api.CreateUserAsync(admin, "owner", "Owner-Passw0rd-1", ["ProductOwner"], [unit.Id]);
        await Api.CreateUserAsync(admin, "lead", "Lead-Passw0rd-1", ["PsirtManager"], []);
        using var owner = app.ClientWithToken(await app.TokenAsync("owner", "Owner-Passw0rd-1"));
        using var lead = app.ClientWithToken(await app.TokenAsync("lead", "Lead-Passw0rd-1"));
        using var anonymous = app.CreateClient();
        var supplier = new { kind = "Supplier", nameJa = "部品商", nameEn = "Parts Co", purlKeys = new[] { "pkg:github/parts" } };

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/stakeholders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/stakeholders/lookup?purl=pkg:github/parts/x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/psirt/organisation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync("/api/stakeholders", supplier)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutAsJsonAsync("/api/psirt/organisation", new { setup = "Hybrid" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync("/api/psirt/members", new { name = "X", role = "Y", commitment = "Dedicated" })).StatusCode);
        foreach (var path in new[] { "/api/stakeholders", "/api/stakeholders/lookup?purl=pkg:github/parts/x", "/api/psirt/organisation" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/stakeholders", supplier)).StatusCode);

        var created = await lead.PostAsJsonAsync("/api/stakeholders", supplier);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.DeleteAsync($"/api/stakeholders/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/stakeholders/{id}")).StatusCode);
    }
}
