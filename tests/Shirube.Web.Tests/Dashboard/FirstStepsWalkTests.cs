using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Dashboard;

/// <summary>
/// Issue 11's walk, in Debian's Chromium on a fresh database: load the example from the first-steps checklist, reach
/// the portfolio chart (required and actual level for all five products) and a product's history chart, tick every
/// first step, in Japanese and in English.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class FirstStepsWalkTests
{
    private const string Admin = "admin";
    private const string Password = "First-Steps-Passw0rd";

    private static ILocator Step(IPage page, string step) => page.Locator($"[data-testid=first-step][data-step={step}]");

    private static async Task ExpectLevelChartForAllFiveAsync(IPage page)
    {
        var chart = page.Locator("[data-testid=level-chart]");
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        var rows = chart.Locator("[data-testid=level-chart-data] li");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        foreach (var field in new[] { "A", "B", "C", "D", "E" })
        {
            var row = rows.Locator($"xpath=self::*[@data-field='{field}']");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            Assert.Matches("^(Must|Should|Better)$", await row.GetAttributeAsync("data-required") ?? "");
        }
        // The example is built so that the portfolio shows both: products that reach their level and products short of it.
        var actual = await rows.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.actual + '/' + e.dataset.required)");
        Assert.Contains(actual, a => a.Split('/') is [var x, var r] && Rank(x) >= Rank(r));
        Assert.Contains(actual, a => a.Split('/') is [var x, var r] && Rank(x) < Rank(r));
    }

    private static int Rank(string level) => level switch { "Must" => 1, "Should" => 2, "Better" => 3, _ => 0 };

    [Fact]
    public async Task A_newcomer_loads_the_example_and_sees_required_against_actual_and_the_history_with_every_first_step_ticked()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, Admin, Password);

        // The empty dashboard: the checklist, nothing ticked.
        await page.GotoAsync("/");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=first-steps]")).ToContainTextAsync("はじめの一歩");
        await Assertions.Expect(page.Locator("[data-testid=first-step][data-done=true]")).ToHaveCountAsync(0);
        await BrowserSession.Screenshot(page, "93-first-steps-empty-ja");

        // Load the example from the checklist: the first step is ticked and the dashboard charts the five products.
        await Step(page, "LoadExample").Locator("a").ClickAsync();
        await Assertions.Expect(Step(page, "LoadExample")).ToHaveAttributeAsync("data-done", "true", new() { Timeout = 60_000 });
        await ExpectLevelChartForAllFiveAsync(page);
        await BrowserSession.Screenshot(page, "94-dashboard-chart-ja");

        // The coverage matrix, the guideline picks and the portfolio: each visit ticks its step.
        foreach (var url in new[] { "/guidelines/matrix", "/guidelines/select" })
        {
            await page.GotoAsync(url);
            await BrowserSession.WaitUntilInteractive(page);
        }
        await page.GotoAsync("/portfolio");
        await BrowserSession.WaitUntilInteractive(page);
        await ExpectLevelChartForAllFiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=level-chart]")).ToContainTextAsync("必要なレベル");
        await BrowserSession.Screenshot(page, "95-portfolio-chart-ja");

        // A product's history: two completed assessments, the older weaker.
        await page.ClickAsync("[data-testid=portfolio-heatmap] >> text=Wi-Fi home router HR-300");
        await page.WaitForURLAsync("**/products/**");
        await BrowserSession.WaitUntilInteractive(page);
        var history = page.Locator("[data-testid=history-chart]");
        await Assertions.Expect(history.Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(history.Locator("[data-testid=history-chart-data] li")).ToHaveCountAsync(2);
        await history.ScrollIntoViewIfNeededAsync();
        await BrowserSession.Screenshot(page, "96-history-chart-ja");

        // A vulnerability report through the public form, signed in: the last step.
        await page.GotoAsync("/report");
        await page.FillAsync("[data-testid=report-title]", "BC-7 の管理画面に認証なしで入れる");
        await page.FillAsync("[data-testid=report-description]", "ポート 8080 の /admin がパスワードなしで開きます。");
        await page.ClickAsync("[data-testid=report-submit]");
        await page.WaitForURLAsync("**/track/**");

        await page.GotoAsync("/");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=first-step][data-done=true]")).ToHaveCountAsync(5);
        await BrowserSession.Screenshot(page, "97-first-steps-done-ja");

        // The same in English.
        await BrowserSession.SwitchLanguageAsync(page, "en");
        await Assertions.Expect(page.Locator("[data-testid=first-steps]")).ToContainTextAsync("First steps");
        await Assertions.Expect(page.Locator("[data-testid=first-step][data-done=true]")).ToHaveCountAsync(5);
        await ExpectLevelChartForAllFiveAsync(page);
        await BrowserSession.Screenshot(page, "98-dashboard-chart-en");
        await page.GotoAsync("/portfolio");
        await BrowserSession.WaitUntilInteractive(page);
        await ExpectLevelChartForAllFiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=level-chart]")).ToContainTextAsync("Required level");
        await BrowserSession.Screenshot(page, "99-portfolio-chart-en");
        await page.ClickAsync("[data-testid=portfolio-heatmap] >> text=Wi-Fi home router HR-300");
        await page.WaitForURLAsync("**/products/**");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=history-chart] [data-testid=history-chart-data] li")).ToHaveCountAsync(2);
        await page.Locator("[data-testid=history-chart]").ScrollIntoViewIfNeededAsync();
        await BrowserSession.Screenshot(page, "99a-history-chart-en");
    }
}
