using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Psirt;

/// <summary>
/// A PSIRT manager registers a supplier with a package key and finds it from a component's purl, then sets up a hybrid
/// PSIRT with a dedicated and a part-time member and fills the RACI row of vulnerability intake.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class PsirtOrganisationTests
{
    private const string Admin = "admin";
    private const string Password = "Organisation-Walk-Passw0rd";

    // MudBlazor puts the test id on the input itself or on its wrapper, depending on the component.
    private static ILocator Field(IPage page, string id, string tag) => page.Locator($"{tag}[data-testid={id}], [data-testid={id}] {tag}").First;

    [Fact]
    public async Task Manager_AddsSupplierAndLooksItUp_ThenSetsUpHybridPsirtWithMembersAndRaci()
    {
        BrowserSession.SkipUnlessChromium();
        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await api.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "setup", expiresInDays = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        await api.PostAsJsonAsync("/api/users", new { userName = "mori", displayName = "森 彩", password = "Mori-Manager-Passw0rd", roles = new[] { "PsirtManager" }, businessUnitIds = Array.Empty<Guid>() });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "mori", "Mori-Manager-Passw0rd");

        // The registry: add a supplier keyed by its npm scope.
        await page.GotoAsync("/stakeholders");
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("関係者");
        await BrowserSession.WaitUntilInteractive(page);
        await page.ClickAsync("[data-testid=stakeholder-add]");
        await page.Locator("[data-testid=form-kind-Supplier]").First.ClickAsync();
        await Field(page, "form-name-ja", "input").FillAsync("アクメ部品株式会社");
        await Field(page, "form-name-en", "input").FillAsync("Acme Components");
        await Field(page, "form-email", "input").FillAsync("psirt@acme.example");
        await Field(page, "form-purl-keys", "textarea").FillAsync("pkg:npm/@acme");
        await Field(page, "form-cpe-vendors", "textarea").FillAsync("acme");
        await page.ClickAsync("[data-testid=form-save]");
        await Assertions.Expect(page.Locator("[data-testid=table-Supplier]")).ToContainTextAsync("アクメ部品株式会社");
        await Assertions.Expect(page.Locator("[data-testid=table-Supplier]")).ToContainTextAsync("pkg:npm/@acme");

        // Who to contact for a component found in an SBOM.
        await Field(page, "lookup-input", "input").FillAsync("pkg:npm/%40acme/widget@1.2.0");
        await page.ClickAsync("[data-testid=lookup-submit]");
        await Assertions.Expect(page.Locator("[data-testid=lookup-results]")).ToContainTextAsync("アクメ部品株式会社");
        await Assertions.Expect(page.Locator("[data-testid=lookup-results]")).ToContainTextAsync("パッケージキー pkg:npm/@acme がパッケージの名前空間に一致します。");
        await Assertions.Expect(page.Locator("[data-testid=lookup-results]")).ToContainTextAsync("psirt@acme.example");
        await BrowserSession.Screenshot(page, "45-stakeholders-lookup-ja");
        await Field(page, "lookup-input", "input").FillAsync("pkg:npm/lodash@4.17.21");
        await page.ClickAsync("[data-testid=lookup-submit]");
        await Assertions.Expect(page.Locator("[data-testid=lookup-none]")).ToBeVisibleAsync();

        await BrowserSession.SwitchLanguageAsync(page, "en");
        await BrowserSession.WaitUntilInteractive(page);
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Coordinators") }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=table-Coordinator]")).ToContainTextAsync("JPCERT Coordination Center (JPCERT/CC)");
        await Assertions.Expect(page.Locator("[data-testid=table-Coordinator] [data-testid=to-be-confirmed]").First).ToHaveTextAsync("To be confirmed");
        await BrowserSession.Screenshot(page, "46-stakeholders-coordinators-en");

        // The PSIRT's set-up: hybrid, one dedicated lead and a part-time liaison, and who does intake.
        await page.GotoAsync("/psirt/organisation");
        await BrowserSession.WaitUntilInteractive(page);
        await page.Locator("[data-testid=setup-Hybrid]").First.ClickAsync();
        await Field(page, "setup-notes", "textarea").FillAsync("Central PSIRT in Quality Assurance; one liaison per business unit.");
        await page.ClickAsync("[data-testid=setup-save]");
        await Assertions.Expect(page.Locator("[data-testid=setup-current]")).ToContainTextAsync("Hybrid");

        await page.SelectOptionAsync("[data-testid=member-user]", new SelectOptionValue { Label = "森 彩 (mori)" });
        await page.SelectOptionAsync("[data-testid=member-department]", new SelectOptionValue { Label = "Quality Assurance" });
        await Field(page, "member-role", "input").FillAsync("PSIRT lead");
        await page.ClickAsync("[data-testid=member-add]");
        await Assertions.Expect(page.Locator("[data-testid=member-table]")).ToContainTextAsync("森 彩");

        await Field(page, "member-name", "input").FillAsync("Ken Tanaka");
        await page.SelectOptionAsync("[data-testid=member-department]", new SelectOptionValue { Label = "Development" });
        await Field(page, "member-role", "input").FillAsync("Liaison, home appliances");
        await page.Locator("[data-testid=member-parttime]").First.ClickAsync();
        await Field(page, "member-share", "input").FillAsync("30");
        await page.ClickAsync("[data-testid=member-add]");
        await Assertions.Expect(page.Locator("[data-testid=member-table]")).ToContainTextAsync("Ken Tanaka");
        await Assertions.Expect(page.Locator("[data-testid=psirt-fte]")).ToContainTextAsync("Total: 1.3 FTE (1 dedicated, 1 part-time)");

        await Assertions.Expect(page.Locator("[data-testid=raci-warnings-2\\.1]")).ToContainTextAsync("No A");
        await page.SelectOptionAsync("[data-testid=raci-2\\.1-Quality\\ Assurance]", "A");
        await Assertions.Expect(page.Locator("[data-testid=raci-warnings-2\\.1]")).ToHaveTextAsync("No R");
        await page.SelectOptionAsync("[data-testid=raci-2\\.1-Development]", "R");
        await page.SelectOptionAsync("[data-testid=raci-2\\.1-Customer\\ Support]", "I");
        await Assertions.Expect(page.Locator("[data-testid=raci-warnings-2\\.1]")).ToHaveTextAsync("");
        await Assertions.Expect(page.Locator("[data-testid=raci-row-4\\.1] [data-testid=unverified]")).ToBeVisibleAsync();
        await BrowserSession.Screenshot(page, "47-psirt-organisation-en");

        await BrowserSession.SwitchLanguageAsync(page, "ja");
        await Assertions.Expect(page.Locator("[data-testid=setup-current]")).ToContainTextAsync("ハイブリッド型");
        await Assertions.Expect(page.Locator("[data-testid=psirt-fte]")).ToContainTextAsync("専任 1 名、兼任 1 名");
        await BrowserSession.Screenshot(page, "48-psirt-organisation-ja");

        // A refusal of the domain is said in Japanese beside the form, with the field it concerns.
        await BrowserSession.WaitUntilInteractive(page);
        await Field(page, "member-name", "input").FillAsync("名無し");
        await page.ClickAsync("[data-testid=member-add]");
        await Assertions.Expect(page.Locator("[data-testid=member-error]")).ToHaveTextAsync("PSIRT での役割: 入力してください。");
    }
}
