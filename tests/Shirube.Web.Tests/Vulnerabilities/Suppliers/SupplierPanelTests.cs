using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Vulnerabilities.Suppliers;

/// <summary>
/// A PSIRT lead adds a supplier's CSAF provider on the feeds page and syncs it: the two good advisories are counted,
/// and each tampered file is listed with its reason (bad hash, unknown signing key, AMBER in the WHITE feed).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class SupplierPanelTests
{
    private const string Admin = "admin";
    private const string Password = "Supplier-Panel-Passw0rd";

    [Fact]
    public async Task PsirtLead_AddsASupplierProvider_Syncs_SeesTheAcceptedCountAndEachRefusedFileWithItsReason()
    {
        BrowserSession.SkipUnlessChromium();
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        await using var provider = await FixtureServer.StartAsync(files);
        SupplierSyncTests.Serve(files, provider.Root);
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var page = await (await BrowserSession.NewContextAsync(browser, server, "ja-JP")).NewPageAsync();
        await BrowserSession.SignInAsync(page, Admin, Password);

        await page.GotoAsync("/feeds");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=suppliers-none]")).ToBeVisibleAsync();
        await page.Locator("input[data-testid=supplier-name], [data-testid=supplier-name] input").First.FillAsync("Hikari Modules");
        await page.Locator("input[data-testid=supplier-url], [data-testid=supplier-url] input").First.FillAsync(provider.Url(SupplierSyncTests.Folder + "provider-metadata.json"));
        await page.Locator("input[data-testid=supplier-url], [data-testid=supplier-url] input").First.PressAsync("Tab");
        var row = page.Locator("[data-testid=supplier-row]");
        await BrowserSession.ClickUntilShownAsync(page, "[data-testid=supplier-add]", row, "Hikari Modules");

        await page.ClickAsync("[data-testid=supplier-sync]");
        var refused = page.Locator("[data-testid=supplier-refused]");
        foreach (var reason in new[] { "BadHash", "UnknownKey", "WrongTlp" })
            await Assertions.Expect(refused).ToContainTextAsync(reason);
        await Assertions.Expect(refused).ToContainTextAsync("hm-2026-0012.json");
        var cells = row.Locator("td");
        await Assertions.Expect(cells.Nth(3)).ToHaveTextAsync("2"); // documents accepted
        await Assertions.Expect(cells.Nth(4)).ToHaveTextAsync("2"); // records imported
        await Assertions.Expect(cells.Nth(5)).ToHaveTextAsync("3"); // refused
        await page.Locator("[data-testid=suppliers]").ScrollIntoViewIfNeededAsync();
        await BrowserSession.Screenshot(page, "129-suppliers-ja");
    }
}
