using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Incidents;

/// <summary>
/// A PSIRT manager opens an incident on a demo product placed on the EU market, flags it severe and sees the CRA clocks,
/// records a notification to management, and edits and approves the Japanese and English public statements.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class IncidentResponseTests
{
    private const string Admin = "admin";
    private const string Password = "Incident-Walk-Passw0rd";

    private static ILocator Field(IPage page, string id, string tag) => page.Locator($"{tag}[data-testid={id}], [data-testid={id}] {tag}").First;

    private static async Task PickAsync(IPage page, string id, string item)
    {
        await page.Locator($"[data-testid={id}]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
        // The pick goes to the server over the circuit; go on only once the select shows it (under load a click on
        // an item still opening was lost, and the incident was opened without its product).
        await page.WaitForFunctionAsync("""
            ([id, item]) => {
                const found = document.querySelector(`[data-testid=${id}]`);
                const box = found?.closest('.mud-select') ?? found;
                return !!box && ((box.innerText ?? '').includes(item) || [...box.querySelectorAll('input')].some(i => (i.value ?? '').includes(item)));
            }
            """, new object[] { id, item });
    }

    [Fact]
    public async Task PsirtManager_OpensASevereIncident_SeesTheCraClocks_NotifiesAndApprovesBothStatements()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await api.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "setup", expiresInDays = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        Assert.True((await api.PostAsync("/api/demo", null)).IsSuccessStatusCode);
        await api.PostAsJsonAsync("/api/users", new { userName = "yui", displayName = "Yui", password = "Yui-Manager-Passw0rd", roles = new[] { "PsirtManager" }, businessUnitIds = Array.Empty<Guid>() });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "en-US");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "yui", "Yui-Manager-Passw0rd");

        // Open the incident on the demo router (on the EU market).
        await page.GotoAsync("/incidents");
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("[data-testid=incident-new] .mud-expand-panel-header");
        await Field(page, "incident-title", "input").FillAsync("HR-300 routers recruited into a botnet");
        await Field(page, "incident-summary", "textarea").FillAsync("Routers with telnet open are taken over and used for DDoS attacks on third parties.");
        await PickAsync(page, "incident-severity", "Critical");
        await PickAsync(page, "incident-product", "HR-300");
        await page.ClickAsync("[data-testid=incident-open]");
        await page.WaitForURLAsync("**/incidents/*-*");
        await Assertions.Expect(page.Locator("[data-testid=incident-state]")).ToContainTextAsync("Open");
        await BrowserSession.WaitUntilInteractive(page);

        // Severe: the clocks appear, counted from becoming aware.
        await page.GetByText("Severe incident having an impact").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=incident-clocks] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=incident-clocks]")).ToContainTextAsync("Early warning (24 h)");
        await Assertions.Expect(page.Locator("[data-testid=incident-clocks]")).ToContainTextAsync("Counted from the notification's deadline");
        // Critical: seven groups must hear; management first, within an hour.
        await Assertions.Expect(page.Locator("[data-testid=incident-matrix] tbody tr")).ToHaveCountAsync(7);

        // The advice to users goes into the generated statements.
        await Field(page, "incident-user-action", "textarea").FillAsync("Update to firmware 2.0.1 and turn telnet off.");
        await page.ClickAsync("[data-testid=incident-save]");
        await Assertions.Expect(Field(page, "statement-text-en", "textarea")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Update to firmware 2.0.1"));

        // Management is told by phone.
        await Field(page, "notify-recipient", "input").FillAsync("CEO office");
        await page.ClickAsync("[data-testid=notify-add]");
        await Assertions.Expect(page.Locator("[data-testid=incident-notifications] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=incident-matrix] tbody tr").First).ToContainTextAsync("Notified");

        // Both statements: edit, save as drafts, approve.
        foreach (var (lang, line) in new[] { ("ja", "ファームウェア 2.0.1 で修正済みです。"), ("en", "Fixed in firmware 2.0.1.") })
        {
            var text = Field(page, $"statement-text-{lang}", "textarea");
            await text.FillAsync((await text.InputValueAsync()) + "\n" + line);
            await page.ClickAsync($"[data-testid=statement-save-{lang}]");
            await Assertions.Expect(page.Locator($"[data-testid=statement-status-{lang}]")).ToContainTextAsync("Draft");
            await page.ClickAsync($"[data-testid=statement-approve-{lang}]");
            await Assertions.Expect(page.Locator($"[data-testid=statement-status-{lang}]")).ToContainTextAsync("Approved");
            await Assertions.Expect(text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(line.Replace(".", "\\.", StringComparison.Ordinal)));
        }
        await BrowserSession.Screenshot(page, "40-incident-en");

        // The dashboard lists the incident's CRA reports; the bell counts the notices.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=cra-due]")).ToContainTextAsync("Incident notification (72 h)");
        await BrowserSession.Screenshot(page, "39-dashboard-en");
        await page.GotoAsync("/notices");
        // Support of the demo NAS 4.1 ends within 90 days; the CRA reports are further than 12 hours away.
        await Assertions.Expect(page.Locator("[data-testid=notices]")).ToContainTextAsync("Home NAS DS-4");

        // The same incident in Japanese.
        await BrowserSession.SwitchLanguageAsync(page, "ja");
        await page.GotoAsync("/incidents");
        await Assertions.Expect(page.Locator("[data-testid=incident-table]")).ToContainTextAsync("緊急");
        await BrowserSession.Screenshot(page, "41-incidents-ja");
        await page.ClickAsync("[data-testid=incident-table] tbody a");
        await Assertions.Expect(page.Locator("[data-testid=incident-clocks]")).ToContainTextAsync("早期警告");
        await Assertions.Expect(page.Locator("[data-testid=statement-status-ja]")).ToContainTextAsync("承認済み");
        await BrowserSession.Screenshot(page, "42-incident-ja");
        await page.GotoAsync("/incidents/matrix");
        await Assertions.Expect(page.Locator("[data-testid=matrix-table]")).ToContainTextAsync("経営層");
        await BrowserSession.Screenshot(page, "43-matrix-ja");
        await page.GotoAsync("/notices");
        await BrowserSession.Screenshot(page, "44-notices-ja");
        // The product page marks the version whose support ends soon.
        var products = await api.GetFromJsonAsync<JsonElement>("/api/products");
        var nas = products.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Home NAS DS-4").GetProperty("id").GetGuid();
        await page.GotoAsync($"/products/{nas}");
        await Assertions.Expect(page.Locator("[data-testid=support-ending]")).ToContainTextAsync("残り");
        await BrowserSession.Screenshot(page, "45-product-support-ja");
        await context.CloseAsync();
    }
}
