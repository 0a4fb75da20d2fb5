using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Disclosure;

/// <summary>
/// The demo router's command-injection case goes to a published advisory: an analyst marks the fixed version on the
/// case, drafts the advisory (product tree, CVE, score from the case), writes it in Japanese and English with the
/// validator's results beside it, and submits it; a second person approves and publishes it; the revision history
/// keeps the published documents in both languages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class AdvisoryWalkTests
{
    private const string Admin = "admin";
    private const string Password = "Advisory-Walk-Passw0rd";
    private const string Analyst = "aoi";
    private const string AnalystPassword = "Aoi-Analyst-Passw0rd";
    private const string Manager = "ren";
    private const string ManagerPassword = "Ren-Manager-Passw0rd";

    private static ILocator Field(IPage page, string id, string tag) => page.Locator($"{tag}[data-testid='{id}'], [data-testid='{id}'] {tag}").First;

    [Fact]
    public async Task DemoCase_WrittenInBothLanguages_ApprovedByASecondPerson_IsPublishedWithItsRevision()
    {
        BrowserSession.SkipUnlessChromium();
        // Documents are served from the PSIRT's public https origin (their canonical URLs, CSAF 6.2.11).
        await using var server = await ServerProcess.StartAsync(Admin, Password, new Dictionary<string, string>
        {
            ["Shirube:Disclosure:PublicUrl"] = "https://psirt.example.com",
            ["Shirube:Disclosure:PublisherName"] = "Example Devices PSIRT",
        });
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await api.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "setup", expiresInDays = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        Assert.True((await api.PostAsync("/api/demo", null)).IsSuccessStatusCode);
        var cases = await api.GetFromJsonAsync<JsonElement>("/api/cases");
        var demo = cases.EnumerateArray().Single(c => c.GetProperty("number").GetString() == "PSIRT-DEMO-001");
        var caseId = demo.GetProperty("id").GetGuid();
        // The analyst works in the router's unit; the manager sees every unit.
        await Api.CreateUserAsync(api, Analyst, AnalystPassword, ["PsirtAnalyst"], [demo.GetProperty("businessUnitId").GetGuid()]);
        await Api.CreateUserAsync(api, Manager, ManagerPassword, ["PsirtManager"], []);
        var productId = demo.GetProperty("productId").GetGuid();
        // The fix ships in firmware 2.1, a version the portfolio does not know yet.
        Assert.True((await api.PostAsJsonAsync($"/api/products/{productId}/versions", new { version = "2.1" })).IsSuccessStatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var analyst = await (await BrowserSession.NewContextAsync(browser, server, "ja-JP")).NewPageAsync();
        await BrowserSession.SignInAsync(analyst, Analyst, AnalystPassword);

        // On the case: 2.1 is the fixed version.
        await analyst.GotoAsync($"/cases/{caseId}");
        await BrowserSession.WaitUntilInteractive(analyst);
        await analyst.Locator("[data-testid=case-fixed-versions]").First.ClickAsync();
        await analyst.Locator(".mud-popover-open .mud-list-item", new() { HasText = "2.1" }).First.ClickAsync();
        await analyst.Keyboard.PressAsync("Escape");
        await BrowserSession.ClickUntilShownAsync(analyst, "[data-testid=case-save]", analyst.Locator(".mud-snackbar").First, ResxTexts.Text("ja", "Common.Saved"));

        // Draft the advisory: the product tree and product status come from the case.
        await BrowserSession.ClickToPageAsync(analyst, "[data-testid=case-advisory]", $"**/cases/{caseId}/advisory");
        await Assertions.Expect(analyst.Locator("[data-testid=advisory-none]")).ToBeVisibleAsync();
        await BrowserSession.ClickUntilShownAsync(analyst, "[data-testid=advisory-create]", analyst.Locator("[data-testid=advisory-status]"), ResxTexts.Text("ja", "AdvisoryStatus.Draft"));
        var json = analyst.Locator("[data-testid=advisory-json]");
        await Assertions.Expect(json).ToContainTextAsync("\"lang\": \"ja\"");
        await Assertions.Expect(json).ToContainTextAsync("Wi-Fi home router HR-300");
        await Assertions.Expect(json).ToContainTextAsync("\"known_affected\"");
        await Assertions.Expect(json).ToContainTextAsync("\"fixed\"");
        await Assertions.Expect(json).ToContainTextAsync("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");

        // Japanese texts; the live preview follows the form without saving.
        await Field(analyst, "advisory-title-ja", "input").FillAsync("HR-300 の診断ページにおける OS コマンドインジェクション");
        await Field(analyst, "advisory-summary-ja", "textarea").FillAsync("HR-300 の診断ページ（ping）に、認証なしで OS コマンドを実行される脆弱性があります。");
        await Field(analyst, "advisory-workaround-ja", "textarea").FillAsync("修正版を適用するまで、管理画面を LAN 側からのみ利用できるよう設定してください。");
        await Field(analyst, "advisory-revisionsummary-ja", "input").FillAsync("初版");
        await Assertions.Expect(json).ToContainTextAsync("認証なしで OS コマンドを実行される");
        await Field(analyst, "advisory-cwe-name", "input").FillAsync("Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')");
        await Field(analyst, "advisory-fix-url-2.1", "input").FillAsync("https://example.com/support/hr-300/firmware-2.1");
        await Assertions.Expect(json).ToContainTextAsync("\"CWE-78\"");
        await Assertions.Expect(json).ToContainTextAsync("https://example.com/support/hr-300/firmware-2.1");

        // English texts, and the English document beside them.
        await analyst.Locator("[data-testid=advisory-form] .mud-tab", new() { HasText = ResxTexts.Text("ja", "Advisories.Lang.en") }).ClickAsync();
        await Field(analyst, "advisory-title-en", "input").FillAsync("OS command injection in the HR-300 diagnostics page");
        await Field(analyst, "advisory-summary-en", "textarea").FillAsync("The HR-300 diagnostics (ping) page lets anyone on the network run OS commands without signing in.");
        await Field(analyst, "advisory-workaround-en", "textarea").FillAsync("Until the fix is applied, allow the administration pages only from the LAN side.");
        await Field(analyst, "advisory-revisionsummary-en", "input").FillAsync("Initial release");
        await analyst.Locator("[data-testid=advisory-preview-lang] button", new() { HasText = "English" }).ClickAsync();
        await Assertions.Expect(json).ToContainTextAsync("\"lang\": \"en\"");
        await Assertions.Expect(json).ToContainTextAsync("run OS commands without signing in");
        var validation = analyst.Locator("[data-testid=advisory-validation]");
        await Assertions.Expect(validation).ToHaveAttributeAsync("data-errors", "0");
        await Assertions.Expect(validation).ToHaveAttributeAsync("data-warnings", "0");
        await BrowserSession.Screenshot(analyst, "140-advisory-editor-ja");

        // Submitted: the analyst cannot approve their own text.
        await BrowserSession.ClickUntilShownAsync(analyst, "[data-testid=advisory-submit]", analyst.Locator("[data-testid=advisory-status]"), ResxTexts.Text("ja", "AdvisoryStatus.InReview"));
        await Assertions.Expect(analyst.Locator("[data-testid=advisory-approve]")).ToBeVisibleAsync();
        await Assertions.Expect(analyst.Locator("[data-testid=advisory-second-person]")).ToBeVisibleAsync();

        // A second person, working in English, approves and publishes.
        var manager = await (await BrowserSession.NewContextAsync(browser, server, "en-US")).NewPageAsync();
        await BrowserSession.SignInAsync(manager, Manager, ManagerPassword);
        await manager.GotoAsync("/disclosure");
        await BrowserSession.WaitUntilInteractive(manager);
        await Assertions.Expect(manager.Locator("[data-testid=advisory-row]")).ToContainTextAsync("In review");
        await BrowserSession.ClickToPageAsync(manager, "[data-testid=advisory-row] a", $"**/cases/{caseId}/advisory");
        await Assertions.Expect(manager.Locator("[data-testid=advisory-validation]")).ToHaveAttributeAsync("data-errors", "0");
        await BrowserSession.ClickUntilShownAsync(manager, "[data-testid=advisory-approve]", manager.Locator("[data-testid=advisory-status]"), "Approved");
        await BrowserSession.ClickUntilShownAsync(manager, "[data-testid=advisory-publish]", manager.Locator("[data-testid=advisory-status]"), "Published");
        var revision = manager.Locator("[data-testid=advisory-revision]");
        await Assertions.Expect(revision).ToHaveCountAsync(1);
        await Assertions.Expect(revision).ToContainTextAsync("Initial release");
        await Assertions.Expect(revision).ToContainTextAsync("Final");
        await Assertions.Expect(revision).ToContainTextAsync($"{Manager} / {Manager}"); // approved and published by the second person
        await BrowserSession.Screenshot(manager, "141-advisory-published-en");

        // Anyone, signed in or not, reads it on the public pages in Japanese and in English.
        var advisory = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/advisory");
        var tracking = advisory.GetProperty("trackingId").GetString();
        foreach (var (lang, locale, title, shot) in new[]
        {
            ("ja", "ja-JP", "HR-300 の診断ページにおける OS コマンドインジェクション", "142-advisory-public-ja"),
            ("en", "en-US", "OS command injection in the HR-300 diagnostics page", "143-advisory-public-en"),
        })
        {
            var reader = await (await BrowserSession.NewContextAsync(browser, server, locale)).NewPageAsync();
            await reader.GotoAsync("/advisories");
            await Assertions.Expect(reader.Locator("body")).ToContainTextAsync(title);
            await reader.GotoAsync($"/advisories/{tracking}?lang={lang}");
            await Assertions.Expect(reader.Locator("[data-testid=advisory-title]")).ToHaveTextAsync(title);
            await Assertions.Expect(reader.Locator("[data-testid=advisory-products]")).ToContainTextAsync("2.1");
            await Assertions.Expect(reader.Locator("[data-testid=advisory-remediations]")).ToContainTextAsync("https://example.com/support/hr-300/firmware-2.1");
            await BrowserSession.Screenshot(reader, shot);
        }

        // The published documents, as frozen in the revision, in both languages.
        var id = advisory.GetProperty("id").GetGuid();
        foreach (var (lang, text) in new[] { ("ja", "認証なしで OS コマンドを実行される"), ("en", "run OS commands without signing in") })
        {
            var document = await api.GetFromJsonAsync<JsonElement>($"/api/advisories/{id}/revisions/1/csaf?lang={lang}");
            Assert.Equal(lang, document.GetProperty("document").GetProperty("lang").GetString());
            Assert.Equal("final", document.GetProperty("document").GetProperty("tracking").GetProperty("status").GetString());
            Assert.Equal(lang == "ja" ? "HR-300 の診断ページにおける OS コマンドインジェクション" : "OS command injection in the HR-300 diagnostics page",
                document.GetProperty("document").GetProperty("title").GetString());
            Assert.Contains(text, document.GetRawText(), StringComparison.Ordinal);
        }
    }
}
