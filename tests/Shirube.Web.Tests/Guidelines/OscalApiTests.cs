using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Guidelines;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Guidelines;

public sealed class OscalApiTests : IAsyncLifetime
{
    private ShirubeApp _app = default!;
    private HttpClient _admin = default!;

    public async ValueTask InitializeAsync()
    {
        _app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        _admin = await _app.AdminAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Export_ThenImportUnderAnotherId_GivesTheSameRequirements()
    {
        var response = await _admin.GetAsync("/api/guidelines/uk-psti/oscal?lang=ja");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("uk-psti.ja.oscal-catalog.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var oscal = await response.Content.ReadAsStringAsync();
        Assert.Equal("1.0.6", JsonDocument.Parse(oscal).RootElement.GetProperty("catalog").GetProperty("metadata").GetProperty("oscal-version").GetString());

        var imported = await _admin.PostAsync("/api/guidelines/import?id=psti-copy", Json(oscal));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        var original = await _admin.GetFromJsonAsync<JsonElement>("/api/guidelines/uk-psti");
        var copy = await _admin.GetFromJsonAsync<JsonElement>("/api/guidelines/psti-copy");
        Assert.Equal("Imported", copy.GetProperty("guideline").GetProperty("origin").GetString());
        Assert.Equal(Ids(original), Ids(copy));
        Assert.Equal(
            original.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("title").GetProperty("ja").GetString()),
            copy.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("title").GetProperty("ja").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/guidelines/psti-copy")).StatusCode);
        await Api.AssertProblemAsync(await _admin.GetAsync("/api/guidelines/psti-copy"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_Nist80053Rev5_ImportsEveryControlAndIsAudited()
    {
        var corpora = Environment.GetEnvironmentVariable("SHIRUBE_CORPORA");
        Assert.SkipWhen(string.IsNullOrEmpty(corpora), "SHIRUBE_CORPORA is not set: the NIST catalog import runs in CI.");
        var file = Path.Combine(corpora!, "oscal-content", "rev5-2021-06-08", "nist.gov", "SP800-53", "rev5", "json", "NIST_SP-800-53_rev5_catalog.json");
        var json = await File.ReadAllTextAsync(file);
        var expected = CountControls(JsonDocument.Parse(json).RootElement.GetProperty("catalog"));

        var response = await _admin.PostAsync("/api/guidelines/import?id=nist-sp-800-53-rev5", Json(json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await _admin.GetFromJsonAsync<JsonElement>("/api/guidelines/nist-sp-800-53-rev5");
        Assert.Equal(expected, detail.GetProperty("requirements").GetArrayLength());
        var enhancement = await _admin.GetFromJsonAsync<JsonElement>("/api/guidelines/nist-sp-800-53-rev5/requirements/ac-2.1");
        Assert.Equal("ac-2", enhancement.GetProperty("requirement").GetProperty("parent").GetString());
        // Imported catalogs are untagged: they do not distort the coverage matrix.
        var matrix = await _admin.GetFromJsonAsync<JsonElement>("/api/guidelines/matrix");
        Assert.DoesNotContain(matrix.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetString() == "nist-sp-800-53-rev5");
        var audit = await _admin.GetFromJsonAsync<JsonElement>("/api/audit?entityType=ImportedCatalog");
        var entry = Assert.Single(audit.GetProperty("entries").EnumerateArray());
        Assert.Contains($"({json.Length} characters)", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadDocument_Returns400NamingThePlace()
    {
        var problem = await Api.AssertProblemAsync(await _admin.PostAsync("/api/guidelines/import", Json("""{"catalog": {"uuid": 5}}""")), HttpStatusCode.BadRequest);
        Assert.Equal("Guidelines.UnreadableCatalog", problem.GetProperty("code").GetString());
        Assert.Contains("catalog", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        await Api.AssertProblemAsync(await _admin.PostAsync("/api/guidelines/import", Json("not json")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Import_UnderAShippedId_IsRefused()
    {
        var oscal = await _admin.GetStringAsync("/api/guidelines/uk-psti/oscal");
        var shipped = await Api.AssertProblemAsync(await _admin.PostAsync("/api/guidelines/import?id=uk-psti", Json(oscal)), HttpStatusCode.Conflict);
        Assert.Equal("Guidelines.ShippedGuideline", shipped.GetProperty("code").GetString());
        var kept = await Api.AssertProblemAsync(await _admin.DeleteAsync("/api/guidelines/uk-psti"), HttpStatusCode.NotFound);
        Assert.Equal("Guidelines.ImportNotFound", kept.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Import_ByAnAnalyst_IsForbidden()
    {
        await Api.CreateUserAsync(_admin, "taro", "Analyst-Passw0rd-1", ["PsirtAnalyst"], []);
        using var taro = _app.ClientWithToken(await _app.TokenAsync("taro", "Analyst-Passw0rd-1"));
        var oscal = await taro.GetStringAsync("/api/guidelines/uk-psti/oscal");
        await Api.AssertProblemAsync(await taro.PostAsync("/api/guidelines/import?id=x", Json(oscal)), HttpStatusCode.Forbidden);
    }

    private static string?[] Ids(JsonElement guideline) =>
        [.. guideline.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("id").GetString())];

    private static int CountControls(JsonElement node)
    {
        var count = 0;
        foreach (var name in new[] { "groups", "controls" })
        {
            if (!node.TryGetProperty(name, out var children))
                continue;
            foreach (var child in children.EnumerateArray())
                count += (name == "controls" ? 1 : 0) + CountControls(child);
        }
        return count;
    }

    [Fact]
    public async Task Import_OfAFileOverTheLimit_IsRefusedBeforeItIsRead()
    {
        // The guideline list hands the upload to the command, which refuses it by its declared size, by code.
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem();
        var commands = scope.ServiceProvider.GetRequiredService<GuidelineCommands>();
        using var never = new MemoryStream();
        var error = await Assert.ThrowsAsync<DomainException>(() => commands.ImportAsync(never, GuidelineCommands.MaxBytes + 1, null, CancellationToken.None));
        Assert.Equal("Guidelines.CatalogTooLarge", error.Error.Code);
        Assert.Equal("body", error.Field);
    }
}
