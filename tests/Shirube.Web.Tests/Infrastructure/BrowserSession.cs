using Microsoft.Playwright;

namespace Shirube.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright, with the helpers every browser test uses.</summary>
public static class BrowserSession
{
    public const string Chromium = "/usr/bin/chromium";

    public static void SkipUnlessChromium() =>
        Assert.SkipUnless(File.Exists(Chromium), $"Browser tests need Debian's Chromium at {Chromium} (apt-get install chromium fonts-noto-cjk; .ci/run does).");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // CI runs the test assemblies side by side on two cores: give the page time to answer rather than flake.
        Assertions.SetDefaultExpectTimeout(20_000);
        return LaunchChromiumAsync(playwright);
    }

    private static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });

    public static Task<IBrowserContext> NewContextAsync(IBrowser browser, ServerProcess server, string locale) =>
        browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("[data-testid=username]", user);
        await page.FillAsync("[data-testid=password]", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Buttons of interactive pages work once the Blazor circuit is up; the layout marks that moment.</summary>
    public static Task WaitUntilInteractive(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Clicks what leads to another page and waits until that page, at a URL matching <paramref name="url"/>, is
    /// interactive. Waiting for the marker alone right after a click can see the page being left, still marked.
    /// </summary>
    public static async Task ClickToPageAsync(IPage page, string selector, string url)
    {
        // A link clicked while the page is still prerendered can be overtaken by the circuit starting for the page
        // being left, which renders that page again at the new URL (seen once in CI on /products).
        await WaitUntilInteractive(page);
        await page.ClickAsync(selector);
        await page.WaitForURLAsync(url);
        await WaitUntilInteractive(page);
    }

    /// <summary>
    /// Chooses <paramref name="file"/> in the file input <paramref name="input"/> and waits until <paramref name="target"/>
    /// shows <paramref name="shows"/>. Blazor attaches its listener to a file input just after the input is rendered: a
    /// file chosen in that moment is not seen (as a user's first click on a page still loading does nothing), so the
    /// choice is made again, up to three times; the uploads these tests make give the same result when repeated.
    /// </summary>
    public static Task UploadAsync(IPage page, string input, string file, ILocator target, string shows) =>
        UntilShownAsync(() => page.Locator(input).SetInputFilesAsync(file), target, shows);

    /// <summary>
    /// Clicks <paramref name="selector"/> until <paramref name="target"/> shows <paramref name="shows"/>, up to three
    /// times. Only for clicks that change nothing when repeated (a refused change, a filter): a click on a button whose
    /// form was rendered again while the circuit was busy can be lost, as a user's first click on a loading page is.
    /// </summary>
    public static Task ClickUntilShownAsync(IPage page, string selector, ILocator target, string shows) =>
        UntilShownAsync(() => page.ClickAsync(selector), target, shows);

    private static async Task UntilShownAsync(Func<Task> act, ILocator target, string shows)
    {
        for (var attempt = 1; ; attempt++)
        {
            await act();
            try
            {
                await Assertions.Expect(target).ToContainTextAsync(shows, new() { Timeout = attempt < 3 ? 20_000 : 60_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Presses a language button and waits for the page to come back in that language.</summary>
    public static async Task SwitchLanguageAsync(IPage page, string language)
    {
        // The layout re-renders when the circuit starts; a click at that moment can land on a replaced button.
        await WaitUntilInteractive(page);
        await page.ClickAsync($"[data-testid=lang-{language}]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    public static async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(ServerProcess.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        // A full-page shot of a scrolled page draws the fixed app bar mid-page.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
        TestContext.Current.AddAttachment(name + ".png", bytes, "image/png");
    }
}
