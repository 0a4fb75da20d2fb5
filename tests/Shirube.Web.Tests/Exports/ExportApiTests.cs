using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Data;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports;
using Shirube.Formats.Oscal.Resolution;
using Shirube.Web.Tests.Assessments;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Exports;

public class ExportApiTests
{
    private static async Task<string> WorkbookXmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task BaselineProfile_ResolvesThroughTheGuidelinesOwnCatalogs_ToTheIncludedRequirements()
    {
        await using var s = await AssessmentApiTests.PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var baseline = await s.Admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{s.BaselineId}");
        var included = baseline.GetProperty("items").EnumerateArray().Count(i => !i.GetProperty("excluded").GetBoolean());

        var response = await s.Admin.GetAsync($"/api/baselines/{s.BaselineId}/export?format=oscal&lang=ja");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.NotNull(profile["profile"]);

        // The user downloads the guideline's catalog from Shirube under the name the profile's rlink gives.
        var folder = new Uri("memory://downloads/");
        var catalog = JsonNode.Parse(await s.Admin.GetStringAsync("/api/guidelines/etsi-en-303-645/oscal?lang=ja"))!.AsObject();
        var source = new InMemoryDocumentSource().Add(new Uri(folder, OscalProfileWriter.CatalogFileName("etsi-en-303-645", "ja")), catalog);
        var resolved = ProfileResolver.Resolve(profile, new Uri(folder, "profile.json"), source, DateTimeOffset.UtcNow);

        Assert.Empty(resolved.Warnings);
        Assert.Equal(included, resolved.ControlCount);
        Assert.Contains("ファームウェアは HSM で署名する", resolved.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Baseline_AsXlsxHtmlAndPdf_CarriesTheBaseline()
    {
        await using var s = await AssessmentApiTests.PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var workbook = await WorkbookXmlAsync(await s.Admin.GetAsync($"/api/baselines/{s.BaselineId}/export?format=xlsx"));
        Assert.Contains(BaselineXlsxWriter.SheetName(IotPartGroup.Device), workbook, StringComparison.Ordinal);

        var html = await s.Admin.GetStringAsync($"/api/baselines/{s.BaselineId}/export?format=html&lang=ja");
        Assert.Contains("製品セキュリティガイドライン", html, StringComparison.Ordinal);
        Assert.Contains("Router", html, StringComparison.Ordinal);

        var pdf = await s.Admin.GetAsync($"/api/baselines/{s.BaselineId}/export?format=pdf&lang=ja");
        if (pdf.StatusCode == HttpStatusCode.ServiceUnavailable)
            Assert.Skip((await pdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task Assessment_AsXlsxAndOscalAssessmentResults_CarriesTheResults()
    {
        await using var s = await AssessmentApiTests.PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var assessment = await AssessmentApiTests.StartAsync(s.Admin, s.BaselineId);
        var id = assessment.GetProperty("id").GetString();
        await s.Admin.PutAsJsonAsync($"/api/assessments/{id}/entries", new { key = "etsi-en-303-645/5.1-1", status = "Implemented", evidence = "Unique passwords printed on the label." });

        var workbook = await WorkbookXmlAsync(await s.Admin.GetAsync($"/api/assessments/{id}/export?format=xlsx"));
        Assert.Contains(BaselineXlsxWriter.SheetName(IotPartGroup.Device), workbook, StringComparison.Ordinal);

        var results = JsonNode.Parse(await s.Admin.GetStringAsync($"/api/assessments/{id}/export?format=oscal"))!;
        var result = results["assessment-results"]!["results"]![0]!;
        Assert.Contains("Unique passwords printed on the label.", result.ToJsonString(), StringComparison.Ordinal);
        // One finding per assessed line; lines not yet assessed have none.
        Assert.Single(result["findings"]!.AsArray());
    }

    [Theory]
    [InlineData("format=docx", "format")]
    [InlineData("format=pdf&lang=fr", "lang")]
    public async Task Export_BadFormatOrLanguage_Is400(string query, string field)
    {
        await using var s = await AssessmentApiTests.PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var problem = await Api.AssertProblemAsync(await s.Admin.GetAsync($"/api/baselines/{s.BaselineId}/export?{query}"), HttpStatusCode.BadRequest);
        Assert.Equal("Common.UnknownValue", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Export_OfAnotherUnitsBaseline_Is404()
    {
        await using var s = await AssessmentApiTests.PublishedBaselineAsync(DatabaseProvider.Sqlite);
        var other = await Api.CreateUnitAsync(s.Admin, "INFRA");
        await Api.CreateUserAsync(s.Admin, "ken", "Infra-Passw0rd-1", ["PsirtAnalyst"], [other.Id]);
        using var ken = s.App.ClientWithToken(await s.App.TokenAsync("ken", "Infra-Passw0rd-1"));
        var hidden = await Api.AssertProblemAsync(await ken.GetAsync($"/api/baselines/{s.BaselineId}/export?format=xlsx"), HttpStatusCode.NotFound);
        Assert.Equal("Baselines.NotFound", hidden.GetProperty("code").GetString());
        var missing = await Api.AssertProblemAsync(await ken.GetAsync($"/api/assessments/{Guid.NewGuid()}/export?format=xlsx"), HttpStatusCode.NotFound);
        Assert.Equal("Exports.AssessmentNotFound", missing.GetProperty("code").GetString());
    }
}
