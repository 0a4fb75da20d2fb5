using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Assessments;

public class AssessmentApiTests
{
    internal sealed record Setup(ShirubeApp App, HttpClient Admin, ProductResponse Product, string BaselineId, Guid UnitId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await App.DisposeAsync();
        }
    }

    /// <summary>A router in unit HOME with version 2.0, a published baseline of ETSI EN 303 645 and one own requirement.</summary>
    internal static async Task<Setup> PublishedBaselineAsync(DatabaseProvider provider, int riskClass = 2)
    {
        var app = await ShirubeApp.StartAsync(provider);
        var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Router", "A", "device", "network-local", "management");
        await admin.PutAsJsonAsync($"/api/products/{product.Id}", new { riskClass });
        await admin.PostAsJsonAsync($"/api/products/{product.Id}/versions", new { version = "2.0", releaseDate = "2026-04-01", endOfSupport = "2031-03-31" });
        await admin.PutAsJsonAsync($"/api/products/{product.Id}/guidelines", new { guidelines = new[] { "etsi-en-303-645" } });
        var baseline = await (await admin.PostAsJsonAsync($"/api/products/{product.Id}/baselines", new { name = "Router baseline" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = baseline.GetProperty("id").GetString()!;
        await admin.PatchAsJsonAsync($"/api/baselines/{id}/items", new { key = "etsi-en-303-645/5.9-1", excludeReason = "Mains powered." });
        await admin.PatchAsJsonAsync($"/api/baselines/{id}/items", new { key = "etsi-en-303-645/5.2-2", level = "Better" });
        await admin.PostAsJsonAsync($"/api/baselines/{id}/own", new { titleEn = "Firmware signed by the HSM", titleJa = "ファームウェアは HSM で署名する", level = "Must" });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/baselines/{id}/publish", null)).StatusCode);
        return new Setup(app, admin, product, id, unit.Id);
    }

    internal static async Task<JsonElement> StartAsync(HttpClient client, string baselineId, string version = "2.0")
    {
        var response = await client.PostAsJsonAsync($"/api/baselines/{baselineId}/assessments", new { productVersion = version });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, string id, string key, string status, string? justification = null, string[]? links = null, string? evidence = null) =>
        client.PutAsJsonAsync($"/api/assessments/{id}/entries", new { key, status, justification, links, evidence });

    private static string[] Keys(JsonElement assessment, string level) =>
        [.. assessment.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("level").GetString() == level).Select(l => l.GetProperty("key").GetString()!)];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Assessment_GivesSharesPerLevel_TheActualLevel_AndTheGapList(DatabaseProvider provider)
    {
        await using var s = await PublishedBaselineAsync(provider);
        var started = await StartAsync(s.Admin, s.BaselineId);
        var id = started.GetProperty("id").GetString()!;

        // The excluded line is not assessed; our own requirement is.
        var keys = started.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("key").GetString()).ToList();
        Assert.DoesNotContain("etsi-en-303-645/5.9-1", keys);
        Assert.Contains("own/OWN-1", keys);
        Assert.Equal("Should", started.GetProperty("requiredLevel").GetString());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("actualLevel").ValueKind);

        var must = Keys(started, "Must");
        var should = Keys(started, "Should");
        foreach (var key in must)
            Assert.Equal(HttpStatusCode.OK, (await RecordAsync(s.Admin, id, key, "Implemented")).StatusCode);
        // One SHOULD partial, one not applicable with its justification, the rest implemented.
        Assert.Equal(HttpStatusCode.OK, (await RecordAsync(s.Admin, id, should[0], "Partial", evidence: "Half of the ports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RecordAsync(s.Admin, id, should[1], "NotApplicable", "No Bluetooth radio in this model.")).StatusCode);
        foreach (var key in should.Skip(2))
            await RecordAsync(s.Admin, id, key, "Implemented", links: ["https://wiki.example.com/router/" + key.Replace('/', '-')]);

        var assessment = await s.Admin.GetFromJsonAsync<JsonElement>($"/api/assessments/{id}");
        Assert.Equal("Must", assessment.GetProperty("actualLevel").GetString());
        Assert.False(assessment.GetProperty("meetsRequired").GetBoolean());
        var mustShare = assessment.GetProperty("levels").GetProperty("Must");
        Assert.Equal(must.Length, mustShare.GetProperty("applicable").GetInt32());
        Assert.Equal(1.0, mustShare.GetProperty("ratio").GetDouble());
        var shouldShare = assessment.GetProperty("levels").GetProperty("Should");
        Assert.Equal(should.Length - 1, shouldShare.GetProperty("applicable").GetInt32());
        Assert.Equal(should.Length - 2, shouldShare.GetProperty("met").GetInt32());
        var gaps = assessment.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(should[0], gaps[0].GetProperty("key").GetString());
        Assert.Equal("Partial", gaps[0].GetProperty("status").GetString());
        // BETTER lines not assessed yet are gaps too, after the SHOULD ones.
        Assert.All(gaps.Skip(1), g => Assert.Equal("Better", g.GetProperty("level").GetString()));

        // Completing needs every line; then the assessment is frozen.
        var incomplete = await Api.AssertProblemAsync(await s.Admin.PostAsync($"/api/assessments/{id}/complete", null), HttpStatusCode.Conflict);
        Assert.Equal("Assessments.NotAllAssessed", incomplete.GetProperty("code").GetString());
        foreach (var key in Keys(assessment, "Better"))
            await RecordAsync(s.Admin, id, key, "NotImplemented");
        await RecordAsync(s.Admin, id, should[0], "Implemented");
        var completed = await (await s.Admin.PostAsync($"/api/assessments/{id}/complete", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Should", completed.GetProperty("actualLevel").GetString());
        Assert.True(completed.GetProperty("meetsRequired").GetBoolean());
        var frozen = await Api.AssertProblemAsync(await RecordAsync(s.Admin, id, should[0], "Partial"), HttpStatusCode.Conflict);
        Assert.Equal("Assessments.Completed", frozen.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("Maybe", null, "status", "Common.UnknownValue")]
    [InlineData("2", null, "status", "Common.UnknownValue")]
    [InlineData("NotApplicable", null, "justification", "Assessments.JustificationRequired")]
    public async Task Record_BadInput_IsRefusedNamingTheFieldAndTheCode(string status, string? justification, string field, string code)
    {
        await using var s = await PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var id = (await StartAsync(s.Admin, s.BaselineId)).GetProperty("id").GetString()!;
        var problem = await Api.AssertProblemAsync(await RecordAsync(s.Admin, id, "etsi-en-303-645/5.1-1", status, justification), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Start_NeedsAVersionOfTheProduct_AndAPublishedBaseline()
    {
        await using var s = await PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var problem = await Api.AssertProblemAsync(await s.Admin.PostAsJsonAsync($"/api/baselines/{s.BaselineId}/assessments", new { productVersion = "9.9" }), HttpStatusCode.BadRequest);
        Assert.Equal("Assessments.UnknownVersion", problem.GetProperty("code").GetString());
        Assert.Contains("2.0", problem.GetProperty("errors").GetProperty("productVersion")[0].GetString(), StringComparison.Ordinal);
        var draft = await (await s.Admin.PostAsJsonAsync($"/api/products/{s.Product.Id}/baselines", new { name = "draft" })).Content.ReadFromJsonAsync<JsonElement>();
        var unpublished = await Api.AssertProblemAsync(await s.Admin.PostAsJsonAsync($"/api/baselines/{draft.GetProperty("id").GetString()}/assessments", new { productVersion = "2.0" }), HttpStatusCode.BadRequest);
        Assert.Equal("Assessments.NotPublished", unpublished.GetProperty("code").GetString());

        // In Japanese, the refusal says so in Japanese, with the versions to choose from.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/baselines/{s.BaselineId}/assessments")
        {
            Content = JsonContent.Create(new { productVersion = "9.9" }),
            Headers = { { "Accept-Language", "ja" } },
        };
        var ja = await Api.AssertProblemAsync(await s.Admin.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Router のバージョンを指定してください: 2.0", ja.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Evidence_IsUploadedListedAndDownloaded_OnlyByThoseWhoSeeTheUnit(DatabaseProvider provider)
    {
        await using var s = await PublishedBaselineAsync(provider);
        var id = (await StartAsync(s.Admin, s.BaselineId)).GetProperty("id").GetString()!;
        var bytes = "%PDF-1.4 test report"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("etsi-en-303-645/5.1-1"), "key" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "検査報告書.pdf" },
        };
        var uploaded = await s.Admin.PostAsync($"/api/assessments/{id}/evidence", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("検査報告書.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(64, file.GetProperty("sha256").GetString()!.Length);

        var assessment = await s.Admin.GetFromJsonAsync<JsonElement>($"/api/assessments/{id}");
        var line = assessment.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "etsi-en-303-645/5.1-1");
        Assert.Equal(file.GetProperty("id").GetString(), line.GetProperty("files")[0].GetProperty("id").GetString());

        var download = await s.Admin.GetAsync(file.GetProperty("id").GetString() is { } fileId ? $"/api/assessments/{id}/evidence/{fileId}" : "");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        // Someone of another unit sees neither the assessment, nor its files, nor can upload.
        var other = await Api.CreateUnitAsync(s.Admin, "INFRA");
        await Api.CreateUserAsync(s.Admin, "ken", "Infra-Passw0rd-1", ["PsirtAnalyst"], [other.Id]);
        using var ken = s.App.ClientWithToken(await s.App.TokenAsync("ken", "Infra-Passw0rd-1"));
        var hidden = await Api.AssertProblemAsync(await ken.GetAsync($"/api/assessments/{id}"), HttpStatusCode.NotFound);
        Assert.Equal("Assessments.AssessmentNotFound", hidden.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await ken.GetAsync($"/api/assessments/{id}/evidence/{file.GetProperty("id").GetString()}"), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await RecordAsync(ken, id, "etsi-en-303-645/5.1-1", "NotImplemented"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await ken.GetFromJsonAsync<JsonElement>("/api/assessments")).GetArrayLength());
        Assert.Equal(0, (await ken.GetFromJsonAsync<JsonElement>("/api/portfolio/heatmap")).GetProperty("rows").GetArrayLength());
        // An auditor of the unit reads but does not write.
        await Api.CreateUserAsync(s.Admin, "mio", "Audit-Passw0rd-1", ["Auditor"], [s.UnitId]);
        using var mio = s.App.ClientWithToken(await s.App.TokenAsync("mio", "Audit-Passw0rd-1"));
        Assert.Equal(HttpStatusCode.OK, (await mio.GetAsync($"/api/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(mio, id, "etsi-en-303-645/5.1-1", "NotImplemented")).StatusCode);
    }

    [Fact]
    public async Task Evidence_ForALineNotInTheBaseline_IsRefused()
    {
        await using var s = await PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var id = (await StartAsync(s.Admin, s.BaselineId)).GetProperty("id").GetString()!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("etsi-en-303-645/5.9-1"), "key" },
            { new ByteArrayContent([1, 2, 3]), "file", "a.bin" },
        };
        var problem = await Api.AssertProblemAsync(await s.Admin.PostAsync($"/api/assessments/{id}/evidence", form), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("key", out _));
        Assert.Equal("Assessments.NoLine", problem.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Heatmap_ShowsRequiredAgainstActual_WorstFirst_WithHistoryAcrossVersions(DatabaseProvider provider)
    {
        await using var s = await PublishedBaselineAsync(provider);
        // A second product in the same field that meets everything.
        var camera = await Api.CreateProductAsync(s.Admin, s.UnitId, "Camera", "A", "device");
        await s.Admin.PostAsJsonAsync($"/api/products/{camera.Id}/versions", new { version = "1.0" });
        await s.Admin.PutAsJsonAsync($"/api/products/{camera.Id}/guidelines", new { guidelines = new[] { "uk-psti" } });
        var cameraBaseline = (await (await s.Admin.PostAsJsonAsync($"/api/products/{camera.Id}/baselines", new { name = "Camera baseline" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await s.Admin.PostAsync($"/api/baselines/{cameraBaseline}/publish", null);
        var cameraAssessment = await StartAsync(s.Admin, cameraBaseline, "1.0");
        foreach (var line in cameraAssessment.GetProperty("lines").EnumerateArray())
            await RecordAsync(s.Admin, cameraAssessment.GetProperty("id").GetString()!, line.GetProperty("key").GetString()!, "Implemented");

        // The router: version 2.0 meets every device MUST but nothing else; version 2.1 later meets all MUST.
        var first = await StartAsync(s.Admin, s.BaselineId);
        var firstId = first.GetProperty("id").GetString()!;
        foreach (var line in first.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("level").GetString() == "Must" && l.GetProperty("parts").EnumerateArray().Any(p => p.GetString() == "device")))
            await RecordAsync(s.Admin, firstId, line.GetProperty("key").GetString()!, "Implemented");

        var map = await s.Admin.GetFromJsonAsync<JsonElement>("/api/portfolio/heatmap");
        var rows = map.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Router", "Camera"], rows.Select(r => r.GetProperty("product").GetString()));
        Assert.False(rows[0].GetProperty("meetsRequired").GetBoolean());
        Assert.True(rows[1].GetProperty("meetsRequired").GetBoolean());
        Assert.Equal("Better", rows[1].GetProperty("actualLevel").GetString());
        var routerDevice = rows[0].GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "Device");
        Assert.InRange(routerDevice.GetProperty("ratio").GetDouble(), 0.01, 0.99);
        Assert.True(rows[0].GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "Management").GetProperty("ratio").GetDouble() < 1);

        // By common control, and filtered by field.
        var byControl = await s.Admin.GetFromJsonAsync<JsonElement>("/api/portfolio/heatmap?by=controls&field=A");
        Assert.Contains("secure-update", byControl.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, (await s.Admin.GetFromJsonAsync<JsonElement>("/api/portfolio/heatmap?field=Z")).GetProperty("rows").GetArrayLength());
        var colour = await Api.AssertProblemAsync(await s.Admin.GetAsync("/api/portfolio/heatmap?by=colour"), HttpStatusCode.BadRequest);
        Assert.Equal("Common.UnknownValue", colour.GetProperty("errors").TryGetProperty("by", out _) ? colour.GetProperty("code").GetString() : null);

        // History: a second version assessed later shows progress.
        await s.Admin.PostAsJsonAsync($"/api/products/{s.Product.Id}/versions", new { version = "2.1" });
        var second = await StartAsync(s.Admin, s.BaselineId, "2.1");
        foreach (var key in Keys(second, "Must"))
            await RecordAsync(s.Admin, second.GetProperty("id").GetString()!, key, "Implemented");
        var history = await s.Admin.GetFromJsonAsync<JsonElement>($"/api/products/{s.Product.Id}/history");
        Assert.Equal(["2.0", "2.1"], history.EnumerateArray().Select(p => p.GetProperty("version").GetString()));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("actualLevel").ValueKind);
        Assert.Equal("Must", history[1].GetProperty("actualLevel").GetString());
        Assert.Equal(1.0, history[1].GetProperty("shares").GetProperty("Must").GetDouble());
    }
}
