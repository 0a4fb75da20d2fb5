using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Psirt;

/// <summary>The PSIRT's organisation through the API: set-up, members with their FTE, and the RACI matrix of FIRST services.</summary>
public class PsirtOrganisationApiTests
{
    private static async Task<(Guid Qa, Guid Development)> DepartmentsAsync(HttpClient admin)
    {
        var departments = await admin.GetFromJsonAsync<JsonElement>("/api/stakeholders?kind=Department");
        Guid Department(string nameEn) => departments.EnumerateArray().Single(d => d.GetProperty("nameEn").GetString() == nameEn).GetProperty("id").GetGuid();
        return (Department("Quality Assurance"), Department("Development"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Organisation_HybridWithMembersAndRaci_ShowsTotalFteAndRowWarnings(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var (qa, development) = await DepartmentsAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/psirt/organisation", new { setup = "Hybrid", notes = "Central team plus one liaison per unit." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/psirt/members", new { name = "佐藤 花子", departmentId = qa, role = "PSIRT lead", commitment = "Dedicated" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/psirt/members", new { name = "Ken Tanaka", departmentId = development, role = "Liaison", commitment = "PartTime", timeSharePercent = 25 })).StatusCode);
        var badShare = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/members", new { name = "X", role = "Y", commitment = "PartTime", timeSharePercent = 120 }), HttpStatusCode.BadRequest);
        Assert.True(badShare.GetProperty("errors").TryGetProperty("timeSharePercent", out _));
        Assert.Equal("Psirt.PartTimeShare", badShare.GetProperty("code").GetString());

        var afterA = await (await admin.PutAsJsonAsync($"/api/psirt/raci/2.1/{qa}", new { role = "A" })).Content.ReadFromJsonAsync<string[]>();
        Assert.Equal(["NoResponsible"], afterA!);
        var afterR = await (await admin.PutAsJsonAsync($"/api/psirt/raci/2.1/{development}", new { role = "R" })).Content.ReadFromJsonAsync<string[]>();
        Assert.Empty(afterR!);
        var unknownService = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/psirt/raci/9.9/{qa}", new { role = "A" }), HttpStatusCode.BadRequest);
        Assert.Equal("Psirt.UnknownService", unknownService.GetProperty("code").GetString());
        Assert.True(unknownService.GetProperty("errors").TryGetProperty("serviceId", out _));
        var unknownLetter = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/psirt/raci/2.1/{qa}", new { role = "X" }), HttpStatusCode.BadRequest);
        Assert.Equal("Common.UnknownValue", unknownLetter.GetProperty("code").GetString());
        Assert.True(unknownLetter.GetProperty("errors").TryGetProperty("role", out _));

        var view = await admin.GetFromJsonAsync<JsonElement>("/api/psirt/organisation");
        Assert.Equal("Hybrid", view.GetProperty("setup").GetString());
        Assert.Equal(1.25m, view.GetProperty("totalFte").GetDecimal());
        Assert.Equal(2, view.GetProperty("members").GetArrayLength());
        var services = view.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(28, services.Count);
        var intake = services.Single(s => s.GetProperty("id").GetString() == "2.1");
        Assert.Equal("Intake of Vulnerability Reporting", intake.GetProperty("officialName").GetString());
        Assert.Equal(0, intake.GetProperty("warnings").GetArrayLength());
        Assert.Equal("A", intake.GetProperty("cells").GetProperty(qa.ToString()).GetString());
        var remedy = services.Single(s => s.GetProperty("id").GetString() == "4.1");
        Assert.NotEqual(JsonValueKind.Null, remedy.GetProperty("verify").ValueKind);
        Assert.Equal(["NoAccountable", "NoResponsible"], remedy.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Members_ChangeAndRemove_UnknownOnesAre404_UnknownDepartmentOrUserIs400()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var (qa, _) = await DepartmentsAsync(admin);
        var created = await admin.PostAsJsonAsync("/api/psirt/members", new { userId = (string?)null, name = "Sato", departmentId = qa, role = "Triage", commitment = "Dedicated" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/psirt/members/{id}", created.Headers.Location!.OriginalString);

        var changed = await admin.PutAsJsonAsync($"/api/psirt/members/{id}", new { name = "Sato", role = "Lead", commitment = "PartTime", timeSharePercent = 50 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(50, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timeSharePercent").GetInt32());

        var missing = Guid.NewGuid();
        var notFound = await Api.AssertProblemAsync(await admin.PutAsJsonAsync($"/api/psirt/members/{missing}", new { name = "X", role = "Y", commitment = "Dedicated" }), HttpStatusCode.NotFound);
        Assert.Equal("Psirt.MemberNotFound", notFound.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/psirt/members/{missing}"), HttpStatusCode.NotFound);

        var department = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/members", new { name = "X", role = "Y", commitment = "Dedicated", departmentId = missing }), HttpStatusCode.BadRequest);
        Assert.Equal("Psirt.UnknownDepartment", department.GetProperty("code").GetString());
        Assert.True(department.GetProperty("errors").TryGetProperty("departmentId", out _));
        var user = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/members", new { role = "Y", commitment = "Dedicated", userId = "nobody" }), HttpStatusCode.BadRequest);
        Assert.Equal("Psirt.UnknownUser", user.GetProperty("code").GetString());
        var blank = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/members", new { name = " ", role = "Y", commitment = "Dedicated" }), HttpStatusCode.BadRequest);
        Assert.Equal("Common.Required", blank.GetProperty("code").GetString());
        Assert.True(blank.GetProperty("errors").TryGetProperty("name", out _));
        var setup = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/psirt/organisation", new { setup = "Matrix" }), HttpStatusCode.BadRequest);
        Assert.True(setup.GetProperty("errors").TryGetProperty("setup", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/psirt/members/{id}")).StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/psirt/organisation")).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Refusals_AreSaidInJapanese_WhenTheRequestAsksForIt()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");

        var problem = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/psirt/members", new { name = "X", role = "Y", commitment = "PartTime", timeSharePercent = 0 }), HttpStatusCode.BadRequest);

        Assert.Equal("Psirt.PartTimeShare", problem.GetProperty("code").GetString());
        Assert.Equal("兼任メンバーの PSIRT 業務の割合は 1～99 % で指定してください。", problem.GetProperty("errors").GetProperty("timeSharePercent")[0].GetString());
    }

    [Fact]
    public async Task Roles_ProductOwnerReadsButCannotChange_AnonymousIsUnauthorized()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        await Api.CreateUserAsync(admin, "owner", "Owner-Passw0rd-1", ["ProductOwner"], [unit.Id]);
        using var owner = app.ClientWithToken(await app.TokenAsync("owner", "Owner-Passw0rd-1"));
        using var anonymous = app.CreateClient();
        var (qa, _) = await DepartmentsAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/psirt/organisation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutAsJsonAsync("/api/psirt/organisation", new { setup = "Hybrid" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync("/api/psirt/members", new { name = "X", role = "Y", commitment = "Dedicated" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutAsJsonAsync($"/api/psirt/raci/2.1/{qa}", new { role = "A" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/psirt/organisation")).StatusCode);
    }
}
