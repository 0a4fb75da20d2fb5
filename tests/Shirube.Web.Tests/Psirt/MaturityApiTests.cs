using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Psirt;

public class MaturityApiTests
{
    private static async Task<JsonElement> AnswerAsync(HttpClient client, Guid id, string service, string practice, string? level = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PutAsJsonAsync($"/api/psirt/maturity/{id}/answers/{service}", new { practice, ownerDepartment = "Quality assurance", evidence = "QA-PRC-12", level });
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Trend(JsonElement assessment, string service) =>
        assessment.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("serviceId").GetString() == service).GetProperty("trend").GetString()!;

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Reassessment_StartsFromTheCompletedOne_WhichIsFrozen_AndShowsProgress(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();

        var framework = await admin.GetFromJsonAsync<JsonElement>("/api/psirt/framework");
        Assert.Equal(6, framework.GetProperty("areas").GetArrayLength());
        Assert.True(framework.GetProperty("levels")[0].GetProperty("verify").GetBoolean());

        var created = await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = "FY2026 H1", assessedOn = "2026-06-30", assessedBy = "PSIRT team" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AnswerAsync(admin, first, "2.1", "InPlace", "Basic");
        await AnswerAsync(admin, first, "1.1", "Partial");
        var answered = await AnswerAsync(admin, first, "6.5", "NotApplicable");
        // 1.5 points over 27 counted services (6.5 left out).
        Assert.Equal(Math.Round(1.5m / 27, 4), answered.GetProperty("overall").GetDecimal());
        Assert.Equal(0.0714m, answered.GetProperty("areas")[0].GetProperty("score").GetDecimal());

        // One draft at a time.
        var draftOpen = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = "Another" }), HttpStatusCode.Conflict);
        Assert.Equal("Psirt.DraftOpen", draftOpen.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/psirt/maturity/{first}/complete", null)).StatusCode);

        // Frozen: no answer, no second completion.
        var frozen = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/psirt/maturity/{first}/answers/1.1", new { practice = "InPlace" }), HttpStatusCode.Conflict);
        Assert.Equal("Psirt.AssessmentCompleted", frozen.GetProperty("code").GetString());
        Assert.Contains("FY2026 H1", frozen.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Api.AssertProblemAsync(await admin.PostAsync($"/api/psirt/maturity/{first}/complete", null), HttpStatusCode.Conflict);

        var second = await (await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = "FY2026 H2", assessedOn = "2026-12-20" })).Content.ReadFromJsonAsync<JsonElement>();
        var secondId = second.GetProperty("id").GetGuid();
        Assert.Equal(first, second.GetProperty("previousId").GetGuid());
        Assert.Equal("Partial", second.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("serviceId").GetString() == "1.1").GetProperty("practice").GetString());
        await AnswerAsync(admin, secondId, "1.1", "InPlace");
        var now = await AnswerAsync(admin, secondId, "2.1", "Partial", "Basic");
        Assert.Equal(("Improved", "Worse", "Unchanged"), (Trend(now, "1.1"), Trend(now, "2.1"), Trend(now, "3.1")));
        Assert.Equal(["Improved", "Worse", "Unchanged"], now.GetProperty("areas").EnumerateArray().Take(3).Select(a => a.GetProperty("trend").GetString()));

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/psirt/maturity");
        Assert.Equal(["FY2026 H2", "FY2026 H1"], list.EnumerateArray().Select(a => a.GetProperty("title").GetString()));
    }

    public sealed record AccessCase(string Name, string? Role, HttpStatusCode Read, HttpStatusCode Answer, HttpStatusCode Start)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<AccessCase> Access => new(
        new AccessCase("anonymous: 401 everywhere", null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
        new AccessCase("product owner reads, cannot edit", "ProductOwner", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        new AccessCase("auditor reads, cannot edit", "Auditor", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        new AccessCase("analyst answers, cannot start or complete", "PsirtAnalyst", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden),
        new AccessCase("PSIRT manager does everything", "PsirtManager", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict));

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Endpoints_ByRole_ReadForEveryoneSignedInEditForThePsirt(AccessCase c)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var id = (await (await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = "FY2026" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        HttpClient client;
        if (c.Role is { } role)
        {
            var unit = await Api.CreateUnitAsync(admin, "HOME");
            await Api.CreateUserAsync(admin, "someone", "Someone-Passw0rd!", [role], [unit.Id]);
            client = app.ClientWithToken(await app.TokenAsync("someone", "Someone-Passw0rd!"));
        }
        else
            client = app.CreateClient();
        using (client)
        {
            Assert.Equal(c.Read, (await client.GetAsync($"/api/psirt/maturity/{id}")).StatusCode);
            Assert.Equal(c.Read, (await client.GetAsync("/api/psirt/framework")).StatusCode);
            var answer = await client.PutAsJsonAsync($"/api/psirt/maturity/{id}/answers/1.1", new { practice = "InPlace" });
            if (c.Answer == HttpStatusCode.OK)
                Assert.Equal("InPlace", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answers")[0].GetProperty("practice").GetString());
            else
                await Api.AssertProblemAsync(answer, c.Answer);
            // The manager gets 409 here only because a draft is open: the role was let through.
            await Api.AssertProblemAsync(await client.PostAsJsonAsync("/api/psirt/maturity", new { title = "Second" }), c.Start);
        }
    }

    [Theory]
    [InlineData("practice", "Done", null, "1.1")]
    [InlineData("practice", "2", null, "1.1")]
    [InlineData("level", "InPlace", "Expert", "1.1")]
    public async Task Answer_BadInput_Is400NamingTheField(string field, string practice, string? level, string service)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var id = (await (await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = "FY2026" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var problem = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/psirt/maturity/{id}/answers/{service}", new { practice, level }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("Common.UnknownValue", problem.GetProperty("code").GetString());
        var unknownService = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/psirt/maturity/{id}/answers/9.9", new { practice = "InPlace" }), HttpStatusCode.NotFound);
        Assert.Equal("Psirt.ServiceNotFound", unknownService.GetProperty("code").GetString());
        var unknownAssessment = await Api.AssertProblemAsync(await admin.GetAsync($"/api/psirt/maturity/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal("Psirt.AssessmentNotFound", unknownAssessment.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = "" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Start_WithoutTitle_Is400NamingTheTitle_InJapaneseWhenAsked()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var problem = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = " " }), HttpStatusCode.BadRequest);

        Assert.Equal("Common.Required", problem.GetProperty("code").GetString());
        Assert.Equal("入力してください。", problem.GetProperty("errors").GetProperty("title")[0].GetString());
    }
}
