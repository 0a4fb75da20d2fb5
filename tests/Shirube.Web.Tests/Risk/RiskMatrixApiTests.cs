using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Risk;

public class RiskMatrixApiTests
{
    [Fact]
    public async Task Steps_AreRenamed_AndABadStepIsRefusedWithItsCode_InEnglishAndJapanese()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();

        var matrix = await admin.GetFromJsonAsync<JsonElement>("/api/risk-matrix");
        Assert.Equal(5, matrix.GetProperty("size").GetInt32());
        Assert.Equal(25, matrix.GetProperty("cells").GetArrayLength());

        var step = new { value = 5, nameEn = "Catastrophic", nameJa = "壊滅的", descriptionEn = "People may die.", descriptionJa = "人命に関わる。" };
        var renamed = await admin.PutAsJsonAsync("/api/risk-matrix", new { impact = new[] { step } });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("壊滅的", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("impact")[4].GetProperty("nameJa").GetString());

        var empty = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/risk-matrix", new { impact = new[] { step with { nameEn = " " } } }), HttpStatusCode.BadRequest);
        Assert.Equal("Common.Required", empty.GetProperty("code").GetString());
        Assert.True(empty.GetProperty("errors").TryGetProperty("nameEn", out _));

        using var ja = new HttpRequestMessage(HttpMethod.Put, "/api/risk-matrix") { Content = JsonContent.Create(new { likelihood = new[] { step with { value = 6 } } }) };
        ja.Headers.AcceptLanguage.ParseAdd("ja");
        var noStep = await Api.AssertProblemAsync(await admin.SendAsync(ja), HttpStatusCode.BadRequest);
        Assert.Equal("Risk.NoSuchStep", noStep.GetProperty("code").GetString());
        Assert.Equal("発生可能性に段階 6 はありません。1～5 の範囲で指定してください。", noStep.GetProperty("errors").GetProperty("value")[0].GetString());

        // Nothing of a refused change is written.
        Assert.Equal("Catastrophic", (await admin.GetFromJsonAsync<JsonElement>("/api/risk-matrix")).GetProperty("impact")[4].GetProperty("nameEn").GetString());
    }
}
