using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Components;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Vulnerabilities;

/// <summary>
/// A supplier's CSAF advisory uploaded as vulnerability data: recognised by its content, its product tree matched to
/// the components of the portfolio's SBOMs (the real SBOM reader and matcher run here), findings raised with source
/// CSAF; a TLP:AMBER advisory is refused.
/// </summary>
public class CsafImportTests
{
    // A camera SDK maker's advisory: 1.4.0 affected, 2.0.0 up to 2.3.1 (excluded) affected, 1.4.1 fixed.
    private const string Advisory = """
        {
          "document": {
            "category": "csaf_security_advisory", "csaf_version": "2.0", "lang": "en",
            "distribution": { "tlp": { "label": "{{TLP}}", "url": "https://www.first.org/tlp/" } },
            "notes": [{ "category": "summary", "text": "The camera SDK accepts oversized frames.", "title": "Summary" }],
            "publisher": { "category": "vendor", "name": "Hikari Modules PSIRT", "namespace": "https://psirt.hikari.example" },
            "title": "Camera SDK: heap overflow on oversized frames",
            "tracking": {
              "current_release_date": "2026-03-02T09:00:00.000Z", "id": "HM-2026-0007", "initial_release_date": "2026-03-02T09:00:00.000Z",
              "revision_history": [{ "date": "2026-03-02T09:00:00.000Z", "number": "1", "summary": "First release." }],
              "status": "final", "version": "1"
            }
          },
          "product_tree": {
            "branches": [{ "category": "vendor", "name": "Hikari Modules", "branches": [{ "category": "product_name", "name": "camera-sdk", "branches": [
              { "category": "product_version", "name": "1.4.0", "product": { "name": "camera-sdk 1.4.0", "product_id": "SDK-1.4.0",
                "product_identification_helper": { "purl": "pkg:npm/%40hikari/camera-sdk" } } },
              { "category": "product_version", "name": "1.4.1", "product": { "name": "camera-sdk 1.4.1", "product_id": "SDK-1.4.1",
                "product_identification_helper": { "purl": "pkg:npm/%40hikari/camera-sdk@1.4.1" } } },
              { "category": "product_version_range", "name": "vers:npm/>=2.0.0|<2.3.1", "product": { "name": "camera-sdk 2.x before 2.3.1", "product_id": "SDK-2.x",
                "product_identification_helper": { "purl": "pkg:npm/%40hikari/camera-sdk" } } },
              { "category": "product_version", "name": "0.9", "product": { "name": "camera-sdk 0.9 (no identifier)", "product_id": "SDK-0.9" } }
            ] }] }]
          },
          "vulnerabilities": [{
            "cve": "CVE-2026-10007",
            "notes": [{ "category": "description", "text": "A frame larger than the configured size overflows a heap buffer.", "title": "Description" }],
            "product_status": { "known_affected": ["SDK-1.4.0", "SDK-2.x", "SDK-0.9"], "fixed": ["SDK-1.4.1"] },
            "scores": [{ "cvss_v3": { "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL" },
                         "products": ["SDK-1.4.0", "SDK-2.x"] }],
            "title": "Heap overflow on oversized frames"
          }]
        }
        """;

    private static string Sbom(string sdkVersion) => $$"""
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "components":[{"type":"library","bom-ref":"sdk","name":"@hikari/camera-sdk","version":"{{sdkVersion}}","purl":"pkg:npm/%40hikari/camera-sdk@{{sdkVersion}}"}]}
        """;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_supplier_CSAF_upload_raises_findings_with_source_CSAF_on_the_affected_versions_only(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var product = await Api.CreateProductAsync(admin, unit.Id, "Camera NC-20", "B", "device");
        var versions = new Dictionary<string, Guid>();
        foreach (var (version, sdk) in new[] { ("4.0", "1.4.0"), ("4.1", "1.4.1"), ("5.0", "2.1.0"), ("5.1", "2.3.1") })
        {
            versions[version] = await ComponentsFixture.AddVersionAsync(admin, product.Id, version);
            var sbom = await admin.PostAsync($"/api/versions/{versions[version]}/sbom?fileName=nc20.cdx.json", Json(Sbom(sdk)));
            Assert.Equal(HttpStatusCode.Created, sbom.StatusCode);
        }

        var import = await admin.PostAsync("/api/vulnerabilities/import?fileName=hm-2026-0007.json", Json(Advisory.Replace("{{TLP}}", "WHITE", StringComparison.Ordinal)));

        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var result = await import.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(("csaf", 1, 1, 2, 1), (result.GetProperty("source").GetString(), result.GetProperty("records").GetInt32(),
            result.GetProperty("added").GetInt32(), result.GetProperty("newFindings").GetInt32(), result.GetProperty("skippedProducts").GetInt32()));
        // SDK 1.4.0 (listed) and 2.1.0 (in the range) are affected; 1.4.1 is fixed and 2.3.1 is where the range ends.
        foreach (var (version, affected) in new[] { ("4.0", true), ("4.1", false), ("5.0", true), ("5.1", false) })
        {
            var findings = await ComponentsFixture.FindingsAsync(admin, $"?versionId={versions[version]}");
            if (!affected)
            {
                Assert.Empty(findings);
                continue;
            }
            var finding = Assert.Single(findings);
            Assert.Equal(("HM-2026-0007#CVE-2026-10007", "CVE-2026-10007", "csaf", "@hikari/camera-sdk"),
                (finding.GetProperty("vulnerabilityId").GetString(), finding.GetProperty("cveId").GetString(),
                 finding.GetProperty("source").GetString(), finding.GetProperty("componentName").GetString()));
            Assert.Equal(9.8m, finding.GetProperty("cvssScore").GetDecimal());
            Assert.Contains("(csaf)", finding.GetProperty("matchedBy").GetString(), StringComparison.Ordinal);
        }
        var data = await admin.GetFromJsonAsync<JsonElement>("/api/vulnerabilities", TestContext.Current.CancellationToken);
        Assert.Equal("csaf", Assert.Single(data.GetProperty("sources").EnumerateArray()).GetProperty("source").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_TLP_AMBER_advisory_or_an_invalid_one_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();

        var amber = await Api.AssertProblemAsync(await admin.PostAsync("/api/vulnerabilities/import?fileName=hm-2026-0007.json",
            Json(Advisory.Replace("{{TLP}}", "AMBER", StringComparison.Ordinal))), HttpStatusCode.BadRequest);
        Assert.Equal("Vulnerabilities.Restricted", amber.GetProperty("code").GetString());
        Assert.Contains("TLP:AMBER", amber.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // 6.1.1: a product status names a product the tree does not define.
        var invalid = await Api.AssertProblemAsync(await admin.PostAsync("/api/vulnerabilities/import?fileName=hm-2026-0007.json",
            Json(Advisory.Replace("{{TLP}}", "WHITE", StringComparison.Ordinal).Replace("\"fixed\": [\"SDK-1.4.1\"]", "\"fixed\": [\"SDK-9.9\"]", StringComparison.Ordinal))), HttpStatusCode.BadRequest);
        Assert.Equal("Vulnerabilities.Unreadable", invalid.GetProperty("code").GetString());
        Assert.Contains("6.1.1", invalid.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("/vulnerabilities/0/product_status/fixed/0", invalid.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/vulnerabilities", TestContext.Current.CancellationToken)).GetProperty("sources").EnumerateArray());
    }
}
