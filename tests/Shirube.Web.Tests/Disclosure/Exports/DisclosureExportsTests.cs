using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Data;
using Shirube.Formats.Components;
using Shirube.Formats.Disclosure;
using Shirube.Formats.Disclosure.Cve;
using Shirube.Formats.Disclosure.Vex;
using Shirube.Formats.Vulnerabilities;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Disclosure.Exports;

/// <summary>
/// VEX, CVE record and JVN exports read from the portfolio: every output checked the way its consumer would check it
/// (CycloneDX 1.6 and OpenVEX schemas, the CSAF validator, the CVE record schema, the JVN reader), and seen only by
/// the unit that owns the version or case.
/// </summary>
public class DisclosureExportsTests
{
    private static readonly Guid CnaOrgId = Guid.Parse("7d1a3b5e-2c4f-4e8a-9b6d-0f1e2d3c4b5a");

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Shirube:Disclosure:PublisherName"] = "Example Devices",
        ["Shirube:Disclosure:Namespace"] = "https://psirt.example.com",
        ["Shirube:Disclosure:PublicUrl"] = "https://psirt.example.com",
        ["Shirube:Disclosure:Prefix"] = "EXD-SA",
        ["Shirube:Disclosure:CnaOrgId"] = CnaOrgId.ToString(),
        ["Shirube:Disclosure:CnaShortName"] = "example-devices",
    };

    private static readonly string[] Formats = ["cyclonedx", "openvex", "csaf"];

    // Two npm libraries every test SBOM carries, and the two records that name them: one with a CVE alias, one without.
    private static string Sbom(string product, string version, int shape)
    {
        // The identifier, then the ends of the subject component and of the metadata.
        var identifier = shape switch
        {
            0 => $",\"purl\":\"pkg:generic/example/{Slug(product)}@{version}\"",
            1 => $",\"cpe\":\"cpe:2.3:o:example:{Slug(product)}_firmware:{version}:*:*:*:*:*:*:*\"",
            _ => "",
        } + "}}";
        return $$"""
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"component":{"type":"firmware","bom-ref":"fw","name":"{{product}}","version":"{{version}}"{{identifier}},
             "components":[
               {"type":"library","bom-ref":"parser","name":"frame-parser","version":"1.0.0","purl":"pkg:npm/frame-parser@1.0.0"},
               {"type":"library","bom-ref":"net","name":"tiny-net","version":"2.0.0","purl":"pkg:npm/tiny-net@2.0.0"}]}
            """;
    }

    private static string Slug(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static string Osv(string id, string? alias, string package, string version) => $$"""
        {"schema_version":"1.6.0","id":"{{id}}","modified":"2026-06-01T00:00:00Z","published":"2026-05-01T00:00:00Z",
         "aliases":[{{(alias is null ? "" : $"\"{alias}\"")}}],"summary":"Overlong input crashes {{package}}.",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
         "affected":[{"package":{"ecosystem":"npm","name":"{{package}}"},"versions":["{{version}}"]}]}
        """;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<byte[]> BytesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    /// <summary>The VEX in one format, checked as its consumer would; the statements' vulnerability ids.</summary>
    private static string[] AssertValidVex(string format, byte[] bytes)
    {
        switch (format)
        {
            case "cyclonedx":
                // The reader validates against the official CycloneDX 1.6 schema.
                Assert.Equal("1.6", SbomReader.Read(new MemoryStream(bytes), "vex.cdx.json").SpecVersion);
                return [.. JsonNode.Parse(bytes)!["vulnerabilities"]!.AsArray().Select(v => (string)v!["id"]!)];
            case "openvex":
                var openVex = JsonNode.Parse(bytes)!;
                Assert.Empty(OpenVexWriter.SchemaErrors(openVex));
                return [.. openVex["statements"]!.AsArray().Select(s => (string)s!["vulnerability"]!["name"]!)];
            default:
                var report = CsafValidator.Validate(bytes, "vex.json");
                Assert.Empty(report.Errors.Select(e => $"{e.Test} {e.Path}: {e.Message}"));
                var csaf = JsonNode.Parse(bytes)!;
                Assert.Equal("csaf_vex", (string?)csaf["document"]!["category"]);
                return [.. csaf["vulnerabilities"]!.AsArray().Select(v => (string?)v!["cve"] ?? (string)v!["ids"]![0]!["text"]!)];
        }
    }

    [Fact]
    public async Task Every_demo_product_version_and_case_has_a_VEX_that_validates_in_all_three_formats()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings);
        using var admin = await app.AdminAsync();
        Assert.True((await admin.PostAsync("/api/demo", null)).IsSuccessStatusCode);
        var versions = new List<(string Product, Guid Version)>();
        foreach (var product in (await admin.GetFromJsonAsync<JsonElement>("/api/products")).EnumerateArray())
        {
            var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/products/{product.GetProperty("id").GetGuid()}");
            foreach (var version in detail.GetProperty("versions").EnumerateArray())
            {
                var (name, id) = (product.GetProperty("name").GetString()!, version.GetProperty("id").GetGuid());
                // Subjects named by purl, by CPE, and by nothing (then the version's urn:uuid names it).
                var sbom = await admin.PostAsync($"/api/versions/{id}/sbom?fileName=fw.cdx.json", Json(Sbom(name, version.GetProperty("version").GetString()!, versions.Count % 3)));
                Assert.Equal(HttpStatusCode.Created, sbom.StatusCode);
                versions.Add((name, id));
            }
        }
        await OkAsync(admin.PostAsync("/api/vulnerabilities/import?fileName=a.json", Json(Osv("GHSA-7x2f-p3qm-9vwc", "CVE-2026-20001", "frame-parser", "1.0.0"))));
        await OkAsync(admin.PostAsync("/api/vulnerabilities/import?fileName=b.json", Json(Osv("GHSA-4jh8-c6rv-m2kd", null, "tiny-net", "2.0.0"))));
        // The findings triaged in every way a PSIRT can: one state per version, the other finding left in triage or suppressed.
        object[] triages =
        [
            new { state = "exploitable" },
            new { state = "exploitable", detail = "Update the firmware to the next release." },
            new { state = "not_affected", justification = "code_not_reachable", detail = "The parser never sees network input." },
            new { state = "not_affected", justification = "requires_configuration" },
            new { state = "false_positive" },
            new { state = "resolved", detail = "Fixed in this build." },
        ];
        var stated = new Dictionary<Guid, string[]>();
        for (var i = 0; i < versions.Count; i++)
        {
            var findings = (await admin.GetFromJsonAsync<JsonElement>($"/api/findings?versionId={versions[i].Version}")).EnumerateArray()
                .OrderBy(f => f.GetProperty("vulnerabilityId").GetString(), StringComparer.Ordinal).ToList();
            Assert.Equal(2, findings.Count);
            await OkAsync(admin.PatchAsJsonAsync($"/api/findings/{findings[0].GetProperty("id").GetGuid()}", triages[i % triages.Length]));
            if (i % 2 == 1)
                await OkAsync(admin.PostAsJsonAsync($"/api/findings/{findings[1].GetProperty("id").GetGuid()}/suppression", new { reason = "Not shipped in this model." }));
            stated[versions[i].Version] = i % 2 == 1 ? ["GHSA-4jh8-c6rv-m2kd"] : ["GHSA-4jh8-c6rv-m2kd", "GHSA-7x2f-p3qm-9vwc"];
        }

        foreach (var (product, version) in versions)
        {
            foreach (var format in Formats)
            {
                var ids = AssertValidVex(format, await BytesAsync(admin, $"/api/versions/{version}/vex?format={format}"));
                // The suppressed finding is not stated; CSAF gives the record with a CVE alias under its CVE.
                var expected = format == "csaf" ? stated[version].Select(s => s == "GHSA-7x2f-p3qm-9vwc" ? "CVE-2026-20001" : s) : stated[version];
                Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
            }
        }
        // Cases still without a product have nothing to state (409); every other demo case has its VEX.
        var cases = (await admin.GetFromJsonAsync<JsonElement>("/api/cases")).EnumerateArray()
            .Where(c => c.TryGetProperty("productId", out var p) && p.ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
            foreach (var format in Formats)
                Assert.Equal(c.GetProperty("number").GetString(),
                    AssertValidVex(format, await BytesAsync(admin, $"/api/cases/{c.GetProperty("id").GetGuid()}/vex?format={format}")).Distinct().Single());
    }

    private const string ProductSbom = """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "metadata":{"component":{"type":"firmware","bom-ref":"fw","name":"hr-300","version":"2.1","purl":"pkg:generic/example/hr-300@2.1",
           "cpe":"cpe:2.3:o:example:hr-300_firmware:2.1:*:*:*:*:*:*:*"}},
         "components":[{"type":"library","bom-ref":"busybox","name":"busybox","version":"1.36.1","purl":"pkg:generic/busybox@1.36.1"}]}
        """;

    private sealed record Fixture(HttpClient Admin, HttpClient Outsider, Guid CaseId, Guid Affected, Guid Fixed) : IDisposable
    {
        public void Dispose()
        {
            Admin.Dispose();
            Outsider.Dispose();
        }
    }

    // A case with CVE on HR-300 of the HOME unit, 2.0 affected and 2.1 (with an SBOM) fixed, with its advisory's texts;
    // taro is an analyst of another unit.
    private static async Task<Fixture> ArrangeAsync(ShirubeApp app, bool advisory = true)
    {
        var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var cars = await Api.CreateUnitAsync(admin, "CARS");
        var product = await Api.CreateProductAsync(admin, home.Id, "HR-300", "A", "device");
        async Task<Guid> VersionAsync(string v) => (await OkAsync(admin.PostAsJsonAsync($"/api/products/{product.Id}/versions", new { version = v }))).GetProperty("id").GetGuid();
        var affected = await VersionAsync("2.0");
        var fixedVersion = await VersionAsync("2.1");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/versions/{fixedVersion}/sbom?fileName=hr-300-2.1.cdx.json", Json(ProductSbom))).StatusCode);
        await Api.CreateUserAsync(admin, "taro", "Cars-Passw0rd-1", ["PsirtAnalyst"], [cars.Id]);
        var caseId = (await OkAsync(app.CreateClient().PostAsJsonAsync("/api/reports", new
        {
            title = "Hard-coded telnet password on HR-300",
            description = "Port 23 accepts root / admin on firmware 2.0.",
            product = "HR-300",
        }))).GetProperty("id").GetGuid();
        await OkAsync(admin.PutAsJsonAsync($"/api/cases/{caseId}", new
        {
            productId = product.Id, affectedVersions = new[] { affected }, fixedVersions = new[] { fixedVersion }, cwe = "CWE-798",
            cvssVector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", cveId = "CVE-2026-12345", credit = "Taro Yamada", remediationPlan = "Remove the account in 2.1.",
        }));
        if (advisory)
        {
            var id = (await OkAsync(admin.PostAsync($"/api/cases/{caseId}/advisory", null))).GetProperty("id").GetGuid();
            await OkAsync(admin.PutAsJsonAsync($"/api/advisories/{id}", new
            {
                titleJa = "HR-300 における認証回避の脆弱性",
                titleEn = "Authentication bypass in HR-300",
                summaryJa = "HR-300 の telnet サービスに固定パスワードがあります。",
                summaryEn = "The telnet service of HR-300 has a hard-coded password.",
                workaroundJa = "LAN 側の telnet を無効にしてください。",
                workaroundEn = "Disable telnet on the LAN side.",
                impactJa = "LAN 上の第三者が管理者権限を得る可能性があります。",
                impactEn = "Anyone on the LAN may gain administrator rights.",
                cweName = "Use of Hard-coded Credentials",
                fixes = new[] { new { versionId = fixedVersion, url = "https://example.com/support/hr-300", date = "2026-11-30" } },
            }));
        }
        return new Fixture(admin, app.ClientWithToken(await app.TokenAsync("taro", "Cars-Passw0rd-1")), caseId, affected, fixedVersion);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_case_with_a_CVE_gives_a_CVE_record_naming_its_affected_and_fixed_versions_and_a_JVN_export_that_reads_back(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings);
        using var f = await ArrangeAsync(app);

        var record = JsonNode.Parse(await BytesAsync(f.Admin, $"/api/cases/{f.CaseId}/cve-record"))!;
        var container = record["cnaContainer"]!;
        // The fixed version's SBOM gives a package URL, which CVE JSON 5.2 carries.
        Assert.Empty(CveRecordWriter.SchemaErrors(container, CveSchemaVersion.V52));
        Assert.Equal((CnaOrgId.ToString(), "example-devices"), ((string?)container["providerMetadata"]!["orgId"], (string?)container["providerMetadata"]!["shortName"]));
        var affected = container["affected"]![0]!;
        Assert.Equal(("Example Devices", "HR-300"), ((string?)affected["vendor"], (string?)affected["product"]));
        Assert.Equal([("2.0", "affected"), ("2.1", "unaffected")], affected["versions"]!.AsArray().Select(v => ((string?)v!["version"], (string?)v["status"])));
        Assert.Equal(["en", "ja"], container["descriptions"]!.AsArray().Select(d => (string?)d!["lang"]));
        Assert.Contains(container["references"]!.AsArray(), r => (string?)r!["url"] == "https://example.com/support/hr-300");
        Assert.Equal("CWE-798", (string?)container["problemTypes"]![0]!["descriptions"]![0]!["cweId"]);

        var vuldef = await BytesAsync(f.Admin, $"/api/cases/{f.CaseId}/jvn?format=vuldef");
        var read = Assert.Single(JvnReader.Read(new MemoryStream(vuldef), "vuldef.xml"));
        Assert.Contains("CVE-2026-12345", read.Aliases.Append(read.Id));
        var statement = Encoding.UTF8.GetString(await BytesAsync(f.Admin, $"/api/cases/{f.CaseId}/jvn?format=statement"));
        Assert.Contains("Example Devices", statement, StringComparison.Ordinal);
        Assert.Contains("HR-300 を 2.1 以降に更新してください。", statement, StringComparison.Ordinal);

        var csaf = JsonNode.Parse(await BytesAsync(f.Admin, $"/api/cases/{f.CaseId}/vex?format=csaf"))!;
        Assert.Empty(CsafValidator.Validate(Encoding.UTF8.GetBytes(csaf.ToJsonString()), "vex.json").Errors);
        // The case is still being received: its affected version is under investigation until the remediation starts.
        var status = csaf["vulnerabilities"]![0]!["product_status"]!;
        Assert.Equal((1, 1), (status["under_investigation"]!.AsArray().Count, status["fixed"]!.AsArray().Count));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Another_units_user_gets_404_and_an_anonymous_caller_401_for_every_export(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider, settings: Settings);
        using var f = await ArrangeAsync(app);
        using var anonymous = app.CreateClient();
        string[] urls = [$"/api/versions/{f.Fixed}/vex", $"/api/cases/{f.CaseId}/vex?format=openvex", $"/api/cases/{f.CaseId}/cve-record", $"/api/cases/{f.CaseId}/jvn"];

        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await f.Outsider.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task A_CVE_record_without_a_CNA_id_or_a_reference_or_a_CVE_is_refused_with_a_code_saying_what_is_missing()
    {
        var withoutCna = new Dictionary<string, string>(Settings);
        withoutCna.Remove("Shirube:Disclosure:CnaOrgId");
        await using (var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: withoutCna))
        {
            using var f = await ArrangeAsync(app);
            var problem = await Api.AssertProblemAsync(await f.Admin.GetAsync($"/api/cases/{f.CaseId}/cve-record"), HttpStatusCode.Conflict);
            Assert.Equal("DisclosureExports.NoCna", problem.GetProperty("code").GetString());
            Assert.Contains("Shirube:Disclosure:CnaOrgId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        await using (var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: Settings))
        {
            using var f = await ArrangeAsync(app, advisory: false);
            var problem = await Api.AssertProblemAsync(await f.Admin.GetAsync($"/api/cases/{f.CaseId}/cve-record"), HttpStatusCode.Conflict);
            Assert.Equal("DisclosureExports.NoReference", problem.GetProperty("code").GetString());
            await OkAsync(f.Admin.PutAsJsonAsync($"/api/cases/{f.CaseId}", new { cveId = "" }));
            var noCve = await Api.AssertProblemAsync(await f.Admin.GetAsync($"/api/cases/{f.CaseId}/cve-record"), HttpStatusCode.Conflict);
            Assert.Equal("DisclosureExports.NoCve", noCve.GetProperty("code").GetString());
            var format = await Api.AssertProblemAsync(await f.Admin.GetAsync($"/api/versions/{f.Fixed}/vex?format=spdx"), HttpStatusCode.BadRequest);
            Assert.Equal("Common.UnknownValue", format.GetProperty("code").GetString());
        }
    }
}
