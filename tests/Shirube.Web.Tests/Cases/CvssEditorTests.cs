using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Cases;

/// <summary>
/// A PSIRT manager scores a case by picking CVSS metrics in the editor, gives it a CVE that the imported KEV catalog
/// lists, and sees the response level go up with the reason; the editor and the feeds page read in Japanese too.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class CvssEditorTests
{
    private const string Admin = "admin";
    private const string Password = "Cvss-Walk-Passw0rd";

    private const string Kev = """
        {"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2025.08.25","dateReleased":"2025-08-25T17:04:19.9796Z","count":1,
         "vulnerabilities":[{"cveID":"CVE-2021-44228","vendorProject":"Apache","product":"Log4j2","vulnerabilityName":"Apache Log4j2 Remote Code Execution Vulnerability","dateAdded":"2021-12-10","shortDescription":"","requiredAction":"Apply updates per vendor instructions.","dueDate":"2021-12-24","knownRansomwareCampaignUse":"Known","notes":"","cwes":["CWE-20"]}]}
        """;

    private static ILocator Field(IPage page, string id, string tag) => page.Locator($"{tag}[data-testid={id}], [data-testid={id}] {tag}").First;

    [Fact]
    public async Task PickingMetrics_ScoresTheCase_AndAKevListedCveRaisesTheResponseLevel()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await api.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "setup", expiresInDays = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        await api.PostAsJsonAsync("/api/users", new { userName = "sora", displayName = "Sora", password = "Sora-Manager-Passw0rd", roles = new[] { "PsirtManager" }, businessUnitIds = Array.Empty<Guid>() });
        Assert.True((await api.PostAsync("/api/feeds/kev/import?name=kev.json", new StringContent(Kev, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        var report = await (await api.PostAsJsonAsync("/api/reports", new { title = "Log4Shell in the camera's cloud agent", description = "The agent logs the User-Agent header with Log4j 2.14." })).Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("id").GetGuid();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "en-US");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "sora", "Sora-Manager-Passw0rd");
        await page.GotoAsync($"/cases/{id}");
        await BrowserSession.WaitUntilInteractive(page);

        // Base metrics picked one by one: the vector is written and scored as they come.
        foreach (var (metric, value) in new[] { ("AV", "Network (N)"), ("AC", "Low (L)"), ("PR", "None (N)"), ("UI", "None (N)"), ("S", "Unchanged (U)"), ("C", "High (H)"), ("I", "High (H)") })
            await page.Locator($"[data-testid=cvss-{metric}]").GetByText(value, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cvss-editor]")).ToContainTextAsync("Choose every base metric");
        await page.Locator("[data-testid=cvss-A]").GetByText("Low (L)", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=cvss-editor-score]")).ToContainTextAsync("9.4 Critical");
        await Assertions.Expect(Field(page, "cvss-vector", "input")).ToHaveValueAsync("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:L");
        // Down to Medium by hand: the text and the buttons stay one.
        await Field(page, "cvss-vector", "input").FillAsync("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
        await Field(page, "cvss-vector", "input").PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=cvss-editor-score]")).ToContainTextAsync("5.3 Medium");

        await Field(page, "case-cve", "input").FillAsync("cve-2021-44228");
        await page.ClickAsync("[data-testid=case-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Saved");
        await Assertions.Expect(page.Locator("[data-testid=case-response]")).ToContainTextAsync("High");
        await Assertions.Expect(page.Locator("[data-testid=case-response]")).ToContainTextAsync("in CISA KEV since 2021-12-10");
        await Assertions.Expect(page.Locator("[data-testid=case-exploitation]")).ToContainTextAsync("used by ransomware");
        await Assertions.Expect(page.Locator("[data-testid=case-kev-hint]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=case-cvss-score]")).ToContainTextAsync("5.3");
        await BrowserSession.Screenshot(page, "40-case-cvss-kev-en");

        await BrowserSession.SwitchLanguageAsync(page, "ja");
        await Assertions.Expect(page.Locator("[data-testid=cvss-editor]")).ToContainTextAsync("攻撃元区分");
        await Assertions.Expect(page.Locator("[data-testid=case-exploitation]")).ToContainTextAsync("CISA KEV 掲載");
        await Assertions.Expect(page.Locator("[data-testid=case-response]")).ToContainTextAsync("CISA KEV 掲載（2021-12-10～）：1 段階引き上げ");
        await BrowserSession.Screenshot(page, "41-case-cvss-kev-ja");

        await page.GotoAsync("/feeds");
        await Assertions.Expect(page.Locator("[data-testid=feeds-table]")).ToContainTextAsync("2025.08.25");
        await Assertions.Expect(page.Locator("[data-testid=feeds-table]")).ToContainTextAsync("未取り込み");
        await BrowserSession.Screenshot(page, "42-feeds-ja");
    }
}
