using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Threats;

/// <summary>
/// Before shipping, in the browser: a PSIRT manager opens a demo product's threat register, adds a threat whose
/// countermeasure fulfils a baseline requirement, sees its risk colour and the STRIDE × part summary, then the
/// baseline line that counters it and the PSIRT metrics — in Japanese and English.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class ThreatRegisterTests
{
    private const string Admin = "admin";
    private const string Password = "Threat-Walk-Passw0rd";
    private const string Manager = "mari";
    private const string ManagerPassword = "Mari-Manager-Passw0rd";
    private const string Router = "Wi-Fi home router HR-300";

    private static ILocator Field(IPage page, string id, string tag) => page.Locator($"{tag}[data-testid={id}], [data-testid={id}] {tag}").First;

    private static async Task PickAsync(IPage page, ILocator select, string item)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
    }

    private static async Task<HttpClient> ApiAsync(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "browser test", expiresInDays = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return http;
    }

    private static async Task MoveAsync(HttpClient api, Guid id, params string[] states)
    {
        foreach (var to in states)
            Assert.True((await api.PostAsJsonAsync($"/api/cases/{id}/transitions", new { to })).IsSuccessStatusCode, to);
    }

    /// <summary>The router's baseline (tailored from ETSI EN 303 645) and two cases of the router, one fixed, one acknowledged.</summary>
    private static async Task<(Guid Product, Guid Baseline, string Key)> SetUpAsync(HttpClient api)
    {
        Assert.True((await api.PostAsync("/api/demo", null)).IsSuccessStatusCode);
        var products = await api.GetFromJsonAsync<JsonElement>("/api/products");
        var router = products.EnumerateArray().Single(p => p.GetProperty("name").GetString() == Router);
        var productId = router.GetProperty("id").GetGuid();
        Assert.True((await api.PutAsJsonAsync($"/api/products/{productId}/guidelines", new { guidelines = new[] { "etsi-en-303-645" } })).IsSuccessStatusCode);
        var baseline = await (await api.PostAsJsonAsync($"/api/products/{productId}/baselines", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var baselineId = baseline.GetProperty("id").GetGuid();
        Assert.True((await api.PostAsync($"/api/baselines/{baselineId}/publish", null)).IsSuccessStatusCode);
        var key = baseline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).First(k => k.EndsWith("/5.1-1", StringComparison.Ordinal));
        await api.PostAsJsonAsync("/api/users", new { userName = Manager, displayName = "Mari", password = ManagerPassword, roles = new[] { "PsirtManager" }, businessUnitIds = Array.Empty<Guid>() });

        var version = router.GetProperty("versions").EnumerateArray().First().GetProperty("id").GetGuid();
        foreach (var title in new[] { "Telnet accepts the factory password", "Admin page without CSRF protection" })
        {
            var created = await (await api.PostAsJsonAsync("/api/reports", new { title, description = "Found while testing firmware 2.0 on the LAN side." })).Content.ReadFromJsonAsync<JsonElement>();
            var id = created.GetProperty("id").GetGuid();
            await MoveAsync(api, id, "Acknowledged");
            await api.PutAsJsonAsync($"/api/cases/{id}", new { productId, affectedVersions = new[] { version } });
            if (title.StartsWith("Telnet", StringComparison.Ordinal))
            {
                await MoveAsync(api, id, "Triage", "Analysis");
                await api.PutAsJsonAsync($"/api/cases/{id}", new { cwe = "CWE-798", cvssVector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", remediationPlan = "2.0.1 removes the account." });
                await MoveAsync(api, id, "Remediation", "Release");
            }
        }
        return (productId, baselineId, key);
    }

    [Fact]
    public async Task Manager_AddsAThreatWithACountermeasureLinkedToTheBaseline_SeesItsRiskAndSummary_ThenMetrics_InJapaneseAndEnglish()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = await ApiAsync(server);
        var (productId, baselineId, key) = await SetUpAsync(api);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, Manager, ManagerPassword);

        // From the product to its threat register, still empty.
        await page.GotoAsync("/products");
        // The product list opens a product on a row click, which needs the live circuit: a click before it starts is lost.
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync($"text={Router}");
        await page.WaitForURLAsync($"**/products/{productId}");
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("[data-testid=open-threats]");
        await page.WaitForURLAsync("**/threats");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=no-threats]")).ToContainTextAsync("まだ登録されていません");

        // A threat: spoofing the device through its factory password, likely and major; a countermeasure fulfils 5.1-1.
        await page.ClickAsync("[data-testid=add-threat]");
        var dialog = page.Locator("[data-testid=threat-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Field(page, "threat-title", "input").FillAsync("なり");
        await Field(page, "threat-description", "textarea").FillAsync("LAN 内の誰でも telnet に共通パスワードでログインできる。");
        await PickAsync(page, page.Locator("[data-testid=threat-part]"), "デバイス");
        await PickAsync(page, page.Locator("[data-testid=threat-stride]"), "なりすまし");
        await PickAsync(page, page.Locator("[data-testid=threat-likelihood]"), "4 起こりやすい");
        await PickAsync(page, page.Locator("[data-testid=threat-impact]"), "4 大");
        await Assertions.Expect(page.Locator("[data-testid=threat-dialog-risk] [data-level=High]")).ToHaveTextAsync("高");
        await PickAsync(page, page.Locator("[data-testid=threat-residual-likelihood]"), "2 起こりにくい");
        await PickAsync(page, page.Locator("[data-testid=threat-residual-impact]"), "3 中");
        await Field(page, "threat-owner", "input").FillAsync("開発部 佐藤");
        var countermeasure = page.Locator("[data-testid=countermeasure-0]");
        await countermeasure.Locator("input").First.FillAsync("機器ごとに異なる初期パスワードを工場で設定する");
        await PickAsync(page, countermeasure.Locator("[data-testid=cm-status]"), "実装済み");
        await PickAsync(page, countermeasure.Locator("[data-testid=cm-requirements]"), key);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(countermeasure.Locator("[data-testid=cm-requirements]")).ToHaveValueAsync(key);
        // A title too short is refused beside the form, in Japanese, naming the field.
        await page.ClickAsync("[data-testid=threat-save]");
        await Assertions.Expect(page.Locator("[data-testid=threat-error]")).ToHaveTextAsync("脅威: 3～200文字で入力してください。");
        await Field(page, "threat-title", "input").FillAsync("工場出荷時のパスワードでなりすまし");
        await BrowserSession.Screenshot(page, "30-threat-dialog-ja", fullPage: false);
        await page.ClickAsync("[data-testid=threat-save]");

        // The register: the threat under the device part, its risk in colour, the summary counting it.
        var row = page.Locator("[data-testid=threat-row]", new() { HasText = "工場出荷時のパスワードでなりすまし" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-testid=threat-risk] [data-level=High]")).ToHaveTextAsync("高");
        await Assertions.Expect(row).ToContainTextAsync("なりすまし");
        await Assertions.Expect(row.Locator("[data-testid=threat-countermeasures]")).ToContainTextAsync(key);
        await Assertions.Expect(row).ToContainTextAsync("中"); // residual 2 × 3
        var cell = page.Locator("[data-testid=summary-Spoofing-Device]");
        await Assertions.Expect(cell).ToHaveTextAsync("1");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-level", "High");
        await BrowserSession.Screenshot(page, "31-threats-ja");

        // The baseline line it fulfils shows the threat it counters.
        await page.GotoAsync($"/baselines/{baselineId}");
        await Assertions.Expect(page.Locator("[data-testid=countered-threats]")).ToContainTextAsync("対応する脅威: 1");

        // The risk matrix and the metrics over the router's cases.
        await page.GotoAsync("/risk-matrix");
        await Assertions.Expect(page.Locator("[data-testid=cell-4-4]")).ToHaveTextAsync("高");
        await BrowserSession.Screenshot(page, "32-risk-matrix-ja");
        await page.GotoAsync("/metrics");
        // The two cases above and the example's five.
        await Assertions.Expect(page.Locator("[data-testid=metrics-period]")).ToContainTextAsync("7 件");
        await Assertions.Expect(page.Locator("[data-testid=metrics-open-products]")).ToContainTextAsync(Router);
        await BrowserSession.Screenshot(page, "33-metrics-ja");

        // In English.
        await BrowserSession.SwitchLanguageAsync(page, "en");
        await Assertions.Expect(page.Locator("[data-testid=metrics-durations]")).ToContainTextAsync("Acknowledge");
        await BrowserSession.Screenshot(page, "34-metrics-en");
        await page.GotoAsync($"/products/{productId}/threats");
        await Assertions.Expect(page.Locator("[data-testid=threat-table]")).ToContainTextAsync("Spoofing");
        await Assertions.Expect(page.Locator("[data-testid=threat-risk] [data-level=High]")).ToHaveTextAsync("High");
        await BrowserSession.Screenshot(page, "35-threats-en");
        await page.GotoAsync("/risk-matrix");
        await Assertions.Expect(page.Locator("[data-testid=steps-Likelihood]")).ToContainTextAsync("Almost certain");
        await BrowserSession.Screenshot(page, "36-risk-matrix-en");
        await context.CloseAsync();
    }
}
