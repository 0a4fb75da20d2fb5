using Microsoft.Playwright;

using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Guidelines;

/// <summary>The first question of our users, in the browser: which guideline covers which part, and how deeply.</summary>
[Collection(BrowserTestGroup.Name)]
public class CatalogBrowsingTests
{
    private const string Admin = "admin";
    private const string Password = "Catalog-Browse-Passw0rd";

    [Fact]
    public async Task Catalog_MatrixListDetailAndSearch_InJapaneseAndEnglish()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, Admin, Password);

        // The coverage matrix, computed from the tags, in Japanese.
        await page.GotoAsync("/guidelines/matrix");
        var matrix = page.Locator("[data-testid=coverage-matrix]");
        await Assertions.Expect(matrix.Locator("thead")).ToContainTextAsync("マネジメント");
        Assert.True(await matrix.Locator("tbody tr").CountAsync() >= 30, "every shipped guideline has a row");
        await Assertions.Expect(matrix.Locator("tbody")).ToContainTextAsync("ETSI EN 303 645");
        await Assertions.Expect(page.Locator("[data-testid=matrix-advice]")).ToContainTextAsync("4 つの構成要素すべてを扱う");
        await BrowserSession.Screenshot(page, "10-matrix-ja");

        // The finer parts.
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("[data-testid=fine-parts]");
        await Assertions.Expect(matrix.Locator("thead")).ToContainTextAsync("近距離ネットワーク");
        await BrowserSession.Screenshot(page, "11-matrix-parts-ja");

        // A Japanese guideline, with its unverified items marked.
        await page.GotoAsync("/guidelines/jp-iot-security-guideline-1.0");
        await Assertions.Expect(page.Locator("[data-testid=requirement-table] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=unverified]").First).ToHaveTextAsync("要確認");
        await BrowserSession.Screenshot(page, "12-guideline-jp-ja");

        // Full-text search in Japanese.
        await page.GotoAsync("/guidelines");
        await BrowserSession.WaitUntilInteractive(page);
        await page.Locator("input[data-testid=catalog-search], [data-testid=catalog-search] input").First.FillAsync("パスワード");
        await Assertions.Expect(page.Locator("[data-testid=search-results] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=search-results]")).ToContainTextAsync("UK PSTI");
        await BrowserSession.Screenshot(page, "13-search-ja");

        // The same matrix in English, and one requirement with what every other guideline asks for it.
        await page.GotoAsync("/guidelines/matrix");
        await BrowserSession.SwitchLanguageAsync(page, "en");
        await Assertions.Expect(matrix.Locator("thead")).ToContainTextAsync("Management");
        await Assertions.Expect(page.Locator("[data-testid=matrix-advice]")).ToContainTextAsync("Cover all four parts");
        await BrowserSession.Screenshot(page, "14-matrix-en");
        await page.GotoAsync("/guidelines/uk-psti/Sch1-1");
        await Assertions.Expect(page.Locator("[data-testid=requirement-detail]")).ToContainTextAsync("(PSTI) regime");
        await Assertions.Expect(page.Locator("[data-testid=control-requirements]").First).ToContainTextAsync("ETSI EN 303 645");
        await BrowserSession.Screenshot(page, "15-requirement-en");

        // Bottom-up step 1 for a consumer product sold in the EU and Japan, in English and then in Japanese.
        await page.GotoAsync("/guidelines/select?parts=device,network,platform,management&sector=consumer&markets=EU,JP");
        var picks = page.Locator("[data-testid=picks]");
        await Assertions.Expect(picks).ToContainTextAsync("All-round");
        await Assertions.Expect(picks).ToContainTextAsync("EU CRA Annex I");
        await Assertions.Expect(picks).ToContainTextAsync("JC-STAR");
        await BrowserSession.Screenshot(page, "16-select-en");
        await BrowserSession.SwitchLanguageAsync(page, "ja");
        await Assertions.Expect(picks).ToContainTextAsync("サイバーレジリエンス法");
        await BrowserSession.Screenshot(page, "17-select-ja");
        await context.CloseAsync();
    }
}
