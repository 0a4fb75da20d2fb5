using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Dashboard;

/// <summary>
/// What a newcomer does on day one, in Debian's Chromium: sign in with the printed one-time password,
/// choose a password, load the example portfolio, switch language, create an API token.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class FirstRunTests
{
    private const string NewPassword = "My-0wn-Passw0rd";

    [Fact]
    public async Task FirstRun_SignInChangePasswordLoadDemoSwitchLanguage_InJapaneseAndEnglish()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync();
        Assert.False(string.IsNullOrWhiteSpace(server.OneTimePassword), "the first start prints a one-time password");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);

        // A Japanese browser: the sign-in page speaks Japanese.
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/login**");
        Assert.Equal("サインイン", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.Screenshot(page, "01-login-ja");

        // A wrong password is refused in Japanese.
        await page.FillAsync("[data-testid=username]", "admin");
        await page.FillAsync("[data-testid=password]", "wrong-password");
        await page.ClickAsync("[data-testid=login-submit]");
        Assert.Equal("ユーザー名またはパスワードが正しくありません。", await page.Locator("[data-testid=login-error]").InnerTextAsync());

        // The one-time password leads to the password change, and nowhere else.
        await page.FillAsync("[data-testid=username]", "admin");
        await page.FillAsync("[data-testid=password]", server.OneTimePassword!);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/account/change-password");
        await Assertions.Expect(page.Locator("[data-testid=must-change]")).ToBeVisibleAsync();
        await page.GotoAsync("/audit");
        await page.WaitForURLAsync("**/account/change-password");
        // Password rules are explained in Japanese too.
        await page.FillAsync("[data-testid=current-password]", server.OneTimePassword!);
        await page.FillAsync("[data-testid=new-password]", "short");
        await page.FillAsync("[data-testid=confirm-password]", "short");
        await page.ClickAsync("[data-testid=change-submit]");
        await Assertions.Expect(page.Locator(".shirube-error").First).ToHaveTextAsync("パスワードは 12 文字以上にしてください。");
        await BrowserSession.Screenshot(page, "02-change-password-ja");
        await page.FillAsync("[data-testid=current-password]", server.OneTimePassword!);
        await page.FillAsync("[data-testid=new-password]", NewPassword);
        await page.FillAsync("[data-testid=confirm-password]", NewPassword);
        await page.ClickAsync("[data-testid=change-submit]");

        // The empty dashboard offers the example portfolio.
        await page.WaitForURLAsync(server.BaseAddress.ToString());
        Assert.Equal("ダッシュボード", await page.Locator("h1, .mud-typography-h4").First.InnerTextAsync());
        await Assertions.Expect(page.Locator("[data-testid=empty-dashboard]")).ToContainTextAsync("製品がまだありません");
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("[data-testid=load-demo]");
        var table = page.Locator("[data-testid=portfolio-table]");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=product-count]")).ToHaveTextAsync("5");
        await Assertions.Expect(table).ToContainTextAsync("ホームソリューション事業部");
        await Assertions.Expect(table.Locator("thead")).ToContainTextAsync("マネジメント");
        await BrowserSession.Screenshot(page, "03-dashboard-ja");

        // The products of the portfolio, and one product's profile, versions and recommended guidelines.
        await page.GotoAsync("/products");
        await Assertions.Expect(page.Locator("[data-testid=product-table] tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=product-table]")).ToContainTextAsync("スマートメーター");
        await BrowserSession.Screenshot(page, "03a-products-ja");
        await page.ClickAsync("text=Wi-Fi home router HR-300");
        await BrowserSession.WaitUntilInteractive(page);
        var guidelines = page.Locator("[data-testid=product-guidelines]");
        await Assertions.Expect(guidelines).ToContainTextAsync("EU CRA Annex I");
        await Assertions.Expect(guidelines).ToContainTextAsync("UK PSTI");
        await page.ClickAsync("[data-testid=accept-guidelines]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("保存しました");
        await BrowserSession.Screenshot(page, "03b-product-ja");

        // Tailor the baseline from the accepted guidelines: MUST / SHOULD / BETTER from the sources' levels.
        await page.ClickAsync("[data-testid=tailor-baseline]");
        await page.WaitForURLAsync("**/baselines/**");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=baseline-counts]")).ToContainTextAsync("必須（MUST）");
        Assert.True(await page.Locator("[data-testid=baseline-items] tbody tr").CountAsync() > 100, "every requirement of the chosen guidelines is a line");
        await Assertions.Expect(page.Locator("[data-testid=baseline-status]")).ToContainTextAsync("下書き");
        await page.ClickAsync("[data-testid=publish]");
        await Assertions.Expect(page.Locator("[data-testid=baseline-status]")).ToContainTextAsync("バージョン 1");
        await BrowserSession.Screenshot(page, "03c-baseline-ja", fullPage: false);

        // The top-down review lists every common control with its lines.
        await page.ClickAsync("text=トップダウンの確認");
        await Assertions.Expect(page.Locator("[data-testid=top-down-table]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=top-down-table]")).ToContainTextAsync("共通の初期パスワードを使わない");
        await page.Locator("[data-testid=top-down-table]").ScrollIntoViewIfNeededAsync();
        await page.WaitForTimeoutAsync(500); // the panel's opening animation
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ServerProcess.RepositoryRoot(), "artifacts", "screenshots", "03d-top-down-ja.png") });
        await page.GotoAsync("/");

        // Switch to English: the same dashboard in English.
        await BrowserSession.SwitchLanguageAsync(page, "en");
        await Assertions.Expect(page.Locator(".mud-typography-h4").First).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(table.Locator("thead")).ToContainTextAsync("Management");
        await Assertions.Expect(table).ToContainTextAsync("Home Solutions Division");
        await BrowserSession.Screenshot(page, "04-dashboard-en");

        // Create an API token in the UI and use it.
        await page.GotoAsync("/tokens");
        await BrowserSession.WaitUntilInteractive(page);
        await page.Locator("input[data-testid=token-name], [data-testid=token-name] input").First.FillAsync("browser test");
        await page.ClickAsync("[data-testid=token-create]");
        var secret = (await page.Locator("[data-testid=token-secret]").InnerTextAsync()).Trim();
        await BrowserSession.Screenshot(page, "05-tokens-en");
        using (var http = new HttpClient { BaseAddress = server.BaseAddress })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var me = await http.GetFromJsonAsync<MeResponse>("/api/me");
            Assert.Equal("admin", me!.UserName);
            Assert.Equal(5, (await http.GetFromJsonAsync<ProductResponse[]>("/api/products"))!.Length);
        }

        // Users and business units: the demo units are there, with both names.
        await page.GotoAsync("/admin/organisation");
        await Assertions.Expect(page.Locator("[data-testid=unit-table]")).ToContainTextAsync("社会インフラ事業部");
        await Assertions.Expect(page.Locator("[data-testid=user-table]")).ToContainTextAsync("admin");
        await BrowserSession.Screenshot(page, "07-organisation-en");

        // The audit log shows what happened.
        await page.GotoAsync("/audit");
        await Assertions.Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("Product");
        await BrowserSession.Screenshot(page, "06-audit-en");
        await context.CloseAsync();

        // The language is remembered per user: a Japanese browser signing in again gets English.
        var again = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var second = await again.NewPageAsync();
        await second.GotoAsync("/account/login");
        await second.FillAsync("[data-testid=username]", "admin");
        await second.FillAsync("[data-testid=password]", NewPassword);
        await second.ClickAsync("[data-testid=login-submit]");
        await Assertions.Expect(second.Locator(".mud-typography-h4").First).ToHaveTextAsync("Dashboard");
        await again.CloseAsync();
    }
}
