using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Psirt;

/// <summary>
/// A PSIRT manager answers a few services of the FIRST maturity self-assessment, completes it, re-assesses, improves
/// one service and sees the progress and the radar; then creates a course, assigns it to the analysts, and finds it on
/// the overdue list once the due date has passed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class MaturityTrainingTests
{
    private const string Admin = "admin";
    private const string Password = "Maturity-Walk-Passw0rd";

    private static async Task PickAsync(IPage page, ILocator select, string item)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
    }

    private static ILocator Service(IPage page, string id) => page.Locator($"[data-testid='service-{id}']");

    private static async Task AnswerAsync(IPage page, string service, string practice)
    {
        await PickAsync(page, Service(page, service).Locator(".mud-select").First, practice);
        await Service(page, service).Locator("[data-testid=save-answer]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
    }

    private static async Task StartAsync(IPage page, string title)
    {
        await page.GotoAsync("/psirt/maturity");
        await BrowserSession.WaitUntilInteractive(page);
        await page.Locator("[data-testid=start-title] input, input[data-testid=start-title]").First.FillAsync(title);
        await page.Locator("[data-testid=start-title] input, input[data-testid=start-title]").First.PressAsync("Tab");
        await page.ClickAsync("[data-testid=start-assessment]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/psirt/maturity/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h4")).ToContainTextAsync(title);
        await BrowserSession.WaitUntilInteractive(page);
    }

    [Fact]
    public async Task ManagerAssessesReassessesAndTrains_SeesProgressRadarAndOverdue()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await api.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "setup", expiresInDays = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var unit = await (await api.PostAsJsonAsync("/api/business-units", new { code = "HOME", nameEn = "Home Solutions", nameJa = "ホームソリューション事業部" })).Content.ReadFromJsonAsync<JsonElement>();
        await api.PostAsJsonAsync("/api/users", new { userName = "hana", displayName = "Hana Sato", password = "Hana-Analyst-Passw0rd", roles = new[] { "PsirtAnalyst" }, businessUnitIds = new[] { unit.GetProperty("id").GetGuid() } });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "en-US");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 1000);
        await BrowserSession.SignInAsync(page, Admin, Password);

        // First assessment: intake in place, internal stakeholders partly; then completed and frozen.
        await StartAsync(page, "FY2026 H1");
        await Assertions.Expect(Service(page, "1.2").Locator("[data-testid=verify]")).ToBeVisibleAsync();
        await AnswerAsync(page, "2.1", "In place");
        await AnswerAsync(page, "1.1", "Partial");
        await page.ClickAsync("[data-testid=complete-assessment]");
        await Assertions.Expect(page.Locator("[data-testid=frozen]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=save-answer]")).ToHaveCountAsync(0);

        // The re-assessment starts from a copy: 1.1 is still partial; raising it shows as an improvement.
        await StartAsync(page, "FY2026 H2");
        await Assertions.Expect(Service(page, "1.1").Locator(".mud-select").First).ToContainTextAsync("Partial");
        await AnswerAsync(page, "1.1", "In place");
        await Assertions.Expect(Service(page, "1.1").Locator("[data-testid=trend]")).ToHaveAttributeAsync("data-trend", "Improved");
        await Assertions.Expect(Service(page, "2.1").Locator("[data-testid=trend]")).ToHaveAttributeAsync("data-trend", "Unchanged");
        await Assertions.Expect(page.Locator("[data-testid=area-progress] tr[data-area=SA1]")).ToContainTextAsync("Improved");
        await Assertions.Expect(page.Locator("[data-testid=area-progress] tr[data-area=SA1]")).ToContainTextAsync("7%");

        await page.GotoAsync("/psirt/maturity");
        await Assertions.Expect(page.Locator("[data-testid=maturity-radar] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=maturity-radar]")).ToContainTextAsync("FY2026 H1");
        await Assertions.Expect(page.Locator("[data-testid=area-progress] tr[data-area=SA1]")).ToContainTextAsync("Improved");
        await Assertions.Expect(page.Locator("[data-testid=assessment-table] tbody tr")).ToHaveCountAsync(2);
        await BrowserSession.Screenshot(page, "40-maturity-en", fullPage: false);
        await BrowserSession.SwitchLanguageAsync(page, "ja");
        await Assertions.Expect(page.Locator("[data-testid=area-progress] tr[data-area=SA1]")).ToContainTextAsync("改善");
        await BrowserSession.Screenshot(page, "41-maturity-ja", fullPage: false);
        await page.Locator("[data-testid=assessment-table] tbody a").First.ClickAsync();
        await Assertions.Expect(Service(page, "1.1")).ToContainTextAsync("社内の連携先");
        await page.Locator("[data-testid=area-SA1]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ServerProcess.RepositoryRoot(), "artifacts", "screenshots", "42-maturity-questionnaire-ja.png") });
        await BrowserSession.SwitchLanguageAsync(page, "en");

        // Training: a yearly course for analysts, due yesterday, is overdue for Hana at once.
        await page.GotoAsync("/training");
        await BrowserSession.WaitUntilInteractive(page);
        await page.Locator("[data-testid=course-title-en] input, input[data-testid=course-title-en]").First.FillAsync("PSIRT process basics");
        await page.Locator("[data-testid=course-title-ja] input, input[data-testid=course-title-ja]").First.FillAsync("PSIRT プロセス基礎");
        await page.Locator("[data-testid=course-validity] input, input[data-testid=course-validity]").First.FillAsync("12");
        await PickAsync(page, page.Locator("[data-testid=course-service]").First, "6.1 PSIRT members");
        await page.ClickAsync("[data-testid=add-course]");
        await Assertions.Expect(page.Locator("[data-testid=course-table]")).ToContainTextAsync("PSIRT process basics");

        await page.Locator(".mud-tab", new() { HasText = "Assignments" }).ClickAsync();
        await PickAsync(page, page.Locator("[data-testid=assign-course]").First, "PSIRT process basics");
        await PickAsync(page, page.Locator("[data-testid=assign-role]").First, "PSIRT analyst");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var due = page.Locator("[data-testid=assign-due] input, input[data-testid=assign-due]").First;
        await due.FillAsync(yesterday);
        await due.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-testid=assign]");
        await Assertions.Expect(page.Locator("[data-testid=assignment-table]")).ToContainTextAsync("Hana Sato");

        await page.Locator(".mud-tab", new() { HasText = "Overdue" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToContainTextAsync("Hana Sato");
        await Assertions.Expect(page.Locator("[data-testid=training-status] [data-testid=training-state]").First).ToContainTextAsync("Overdue");
        await BrowserSession.Screenshot(page, "43-training-overdue-en", fullPage: false);
        await BrowserSession.SwitchLanguageAsync(page, "ja");
        await Assertions.Expect(page.Locator(".mud-tab", new() { HasText = "期限超過" })).ToBeVisibleAsync();
        await BrowserSession.WaitUntilInteractive(page);
        await page.Locator(".mud-tab", new() { HasText = "期限超過" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=training-status]")).ToContainTextAsync("PSIRT プロセス基礎");
        await BrowserSession.Screenshot(page, "44-training-overdue-ja", fullPage: false);
    }
}
