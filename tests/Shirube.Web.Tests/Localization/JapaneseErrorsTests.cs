using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Localization;

/// <summary>
/// Refusals of the domain reach a Japanese user in Japanese: three different features refuse a change on their page,
/// and each says why in the words of the Japanese resources, with none of the English text.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class JapaneseErrorsTests
{
    private const string Admin = "admin";
    private const string Password = "Japanese-Errors-Passw0rd";

    private static ILocator Field(IPage page, string id, string tag) => page.Locator($"{tag}[data-testid={id}], [data-testid={id}] {tag}").First;

    [Fact]
    public async Task ThreeRefusedChanges_OnJapanesePages_AreSaidInJapanese()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, Admin, Password);

        // 1. Incidents: a title of two characters (Common.Length), as a snackbar.
        await page.GotoAsync("/incidents");
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("[data-testid=incident-new] .mud-expand-panel-header");
        await Field(page, "incident-title", "input").FillAsync("停電");
        await Field(page, "incident-summary", "textarea").FillAsync("工場のゲートウェイが再起動を繰り返している。");
        await Field(page, "incident-summary", "textarea").PressAsync("Tab"); // the fields' change events reach the circuit first
        var length = ResxTexts.Text("ja", "Error.Common.Length", 3, 200);
        var snackbar = page.Locator(".mud-snackbar").First;
        await BrowserSession.ClickUntilShownAsync(page, "[data-testid=incident-open]", snackbar, length);
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')"); // faded in, for the screenshot
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(ResxTexts.Text("", "Error.Common.Length", 3, 200));
        await BrowserSession.Screenshot(page, "90-error-incident-title-ja");

        // 2. Stakeholders: a supplier without its Japanese name (Common.Required on nameJa), beside the form.
        await page.GotoAsync("/stakeholders");
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("[data-testid=stakeholder-add]");
        await Field(page, "form-name-en", "input").FillAsync("Acme Components");
        await page.ClickAsync("[data-testid=form-save]");
        var error = page.Locator("[data-testid=form-error]");
        await Assertions.Expect(error).ToContainTextAsync(ResxTexts.Text("ja", "Stakeholders.Field.nameJa"));
        await Assertions.Expect(error).ToContainTextAsync(ResxTexts.Text("ja", "Error.Common.Required"));
        await Assertions.Expect(error).Not.ToContainTextAsync(ResxTexts.Text("", "Error.Common.Required"));
        await BrowserSession.Screenshot(page, "91-error-stakeholder-name-ja", fullPage: false);

        // 3. Risk matrix: the top-right cell made lower than its neighbours (Risk.LowerThanNeighbour), listed under the matrix.
        await page.GotoAsync("/risk-matrix");
        await BrowserSession.WaitUntilInteractive(page);
        var corner = page.Locator("[data-testid=cell-5-5]");
        var before = await corner.GetAttributeAsync("data-level");
        await corner.ClickAsync(); // cycles Critical → Low
        await Assertions.Expect(corner).Not.ToHaveAttributeAsync("data-level", before!);
        await page.ClickAsync("[data-testid=save-matrix]");
        var violations = page.Locator("[data-testid=matrix-violations]");
        await Assertions.Expect(violations).ToContainTextAsync(ResxTexts.Text("ja", "RiskMatrix.NotMonotone"));
        await Assertions.Expect(violations).ToContainTextAsync("より低くなっています");
        await Assertions.Expect(violations).Not.ToContainTextAsync("is lower than");
        await BrowserSession.Screenshot(page, "92-error-risk-matrix-ja");
    }
}
