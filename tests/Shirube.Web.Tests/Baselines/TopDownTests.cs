using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Baselines;

/// <summary>Top-down: 要/不要 per common control, applied to the same baseline the bottom-up method made.</summary>
public class TopDownTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Decisions_ExcludeAndRestoreLines_AndAddWhatWouldBeMissed(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device", "gateway", "management");
        await admin.PutAsJsonAsync($"/api/products/{product.Id}/guidelines", new { guidelines = new[] { "etsi-en-303-645", "uk-psti" } });
        var baseline = await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "b" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = baseline.GetProperty("id").GetString();

        var review = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}/controls");
        var disclosure = Control(review, "vulnerability-disclosure");
        Assert.True(disclosure.GetProperty("lines").GetInt32() > 1);
        Assert.Equal(JsonValueKind.Null, disclosure.GetProperty("needed").ValueKind);

        // 不要: lines that serve only not-needed controls are left out, with the decision as their reason
        // (PSTI Sch1-2 links to vulnerability disclosure alone); lines that also serve other controls stay.
        review = await Decide(admin, id!, "vulnerability-disclosure", needed: false, "A partner handles reports for us.");
        disclosure = Control(review, "vulnerability-disclosure");
        Assert.False(disclosure.GetProperty("needed").GetBoolean());
        Assert.True(disclosure.GetProperty("included").GetInt32() < disclosure.GetProperty("lines").GetInt32());
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}");
        var sch12 = stored.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "uk-psti/Sch1-2");
        Assert.True(sch12.GetProperty("excluded").GetBoolean());
        Assert.Equal("Top-down: A partner handles reports for us.", sch12.GetProperty("exclusionReason").GetString());

        // 要 again: they come back.
        review = await Decide(admin, id!, "vulnerability-disclosure", needed: true, "The CRA requires our own handling.");
        disclosure = Control(review, "vulnerability-disclosure");
        Assert.Equal(disclosure.GetProperty("lines").GetInt32(), disclosure.GetProperty("included").GetInt32());

        // 要 for a measure the chosen guidelines do not cover: the general guidelines' requirements are added.
        var missing = review.EnumerateArray().First(c => c.GetProperty("lines").GetInt32() == 0 && c.GetProperty("availableInGeneral").GetInt32() > 0);
        var controlId = missing.GetProperty("id").GetString()!;
        review = await Decide(admin, id!, controlId, needed: true, "Our field service staff install the routers.");
        var added = Control(review, controlId);
        Assert.True(added.GetProperty("lines").GetInt32() > 0);
        Assert.Equal(added.GetProperty("lines").GetInt32(), added.GetProperty("included").GetInt32());
    }

    [Fact]
    public async Task Decision_WithoutReasonOrForAnUnknownControl_IsRefused()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device");
        await admin.PutAsJsonAsync($"/api/products/{product.Id}/guidelines", new { guidelines = new[] { "uk-psti" } });
        var baseline = await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "b" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = baseline.GetProperty("id").GetString();
        var noReason = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/baselines/{id}/controls/telemetry", new { needed = false, reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("Common.Required", noReason.GetProperty("code").GetString());
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));

        // The refusal is said in the caller's language.
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/baselines/{id}/controls/no-such-control") { Content = JsonContent.Create(new { needed = true, reason = "because" }) };
        request.Headers.Add("Accept-Language", "ja");
        var unknown = await Api.AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Baselines.UnknownControl", unknown.GetProperty("code").GetString());
        Assert.Equal("共通対策 'no-such-control' はありません。", unknown.GetProperty("detail").GetString());
    }

    private static JsonElement Control(JsonElement review, string id) =>
        review.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    private static async Task<JsonElement> Decide(HttpClient client, string baselineId, string controlId, bool needed, string reason)
    {
        var response = await client.PutAsJsonAsync($"/api/baselines/{baselineId}/controls/{controlId}", new { needed, reason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
