using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Training;

/// <summary>Training through the API, on a fake clock that the test moves past due dates and validity.</summary>
public class TrainingApiTests
{
    private static string[] States(JsonElement rows) => [.. rows.EnumerateArray().Select(r => $"{r.GetProperty("userName").GetString()}:{r.GetProperty("state").GetString()}").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RoleAssignment_GoesOverdue_IsCompleted_ThenExpires_AndReachesLaterHolders(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await ShirubeApp.StartAsync(provider, clock: clock);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var hana = await Api.CreateUserAsync(admin, "hana", "Hana-Passw0rd!", ["PsirtAnalyst"], [unit.Id]);
        await Api.CreateUserAsync(admin, "taro", "Taro-Passw0rd!", ["PsirtAnalyst"], [unit.Id]);
        await Api.CreateUserAsync(admin, "owner", "Owner-Passw0rd!", ["ProductOwner"], [unit.Id]);

        var course = await admin.PostAsJsonAsync("/api/training/courses", new { titleEn = "PSIRT process", titleJa = "PSIRT プロセス", audience = "analysts", durationMinutes = 90, validityMonths = 12, firstServiceId = "6.1" });
        Assert.Equal(HttpStatusCode.Created, course.StatusCode);
        var courseId = (await course.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var assigned = await (await admin.PostAsJsonAsync("/api/training/assignments", new { courseId, role = "PsirtAnalyst", dueOn = "2026-12-31" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["hana", "taro"], assigned.GetProperty("assignees").EnumerateArray().Select(a => a.GetProperty("userName").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/training/overdue")).GetArrayLength());

        // Hana records her own completion; she may not record one for Taro.
        clock.Advance(TimeSpan.FromDays(10));
        using var hanaClient = app.ClientWithToken(await app.TokenAsync("hana", "Hana-Passw0rd!"));
        Assert.Equal(HttpStatusCode.Created, (await hanaClient.PostAsJsonAsync("/api/training/completions", new { courseId, note = "Session 1" })).StatusCode);
        var forTaro = await Api.AssertProblemAsync(await hanaClient.PostAsJsonAsync("/api/training/completions", new { courseId, userId = assigned.GetProperty("assignees")[1].GetProperty("userId").GetString() }), HttpStatusCode.Forbidden);
        Assert.Equal("Training.RecordForOthers", forTaro.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await hanaClient.GetAsync("/api/training/overdue"), HttpStatusCode.Forbidden);
        var mine = await hanaClient.GetFromJsonAsync<JsonElement>("/api/training/mine");
        Assert.Equal(["hana:Done"], States(mine));
        Assert.Equal("2027-12-10", mine[0].GetProperty("validUntil").GetString());

        // After the due date: Taro is overdue. A new analyst joins; refreshing the assignment adds him.
        clock.Advance(TimeSpan.FromDays(30));
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));
        Assert.Equal(["taro:Overdue"], States(await admin.GetFromJsonAsync<JsonElement>("/api/training/overdue")));
        await Api.CreateUserAsync(admin, "jiro", "Jiro-Passw0rd!", ["PsirtAnalyst"], [unit.Id]);
        var refreshed = await (await admin.PostAsync($"/api/training/assignments/{assigned.GetProperty("id").GetGuid()}/refresh", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, refreshed.GetProperty("assignees").GetArrayLength());
        Assert.Equal(["jiro:Overdue", "taro:Overdue"], States(await admin.GetFromJsonAsync<JsonElement>("/api/training/overdue")));

        // A year after Hana's completion it has expired: she is on the list again.
        clock.Advance(TimeSpan.FromDays(340));
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));
        Assert.Equal(["hana:Expired", "jiro:Overdue", "taro:Overdue"], States(await admin.GetFromJsonAsync<JsonElement>("/api/training/overdue")));

        // The auditor reads everything; a product owner sees only their own (nothing) and cannot manage.
        using var owner = app.ClientWithToken(await app.TokenAsync("owner", "Owner-Passw0rd!"));
        Assert.Equal(0, (await owner.GetFromJsonAsync<JsonElement>("/api/training/mine")).GetArrayLength());
        await Api.AssertProblemAsync(await owner.PostAsJsonAsync("/api/training/courses", new { titleEn = "x", titleJa = "x" }), HttpStatusCode.Forbidden);
        await Api.AssertProblemAsync(await owner.GetAsync("/api/training/assignments"), HttpStatusCode.Forbidden);
        Assert.Equal(hana.Id, (await admin.GetFromJsonAsync<JsonElement>("/api/training/completions"))[0].GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Endpoints_Anonymous_Get401AndBadInputGets400NamingTheField()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();
        foreach (var path in new[] { "/api/training/courses", "/api/training/mine", "/api/training/overdue" })
            await Api.AssertProblemAsync(await anonymous.GetAsync(path), HttpStatusCode.Unauthorized);
        using var admin = await app.AdminAsync();
        var problem = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/training/courses", new { titleEn = "x", titleJa = "x", firstServiceId = "7.1" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("firstServiceId", out _));
        Assert.Equal("Training.NotAFirstService", problem.GetProperty("code").GetString());
        problem = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/training/courses", new { titleEn = "x", titleJa = "x", validityMonths = 0 }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("validityMonths", out _));
        Assert.Equal("Common.OutOfRange", problem.GetProperty("code").GetString());
        problem = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/training/assignments", new { courseId = Guid.NewGuid(), role = "Janitor", dueOn = "2027-01-01" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("courseId", out _));
        Assert.Equal("Training.UnknownCourse", problem.GetProperty("code").GetString());
        problem = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/training/assignments", new { role = "PsirtAnalyst" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("courseId", out _));
        Assert.Equal("Common.Required", problem.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await admin.PostAsync($"/api/training/assignments/{Guid.NewGuid()}/refresh", null), HttpStatusCode.NotFound);
        // In Japanese, the refusal is said in Japanese.
        using var ja = new HttpRequestMessage(HttpMethod.Post, "/api/training/courses") { Content = JsonContent.Create(new { titleEn = "x", titleJa = "x", validityMonths = 0 }) };
        ja.Headers.AcceptLanguage.ParseAdd("ja");
        problem = await Api.AssertProblemAsync(await admin.SendAsync(ja), HttpStatusCode.BadRequest);
        Assert.Equal("1～120の範囲で指定してください。", problem.GetProperty("errors").GetProperty("validityMonths")[0].GetString());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/training/courses")).GetArrayLength());
    }
}
