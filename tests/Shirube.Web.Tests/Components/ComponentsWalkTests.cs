using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Components;

/// <summary>
/// Issue 12's walk in Debian's Chromium: a real Yocto/OpenEmbedded SPDX and cve-bin-tool's CycloneDX firmware SBOM
/// are imported on product version pages, vulnerability data arrives, the findings page shows what matched and why,
/// and a case is opened from a finding; in Japanese and in English.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public class ComponentsWalkTests
{
    private const string Admin = "admin";
    private const string Password = "Components-Walk-Passw0rd";
    private const string Nas = "Home NAS DS-4";
    private const string Router = "Wi-Fi home router HR-300";

    // An OSV record for the Tomcat HTTP/2 denial of service (CVE-2019-0199: 9.0.0.M1 to 9.0.14, fixed in 9.0.16), as a
    // feed would carry it for Maven (an "x_" id: OSV keeps that prefix for private databases); the firmware SBOM ships
    // tomcat-catalina 9.0.14.
    private const string TomcatRecord = """
        {"schema_version":"1.6.0","id":"x_TOMCAT-2019-0199","modified":"2024-01-01T00:00:00Z","published":"2019-04-10T00:00:00Z",
         "aliases":["CVE-2019-0199"],"summary":"Apache Tomcat HTTP/2 connection exhaustion",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
         "affected":[{"package":{"ecosystem":"Maven","name":"org.apache.tomcat:tomcat-catalina"},
                      "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"9.0.0"},{"fixed":"9.0.16"}]}]}]}
        """;

    private static async Task<HttpClient> ApiAsync(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/auth/tokens", new { username = Admin, password = Password, name = "browser test", expiresInDays = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return http;
    }

    private static async Task<(string Product, string Version)> LatestVersionAsync(HttpClient api, string name)
    {
        var products = await api.GetFromJsonAsync<JsonElement>("/api/products");
        var id = products.EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        var product = await api.GetFromJsonAsync<JsonElement>($"/api/products/{id}");
        var version = product.GetProperty("versions").EnumerateArray().Last().GetProperty("id").GetString()!;
        return (id, version);
    }

    private static Task UploadAsync(IPage page, string file, string shows) =>
        BrowserSession.UploadAsync(page, "[data-testid=sbom] input[type=file]", file, page.Locator("[data-testid=components-table]"), shows);

    [Fact]
    public async Task Real_Yocto_and_firmware_SBOMs_import_the_findings_say_why_and_a_case_opens_from_a_finding_in_Japanese_and_English()
    {
        BrowserSession.SkipUnlessChromium();
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, $"{CorpusDataAttribute.Variable} is not set: the SBOMs are read from the shared corpora (CI sets it).");
        var corpora = CorpusDataAttribute.Corpora!;
        var yocto = Path.Combine(corpora, "spdx-ntia-docfest/tests/doc_fest/OpenEmbedded/recipe-python3-pyyaml.spdx.json");
        var firmware = Path.Combine(corpora, "firmware-and-embedded/cve-bin-tool/test/sbom/cyclonedx_test.json");

        await using var server = await ServerProcess.StartAsync(Admin, Password);
        using var api = await ApiAsync(server);
        Assert.True((await api.PostAsync("/api/demo", null)).IsSuccessStatusCode);
        var nas = await LatestVersionAsync(api, Nas);
        var router = await LatestVersionAsync(api, Router);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        var context = await BrowserSession.NewContextAsync(browser, server, "ja-JP");
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, Admin, Password);

        // The Yocto recipe SBOM on the router: SPDX 2.2, its package with the CPE create-spdx gives it.
        await page.GotoAsync($"/products/{router.Product}/versions/{router.Version}/components");
        await BrowserSession.WaitUntilInteractive(page);
        await UploadAsync(page, yocto, "python3-pyyaml");
        await Assertions.Expect(page.Locator("[data-testid=sbom]")).ToContainTextAsync("SPDX");
        await Assertions.Expect(page.Locator("[data-testid=components-table]")).ToContainTextAsync("cpe:2.3:a:*:python3-pyyaml:6.0");
        await BrowserSession.Screenshot(page, "120-yocto-components-ja");

        // The firmware SBOM on the NAS, then the vulnerability data: the finding appears, with the range that matched.
        await page.GotoAsync($"/products/{nas.Product}/versions/{nas.Version}/components");
        await BrowserSession.WaitUntilInteractive(page);
        await UploadAsync(page, firmware, "tomcat-catalina");
        var import = await api.PostAsync("/api/vulnerabilities/import?fileName=tomcat.json", new StringContent(TomcatRecord, Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var imported = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, imported.GetProperty("newFindings").GetInt32());
        await page.ReloadAsync();
        await BrowserSession.WaitUntilInteractive(page);
        var findings = page.Locator("[data-testid=findings-table]");
        await Assertions.Expect(findings).ToContainTextAsync("x_TOMCAT-2019-0199");
        await Assertions.Expect(findings).ToContainTextAsync("CVE-2019-0199");
        await Assertions.Expect(findings).ToContainTextAsync("9.0.16");
        await Assertions.Expect(findings).ToContainTextAsync("7.5");
        await BrowserSession.Screenshot(page, "121-firmware-findings-ja");
        // The notice centre names the version with a new high finding, and leads to it.
        await page.GotoAsync("/notices");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=notices]")).ToContainTextAsync("今週、CVSS 7.0 以上の新しい検出が 1 件");
        await BrowserSession.Screenshot(page, "121a-notices-new-findings-ja");
        await page.GotoAsync($"/products/{nas.Product}/versions/{nas.Version}/components");
        await BrowserSession.WaitUntilInteractive(page);

        // A case from the finding: it opens on the case page with product, version, CVE and CVSS filled in, and the
        // finding links to it.
        await BrowserSession.ClickToPageAsync(page, "[data-testid=findings-table] [data-testid=open-case]", "**/cases/*");
        var caseId = page.Url.Split('/')[^1];
        await Assertions.Expect(page.Locator("[data-testid=case-cve]")).ToHaveValueAsync("CVE-2019-0199");
        await BrowserSession.Screenshot(page, "122-case-from-finding-ja");
        var opened = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("CVE-2019-0199", opened.GetProperty("cveId").GetString());
        Assert.Contains("tomcat-catalina", opened.GetProperty("title").GetString(), StringComparison.Ordinal);
        await page.GotoAsync($"/products/{nas.Product}/versions/{nas.Version}/components");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator($"[data-testid=findings-table] a[href='/cases/{caseId}']")).ToHaveCountAsync(1);
        await BrowserSession.Screenshot(page, "123-finding-with-case-ja");

        // English: the findings page, the portfolio's findings and "am I affected?" for the package.
        await BrowserSession.SwitchLanguageAsync(page, "en");
        await page.GotoAsync($"/products/{nas.Product}/versions/{nas.Version}/components");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=findings-table]")).ToContainTextAsync("x_TOMCAT-2019-0199");
        await BrowserSession.Screenshot(page, "124-firmware-findings-en");
        await page.GotoAsync("/findings");
        await BrowserSession.WaitUntilInteractive(page);
        await Assertions.Expect(page.Locator("[data-testid=findings-by-product]")).ToContainTextAsync(Nas);
        await BrowserSession.Screenshot(page, "125-portfolio-findings-en");
        await page.GotoAsync("/affected");
        await BrowserSession.WaitUntilInteractive(page);
        await page.FillAsync("[data-testid=affected-query]", "pkg:maven/org.apache.tomcat/tomcat-catalina");
        await page.ClickAsync("[data-testid=affected-search]");
        await Assertions.Expect(page.Locator("[data-testid=affected-hits]")).ToContainTextAsync(Nas);
        await Assertions.Expect(page.Locator("[data-testid=affected-hits]")).ToContainTextAsync("9.0.14");
        await BrowserSession.Screenshot(page, "126-affected-en");
        await context.CloseAsync();
    }
}
