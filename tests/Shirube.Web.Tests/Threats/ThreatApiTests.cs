using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Threats;

public class ThreatApiTests
{
    private static object Threat(string title, string key, int likelihood = 4, int impact = 4, string part = "device", string stride = "Spoofing") => new
    {
        title,
        description = "Telnet on port 23 accepts the factory password.",
        part,
        stride,
        likelihood,
        impact,
        residualLikelihood = 2,
        residualImpact = 3,
        owner = "hana",
        decision = "Mitigate",
        countermeasures = new[] { new { text = "A unique password per device, set at the factory", status = "Implemented", requirementKeys = new[] { key } } },
    };

    private static async Task<(string Key, Guid Baseline)> BaselineAsync(HttpClient admin, Guid product)
    {
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/products/{product}/guidelines", new { guidelines = new[] { "etsi-en-303-645" } })).StatusCode);
        var response = await admin.PostAsJsonAsync($"/api/products/{product}/baselines", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var baseline = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (baseline.GetProperty("items").EnumerateArray().First().GetProperty("key").GetString()!, baseline.GetProperty("id").GetGuid());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Threat_RiskFromTheMatrix_RecomputedWhenTheMatrixChanges_AndTheSummaryCountsIt(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var router = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device", "network-local");
        var (key, baselineId) = await BaselineAsync(admin, router.Id);

        var created = await admin.PostAsJsonAsync($"/api/products/{router.Id}/threats", Threat("Factory password on telnet", key));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var threat = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("High", threat.GetProperty("risk").GetString());
        Assert.Equal("Medium", threat.GetProperty("residualRisk").GetString());
        Assert.Equal([key], threat.GetProperty("countermeasures")[0].GetProperty("requirementKeys").EnumerateArray().Select(k => k.GetString()));

        var register = await admin.GetFromJsonAsync<JsonElement>($"/api/products/{router.Id}/threats");
        var cell = register.GetProperty("summary").EnumerateArray().Single(c => c.GetProperty("stride").GetString() == "Spoofing" && c.GetProperty("partGroup").GetString() == "Device");
        Assert.Equal(1, cell.GetProperty("count").GetInt32());
        Assert.Equal("High", cell.GetProperty("highest").GetString());

        // The matrix changes: 4 × 4 becomes Critical, and the threat with it.
        var matrix = await admin.PutAsJsonAsync("/api/risk-matrix", new { cells = new[] { new { likelihood = 4, impact = 4, level = "Critical" } } });
        Assert.Equal(HttpStatusCode.OK, matrix.StatusCode);
        Assert.Equal("Critical", (await admin.GetFromJsonAsync<JsonElement>($"/api/threats/{threat.GetProperty("id").GetGuid()}")).GetProperty("risk").GetString());

        // A matrix that goes down as impact goes up is refused, cell by cell.
        var bad = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/risk-matrix", new { cells = new[] { new { likelihood = 5, impact = 5, level = "Low" } } }), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("Risk.LowerThanNeighbour", bad.GetProperty("code").GetString());
        Assert.Contains("lower than likelihood 4 × impact 5 (Critical)", errors.GetProperty("cells[5,5]")[0].GetString(), StringComparison.Ordinal);
        // In Japanese, with the levels said in Japanese.
        using (var ja = new HttpRequestMessage(HttpMethod.Put, "/api/risk-matrix") { Content = JsonContent.Create(new { cells = new[] { new { likelihood = 5, impact = 5, level = "Low" } } }) })
        {
            ja.Headers.AcceptLanguage.ParseAdd("ja");
            var jaErrors = (await Api.AssertProblemAsync(await admin.SendAsync(ja), HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.Contains("発生可能性 4 × 影響度 5（「重大」）より低く", jaErrors.GetProperty("cells[5,5]")[0].GetString(), StringComparison.Ordinal);
        }
        var badLevel = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/risk-matrix", new { cells = new[] { new { likelihood = 1, impact = 1, level = "Extreme" } } }), HttpStatusCode.BadRequest);
        Assert.Equal("Common.UnknownValue", badLevel.GetProperty("code").GetString());
        Assert.True(badLevel.GetProperty("errors").TryGetProperty("cells[0].level", out _));
        Assert.Equal("Critical", (await admin.GetFromJsonAsync<JsonElement>("/api/risk-matrix")).GetProperty("cells").EnumerateArray().Last().GetProperty("level").GetString());

        // Bad input names the field; nothing is written.
        var badKey = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/products/{router.Id}/threats", Threat("Unknown requirement", "nist/XX-1")), HttpStatusCode.BadRequest);
        Assert.True(badKey.GetProperty("errors").TryGetProperty("countermeasures[0].requirementKeys", out _));
        Assert.Equal("Threats.NotABaselineLine", badKey.GetProperty("code").GetString());
        var badPart = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/products/{router.Id}/threats", Threat("Unknown part", key, part: "toaster")), HttpStatusCode.BadRequest);
        Assert.True(badPart.GetProperty("errors").TryGetProperty("part", out _));
        var badStride = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/products/{router.Id}/threats", Threat("Numeric STRIDE", key, stride: "2")), HttpStatusCode.BadRequest);
        Assert.True(badStride.GetProperty("errors").TryGetProperty("stride", out _));
        Assert.Equal("Common.UnknownValue", badStride.GetProperty("code").GetString());
        var shortTitle = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/products/{router.Id}/threats", Threat("ab", key)), HttpStatusCode.BadRequest);
        Assert.Equal("Common.Length", shortTitle.GetProperty("code").GetString());
        Assert.Equal("Between 3 and 200 characters.", shortTitle.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/products/{router.Id}/threats")).GetProperty("threats").EnumerateArray());

        // The baseline side: which threats each line counters.
        var countered = await admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{baselineId}/threats");
        var line = countered.EnumerateArray().Single();
        Assert.Equal(key, line.GetProperty("key").GetString());
        Assert.Equal("Factory password on telnet", line.GetProperty("threats")[0].GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Threats_PsirtAndTheProductsOwnerEdit_AuditorReads_OtherUnitSeesNothing(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        using var anonymous = app.CreateClient();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        var router = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/products/{router.Id}", new { owners = new[] { "olga" } })).StatusCode);
        var (key, _) = await BaselineAsync(admin, router.Id);
        const string password = "Unit-Passw0rd-12";
        await Api.CreateUserAsync(admin, "hana", password, ["PsirtAnalyst"], [home.Id]);
        await Api.CreateUserAsync(admin, "olga", password, ["ProductOwner"], [home.Id]);
        await Api.CreateUserAsync(admin, "pete", password, ["ProductOwner"], [home.Id]);
        await Api.CreateUserAsync(admin, "aiko", password, ["Auditor"], [home.Id]);
        await Api.CreateUserAsync(admin, "ken", password, ["PsirtManager"], []);
        await Api.CreateUserAsync(admin, "kei", password, ["PsirtAnalyst"], [infra.Id]);
        async Task<HttpClient> As(string user) => app.ClientWithToken(await app.TokenAsync(user, password));
        using var hana = await As("hana");
        using var olga = await As("olga");
        using var pete = await As("pete");
        using var aiko = await As("aiko");
        using var kei = await As("kei");
        var url = $"/api/products/{router.Id}/threats";

        Assert.Equal(HttpStatusCode.Created, (await hana.PostAsJsonAsync(url, Threat("Sniffed Wi-Fi credentials", key, stride: "InformationDisclosure"))).StatusCode);
        var olgas = await olga.PostAsJsonAsync(url, Threat("Forged update", key, stride: "Tampering"));
        Assert.Equal(HttpStatusCode.Created, olgas.StatusCode);
        var id = (await olgas.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("Threats.NotAnEditor", (await Api.AssertProblemAsync(await pete.PostAsJsonAsync(url, Threat("Not my product", key)), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        await Api.AssertProblemAsync(await pete.PutAsJsonAsync($"/api/threats/{id}", Threat("Not my product", key)), HttpStatusCode.Forbidden);
        var audited = await aiko.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(2, audited.GetProperty("threats").GetArrayLength());
        Assert.False(audited.GetProperty("canEdit").GetBoolean());
        Assert.True((await olga.GetFromJsonAsync<JsonElement>(url)).GetProperty("canEdit").GetBoolean());
        await Api.AssertProblemAsync(await aiko.PostAsJsonAsync(url, Threat("Auditors write nothing", key)), HttpStatusCode.Forbidden);
        await Api.AssertProblemAsync(await aiko.DeleteAsync($"/api/threats/{id}"), HttpStatusCode.Forbidden);
        // Only administrators and PSIRT managers change the matrix.
        await Api.AssertProblemAsync(await hana.PutAsJsonAsync("/api/risk-matrix", new { cells = Array.Empty<object>() }), HttpStatusCode.Forbidden);
        using var ken = await As("ken");
        Assert.Equal(HttpStatusCode.OK, (await ken.PutAsJsonAsync("/api/risk-matrix", new { cells = Array.Empty<object>() })).StatusCode);

        // Another unit: every threat endpoint answers 404, as if the product did not exist.
        Assert.Equal("Threats.ProductNotFound", (await Api.AssertProblemAsync(await kei.GetAsync(url), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await Api.AssertProblemAsync(await kei.PostAsJsonAsync(url, Threat("Foreign threat", key)), HttpStatusCode.NotFound);
        Assert.Equal("Threats.ThreatNotFound", (await Api.AssertProblemAsync(await kei.GetAsync($"/api/threats/{id}"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await Api.AssertProblemAsync(await kei.PutAsJsonAsync($"/api/threats/{id}", Threat("Foreign threat", key)), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await kei.DeleteAsync($"/api/threats/{id}"), HttpStatusCode.NotFound);
        // Anonymous callers: 401 everywhere.
        await Api.AssertProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.Unauthorized);
        await Api.AssertProblemAsync(await anonymous.GetAsync($"/api/threats/{id}"), HttpStatusCode.Unauthorized);
        await Api.AssertProblemAsync(await anonymous.GetAsync("/api/risk-matrix"), HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.NoContent, (await olga.DeleteAsync($"/api/threats/{id}")).StatusCode);
        Assert.Equal(1, (await hana.GetFromJsonAsync<JsonElement>(url)).GetProperty("threats").GetArrayLength());
    }
}
