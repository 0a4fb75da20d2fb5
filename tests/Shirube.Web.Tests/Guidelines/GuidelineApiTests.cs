using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Guidelines;

public sealed class GuidelineApiTests : IAsyncLifetime
{
    private ShirubeApp _app = default!;
    private HttpClient _client = default!;

    public async ValueTask InitializeAsync()
    {
        _app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        _client = await _app.AdminAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task List_ShowsEtsiWithAll67Provisions()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/guidelines");
        var etsi = list.EnumerateArray().Single(g => g.GetProperty("id").GetString() == "etsi-en-303-645");
        Assert.Equal(67, etsi.GetProperty("requirements").GetInt32());
        Assert.Equal(["Device", "Network", "Platform", "Management"], etsi.GetProperty("partGroups").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task List_FilteredByRegion_HasOnlyThatRegion()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/guidelines?region=JP");
        Assert.NotEmpty(list.EnumerateArray());
        Assert.All(list.EnumerateArray(), g => Assert.Equal("JP", g.GetProperty("region").GetString()));
        Assert.Contains(list.EnumerateArray(), g => g.GetProperty("id").GetString() == "jp-iot-security-guideline-1.0");
    }

    [Fact]
    public async Task List_UnknownRegion_Returns400NamingIt()
    {
        var problem = await Api.AssertProblemAsync(await _client.GetAsync("/api/guidelines?region=Mars"), HttpStatusCode.BadRequest);
        Assert.Equal("Common.UnknownValue", problem.GetProperty("code").GetString());
        Assert.Contains("'Mars'", problem.GetProperty("errors").GetProperty("region")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matrix_AgreesWithTheRequirementTags()
    {
        var matrix = await _client.GetFromJsonAsync<JsonElement>("/api/guidelines/matrix");
        var row = matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "uk-psti");
        var detail = await _client.GetFromJsonAsync<JsonElement>("/api/guidelines/uk-psti");
        var requirements = detail.GetProperty("requirements").EnumerateArray().ToList();

        var deviceCount = requirements.Count(r => r.GetProperty("parts").EnumerateArray().Any(p => p.GetString() == "device"));
        var managementCount = requirements.Count(r => r.GetProperty("parts").EnumerateArray().Any(p => p.GetString() == "management"));
        Assert.Equal(deviceCount, row.GetProperty("groups").GetProperty("Device").GetProperty("count").GetInt32());
        Assert.Equal(managementCount, row.GetProperty("groups").GetProperty("Management").GetProperty("count").GetInt32());
        Assert.Equal(0, row.GetProperty("groups").GetProperty("Platform").GetProperty("count").GetInt32());
        Assert.False(row.GetProperty("coversAllGroups").GetBoolean());

        // The seminar's question: which guidelines cover all four groups, and which is the most detailed per group.
        var allRounders = matrix.GetProperty("allRounders").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains("etsi-en-303-645", allRounders);
        Assert.DoesNotContain("uk-psti", allRounders);
        Assert.All(matrix.GetProperty("mostDetailed").EnumerateObject(), kv => Assert.False(string.IsNullOrEmpty(kv.Value.GetString())));
    }

    [Fact]
    public async Task Matrix_FilteredByKind_HasOnlyThatKind()
    {
        var matrix = await _client.GetFromJsonAsync<JsonElement>("/api/guidelines/matrix?kind=Regulation&yearFrom=2020");
        var rows = matrix.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Regulation", r.GetProperty("kind").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("year").GetInt32() >= 2020));
    }

    [Theory]
    [InlineData("パスワード", "uk-psti")]
    [InlineData("default password", "uk-psti")]
    [InlineData("5.1-1", "etsi-en-303-645")]
    public async Task Search_FindsRequirementsInEitherLanguage(string query, string guideline)
    {
        var hits = await _client.GetFromJsonAsync<JsonElement>($"/api/guidelines/search?q={Uri.EscapeDataString(query)}");
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("guidelineId").GetString() == guideline);
    }

    [Fact]
    public async Task Control_ListsWhatEveryGuidelineRequiresForIt()
    {
        var control = await _client.GetFromJsonAsync<JsonElement>("/api/controls/no-default-passwords");
        var mapped = control.GetProperty("requirements").EnumerateArray()
            .Select(r => (r.GetProperty("guidelineId").GetString(), r.GetProperty("requirementId").GetString())).ToList();
        Assert.Contains(("uk-psti", "Sch1-1"), mapped);
        Assert.Contains(mapped, m => m.Item1 == "etsi-en-303-645" && m.Item2!.StartsWith("5.1-", StringComparison.Ordinal));
        Assert.True(control.GetProperty("control").GetProperty("guidelines").GetInt32() >= 3);
    }

    [Fact]
    public async Task Requirement_ShowsItsControlsAndTheirOtherRequirements()
    {
        var detail = await _client.GetFromJsonAsync<JsonElement>("/api/guidelines/uk-psti/requirements/Sch1-2");
        Assert.Equal("セキュリティ問題の報告方法を公表する", detail.GetProperty("requirement").GetProperty("title").GetProperty("ja").GetString());
        var disclosure = detail.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("control").GetProperty("id").GetString() == "vulnerability-disclosure");
        Assert.Contains(disclosure.GetProperty("requirements").EnumerateArray(), r => r.GetProperty("guidelineId").GetString() == "etsi-en-303-645");
    }

    [Fact]
    public async Task UnknownGuidelineOrRequirement_Returns404Problem()
    {
        Assert.Equal("Guidelines.NotFound", (await Api.AssertProblemAsync(await _client.GetAsync("/api/guidelines/nope"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("Guidelines.RequirementNotFound",
            (await Api.AssertProblemAsync(await _client.GetAsync("/api/guidelines/uk-psti/requirements/nope"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("Guidelines.ControlNotFound", (await Api.AssertProblemAsync(await _client.GetAsync("/api/controls/nope"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_Gets401()
    {
        using var anonymous = _app.CreateClient();
        await Api.AssertProblemAsync(await anonymous.GetAsync("/api/guidelines"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Recommend_ForAConsumerProductInTheUk_IncludesPstiWithAReason()
    {
        var selection = await _client.GetFromJsonAsync<JsonElement>("/api/guidelines/recommend?parts=device,network&sector=consumer&markets=UK");
        var picks = selection.GetProperty("picks").EnumerateArray().ToList();
        Assert.Equal("AllRound", picks[0].GetProperty("role").GetString());
        var psti = Assert.Single(picks, p => p.GetProperty("guideline").GetString() == "uk-psti");
        Assert.Equal("Mandatory", psti.GetProperty("role").GetString());
        Assert.Contains("PSTI", psti.GetProperty("reason").GetProperty("ja").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, selection.GetProperty("parts").GetArrayLength());
    }

    [Theory]
    [InlineData("parts=toaster", "parts", "Guidelines.UnknownPart")]
    [InlineData("parts=", "parts", "Guidelines.PartsRequired")]
    [InlineData("parts=device&sector=space", "sector", "Common.UnknownValue")]
    public async Task Recommend_BadInput_Returns400NamingTheField(string query, string field, string code)
    {
        var problem = await Api.AssertProblemAsync(await _client.GetAsync($"/api/guidelines/recommend?{query}"), HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
