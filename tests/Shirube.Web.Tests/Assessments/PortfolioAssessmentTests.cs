using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Assessments;

/// <summary>
/// The second question of our users, in the browser: a company baseline for a field, a product baseline that inherits
/// it, tailoring bottom-up and top-down, an assessment with evidence, and the portfolio heat map of required against
/// actual — on the example portfolio, in Japanese and English.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class PortfolioAssessmentTests
{
    private const string Admin = "admin";
    private const string Password = "Portfolio-Walk-Passw0rd";
    private const string Router = "Wi-Fi home router HR-300";

    private static async Task<HttpClient> ApiAsync(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "browser test", expiresInDays = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return http;
    }

    private static async Task PickAsync(IPage page, ILocator select, string item)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
    }

    [Fact]
    public async Task DemoPortfolio_SelectionTailoringBothWaysAssessmentAndHeatmap_InJapaneseAndEnglish()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = await ApiAsync(server);
        Assert.True((await api.PostAsync("/api/demo", null)).IsSuccessStatusCode);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, Admin, Password);

        // The company baseline of field A (the portfolio's MUST / SHOULD / BETTER), published.
        var company = await (await api.PostAsJsonAsync("/api/company-baselines", new { field = "A", guidelines = new[] { "etsi-en-303-645" } })).Content.ReadFromJsonAsync<JsonElement>();
        await api.PostAsync($"/api/baselines/{company.GetProperty("id").GetString()}/publish", null);
        await page.GotoAsync("/company-baselines");
        await Assertions.Expect(page.Locator("[data-testid=company-baselines]")).ToContainTextAsync("Field A company baseline");

        // Selection: the router's recommended guidelines, accepted.
        await page.GotoAsync("/products");
        await BrowserSession.ClickToPageAsync(page, $"text={Router}", "**/products/*-*");
        await Assertions.Expect(page.Locator("[data-testid=product-guidelines]")).ToContainTextAsync("EU CRA Annex I");
        await page.ClickAsync("[data-testid=accept-guidelines]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("保存しました");

        // Tailoring, inherited: the product baseline takes the company baseline and overrides it.
        await BrowserSession.ClickToPageAsync(page, "[data-testid=inherit-baseline]", "**/baselines/**");
        var baselineId = page.Url.Split('/')[^1];
        await Assertions.Expect(page.Locator("[data-testid=inherits]")).ToContainTextAsync("Field A company baseline v1 を継承しています");

        // Bottom-up: a line left out with its reason.
        var row = page.Locator("[data-testid=baseline-items] tbody tr", new() { HasText = "5.9-1" });
        await row.Locator("input").Last.FillAsync("商用電源で動作し、停電時の復旧は ISP 側で扱う");
        await row.Locator("input").Last.PressAsync("Tab");
        await Assertions.Expect(row).ToContainTextAsync("商用電源で動作し");

        // Top-down: a common control decided not needed, with the reason; its lines leave the baseline.
        await page.ClickAsync("text=トップダウンの確認");
        var control = page.Locator("[data-testid=top-down-table] tbody tr", new() { HasText = "ソフトウェアの完全性" }).First;
        await control.Locator("input").FillAsync("ブートローダーは SoC ベンダーの固定 ROM で検証済み");
        await control.Locator("button", new() { HasText = "不要" }).ClickAsync();
        await Assertions.Expect(control).ToContainTextAsync("不要");
        await page.ClickAsync("[data-testid=publish]");
        await Assertions.Expect(page.Locator("[data-testid=baseline-status]")).ToContainTextAsync("バージョン 1");
        await BrowserSession.Screenshot(page, "20-baseline-inherited-ja", fullPage: false);

        // Assessment of version 2.0 against the published baseline.
        await PickAsync(page, page.Locator("[data-testid=assess-version]"), "2.0");
        await BrowserSession.ClickToPageAsync(page, "[data-testid=start-assessment]", "**/assessments/**");
        var assessmentId = page.Url.Split('/')[^1];
        await Assertions.Expect(page.Locator("[data-testid=actual-level]")).ToHaveTextAsync("MUST 未達");

        // Most lines through the API, as a script would; two in the page, one of them with an uploaded file.
        var assessment = await api.GetFromJsonAsync<JsonElement>($"/api/assessments/{assessmentId}");
        var lines = assessment.GetProperty("lines").EnumerateArray().ToList();
        var first = lines[0].GetProperty("key").GetString()!;
        foreach (var line in lines.Skip(2))
        {
            var status = line.GetProperty("level").GetString() == "Better" ? "NotImplemented" : "Implemented";
            Assert.True((await api.PutAsJsonAsync($"/api/assessments/{assessmentId}/entries", new { key = line.GetProperty("key").GetString(), status })).IsSuccessStatusCode);
        }
        await page.ReloadAsync();
        await BrowserSession.WaitUntilInteractive(page);
        var firstRow = page.Locator($"tr[data-key='{first}']");
        await PickAsync(page, firstRow.Locator(".mud-select").First, "実装済み");
        await Assertions.Expect(firstRow).ToContainTextAsync("admin");
        await firstRow.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "検査報告書.txt", MimeType = "text/plain", Buffer = "パスワード検査: 合格"u8.ToArray() });
        await Assertions.Expect(firstRow.Locator("[data-testid=evidence-file]")).ToHaveTextAsync("検査報告書.txt");
        var secondRow = page.Locator($"tr[data-key='{lines[1].GetProperty("key").GetString()}']");
        await PickAsync(page, secondRow.Locator(".mud-select").First, "一部実装");
        await Assertions.Expect(page.Locator("[data-testid=gap-list]")).ToContainTextAsync("一部実装");
        await BrowserSession.Screenshot(page, "21-assessment-ja", fullPage: false);

        // The heat map: the router short of its required level, per IoT part.
        await page.GotoAsync("/portfolio");
        var heatmap = page.Locator("[data-testid=portfolio-heatmap]");
        var routerRow = heatmap.Locator("tbody tr", new() { HasText = Router });
        await Assertions.Expect(routerRow).ToContainTextAsync("2.0");
        await Assertions.Expect(routerRow.Locator("[data-testid=actual]")).ToHaveTextAsync("MUST 未達");
        // Worst first: the example's camera misses more MUSTs than the router does now.
        await Assertions.Expect(heatmap.Locator("tbody tr").First.Locator("[data-testid=actual]")).ToHaveTextAsync("MUST 未達");
        await BrowserSession.Screenshot(page, "22-heatmap-ja");

        // The dashboard shows the largest gaps first; in English.
        await page.GotoAsync("/");
        await BrowserSession.SwitchLanguageAsync(page, "en");
        await Assertions.Expect(page.Locator("[data-testid=worst-gaps]")).ToContainTextAsync(Router);
        await Assertions.Expect(page.Locator("[data-testid=worst-gaps]")).ToContainTextAsync("Below MUST");
        await BrowserSession.Screenshot(page, "23-dashboard-gaps-en");
        await page.GotoAsync("/portfolio");
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("text=By common control");
        await Assertions.Expect(page.Locator("[data-testid=portfolio-heatmap] thead")).ToContainTextAsync("Secure software updates");
        await BrowserSession.Screenshot(page, "24-heatmap-controls-en");
        await page.GotoAsync($"/assessments/{assessmentId}");
        await Assertions.Expect(page.Locator("[data-testid=assessment-score]")).ToContainTextAsync("Required level");
        await BrowserSession.Screenshot(page, "25-assessment-en", fullPage: false);
        await page.GotoAsync($"/baselines/{baselineId}");
        await Assertions.Expect(page.Locator("[data-testid=inherits]")).ToContainTextAsync("Inherits Field A company baseline v1");
        await BrowserSession.Screenshot(page, "26-baseline-en", fullPage: false);
        await context.CloseAsync();
    }
}
