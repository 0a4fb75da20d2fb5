using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Demo;

public class DemoApiTests
{
    private sealed record DemoCounts(int BusinessUnits, int Products, int Baselines, int Assessments, int Cases, int Incidents, int MaturityAssessments,
        int Stakeholders, int TrainingCourses);

    private sealed record HeatRow(string Product, string Field, string RequiredLevel, string? ActualLevel, bool MeetsRequired, Guid? AssessmentId,
        string? Version, int MustGaps);

    private sealed record Heatmap(HeatRow[] Rows);

    private sealed record HistoryPoint(string Version, string RequiredLevel, string? ActualLevel, Dictionary<string, double> Shares);

    [Fact]
    public async Task After_loading_the_example_the_heat_map_shows_required_against_actual_for_all_five_products()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();

        var loaded = await (await admin.PostAsync("/api/demo", null)).Content.ReadFromJsonAsync<DemoCounts>();
        Assert.Equal(new DemoCounts(2, 5, 10, 10, 5, 1, 1, loaded!.Stakeholders, 1), loaded);

        var heatmap = (await admin.GetFromJsonAsync<Heatmap>("/api/portfolio/heatmap"))!;
        Assert.Equal(["A", "B", "C", "D", "E"], heatmap.Rows.Select(r => r.Field).Order(StringComparer.Ordinal));
        Assert.All(heatmap.Rows, r =>
        {
            Assert.NotNull(r.AssessmentId);
            Assert.Contains(r.RequiredLevel, new[] { "Must", "Should", "Better" });
            // The actual level is missing only where a MUST is not met.
            Assert.Equal(r.MustGaps > 0, r.ActualLevel is null);
        });
        Assert.Contains(heatmap.Rows, r => r.MeetsRequired);
        Assert.True(heatmap.Rows.Count(r => !r.MeetsRequired) >= 2);

        // Each product's history has its two versions, the newer one doing at least as well.
        var products = (await admin.GetFromJsonAsync<ProductResponse[]>("/api/products"))!;
        foreach (var product in products)
        {
            var history = (await admin.GetFromJsonAsync<HistoryPoint[]>($"/api/products/{product.Id}/history"))!;
            Assert.Equal(2, history.Length);
            Assert.NotEqual(history[0].Version, history[1].Version);
            Assert.Equal(heatmap.Rows.Single(r => r.Product == product.Name).Version, history[1].Version);
            Assert.True(history[1].Shares["Must"] >= history[0].Shares["Must"], product.Name);
        }

        // The example was written by the signed-in administrator, as the audit log says.
        await using (var db = app.Database.NewContext())
            Assert.True(await db.AuditEntries.CountAsync(a => a.UserName == ShirubeApp.AdminUser && a.EntityType == "Assessment") == loaded.Assessments);

        var removed = await (await admin.DeleteAsync("/api/demo")).Content.ReadFromJsonAsync<DemoCounts>();
        Assert.Equal(loaded, removed);
        Assert.Empty((await admin.GetFromJsonAsync<Heatmap>("/api/portfolio/heatmap"))!.Rows);
    }

    [Fact]
    public async Task A_new_maturity_self_assessment_does_not_start_from_the_examples()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        Assert.True((await admin.PostAsync("/api/demo", null)).IsSuccessStatusCode);

        var started = await admin.PostAsJsonAsync("/api/psirt/maturity", new { title = "Our first self-assessment" });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var draft = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("previousId").ValueKind);
        Assert.All(draft.GetProperty("answers").EnumerateArray(), a => Assert.Equal("NotAssessed", a.GetProperty("practice").GetString()));
        // The example goes; the company's own draft stays.
        Assert.True((await admin.DeleteAsync("/api/demo")).IsSuccessStatusCode);
        Assert.Equal("Our first self-assessment", Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/psirt/maturity")).EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Removing_while_a_baseline_of_ones_own_inherits_an_example_company_baseline_is_409_in_the_callers_language()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        Assert.True((await admin.PostAsync("/api/demo", null)).IsSuccessStatusCode);
        var unit = await Api.CreateUnitAsync(admin, "OWN");
        var hub = await Api.CreateProductAsync(admin, unit.Id, "Own hub", "A", "device");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/products/{hub.Id}/baselines", new { inherit = true })).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/demo");
        request.Headers.Add("Accept-Language", "en");
        var problem = await Api.AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.Conflict);

        Assert.Equal("Demo.OwnBaselinesInheritExample", problem.GetProperty("code").GetString());
        Assert.Equal("Baselines of your own inherit from an example company baseline; delete them or their products first.", problem.GetProperty("detail").GetString());
        Assert.Equal(5, (await admin.GetFromJsonAsync<ProductResponse[]>("/api/products"))!.Count(p => p.IsDemo));
    }

    [Fact]
    public async Task Demo_WhenAnExampleUnitCodeIsTaken_Is409WithTheCodeInTheCallersLanguage()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        await Api.CreateUnitAsync(admin, "HOME");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/demo");
        request.Headers.Add("Accept-Language", "ja");
        var problem = await Api.AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.Conflict);
        Assert.Equal("Demo.UnitCodeTaken", problem.GetProperty("code").GetString());
        Assert.Equal("コード 'HOME' の事業部がすでにあるため、サンプルのポートフォリオは読み込みませんでした。", problem.GetProperty("detail").GetString());
    }
}
