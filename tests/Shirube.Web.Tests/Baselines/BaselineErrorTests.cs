using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Baselines;

/// <summary>A baseline's refusals reach a Japanese page in Japanese, never as the domain's English.</summary>
[Collection(BrowserTestGroup.Name)]
public class BaselineErrorTests
{
    private const string Admin = "admin";
    private const string Password = "Baseline-Errors-Passw0rd";

    [Fact]
    public async Task BaselineEditor_SaysRefusalsInJapanese()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await api.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "browser test", expiresInDays = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var company = await (await api.PostAsJsonAsync("/api/company-baselines", new { field = "A", guidelines = new[] { "uk-psti" } })).Content.ReadFromJsonAsync<JsonElement>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, Admin, Password);
        await page.GotoAsync($"/baselines/{company.GetProperty("id").GetString()}");
        await BrowserSession.WaitUntilInteractive(page);

        // An own requirement with an English title only.
        var own = page.Locator(".mud-paper").Filter(new() { Has = page.Locator("button", new() { HasText = "独自の要求事項を追加" }) });
        await own.Locator("input").First.FillAsync("Firmware signed by the HSM");
        await own.Locator("button", new() { HasText = "独自の要求事項を追加" }).ClickAsync();
        var snackbar = page.Locator(".mud-snackbar").Last;
        await Assertions.Expect(snackbar).ToContainTextAsync("独自の要求事項には英語と日本語の両方でタイトルを付けてください。");

        // A line left out with too short a reason.
        var row = page.Locator("[data-testid=baseline-items] tbody tr", new() { HasText = "Sch1-1" });
        await row.Locator("input").Last.FillAsync("短い");
        await row.Locator("input").Last.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "3～1000文字で入力してください。" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "characters" })).ToHaveCountAsync(0);
        await BrowserSession.Screenshot(page, "18-baseline-errors-ja");
        await context.CloseAsync();
    }
}
