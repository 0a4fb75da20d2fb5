using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain.Exploitation;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;
using static Shirube.Web.Tests.Components.ComponentsFixture;

namespace Shirube.Web.Tests.Components;

public class ComponentsApiTests
{
    private const string Password = "Unit-Passw0rd-12";

    private static async Task<(ShirubeApp App, HttpClient Admin, Guid Unit, Guid Product, Guid Version)> StartAsync(DatabaseProvider provider, ComponentsFixture fixture)
    {
        var app = await ShirubeApp.StartAsync(provider, services: fixture.Configure);
        var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        var router = await Api.CreateProductAsync(admin, unit.Id, "HR-300", "A", "device");
        var version = await AddVersionAsync(admin, router.Id, "2.1");
        return (app, admin, unit.Id, router.Id, version);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_reimported_SBOM_replaces_the_versions_components_and_resolves_the_findings_that_left_with_them(DatabaseProvider provider)
    {
        var fixture = new ComponentsFixture();
        fixture.Serve("v1.cdx.json", Document(Component("router-fw", "2.1"), Component("openssl", "1.1.1k", "pkg:deb/debian/openssl@1.1.1k"), Component("zlib", "1.2.11", "pkg:deb/debian/zlib@1.2.11")));
        fixture.Serve("v2.cdx.json", Document(Component("router-fw", "2.1"), Component("openssl", "3.0.13", "pkg:deb/debian/openssl@3.0.13"), Component("zlib", "1.2.11", "pkg:deb/debian/zlib@1.2.11")));
        fixture.Know(Record("CVE-2021-3711", "openssl", "1.1.1k"));
        fixture.Know(Record("CVE-2018-25032", "zlib", "1.2.11", Medium));
        var (app, admin, _, _, version) = await StartAsync(provider, fixture);
        await using var _app = app;
        using var _admin = admin;

        var first = await UploadAsync(admin, version, "v1.cdx.json");
        Assert.Equal(3, first.GetProperty("sbom").GetProperty("components").GetInt32());
        Assert.Equal(2, first.GetProperty("sbom").GetProperty("withPurl").GetInt32());
        Assert.Equal(2, first.GetProperty("findings").GetProperty("added").GetInt32());
        var findings = await FindingsAsync(admin, $"?versionId={version}");
        // The worst first: the critical openssl flaw, scored by Shirube's calculator, then zlib's medium one.
        Assert.Equal(["CVE-2021-3711", "CVE-2018-25032"], findings.Select(f => f.GetProperty("vulnerabilityId").GetString()));
        Assert.Equal(9.8m, findings[0].GetProperty("cvssScore").GetDecimal());
        Assert.Equal("Critical", findings[0].GetProperty("severity").GetString());
        Assert.Equal("in_triage", findings[0].GetProperty("state").GetString());
        var zlib = FindingOf(findings, "CVE-2018-25032", "zlib").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/findings/{zlib}", new { state = "not_affected", justification = "code_not_reachable", detail = "inflate is never called" })).StatusCode);

        // The second import, as a form upload, replaces the components: openssl 3.0.13 no longer carries the flaw.
        var second = await UploadFormAsync(admin, version, "v2.cdx.json");
        Assert.Equal(new[] { 0, 1, 1 }, new[] { "added", "kept", "vanished" }.Select(k => second.GetProperty("findings").GetProperty(k).GetInt32()));
        var components = await admin.GetFromJsonAsync<JsonElement>($"/api/versions/{version}/components");
        Assert.Equal("v2.cdx.json", components.GetProperty("sbom").GetProperty("fileName").GetString());
        Assert.Equal(["3.0.13", "2.1", "1.2.11"], components.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("version").GetString()));
        var openssl = components.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "openssl");
        Assert.Equal("pkg:deb/debian/openssl@3.0.13", openssl.GetProperty("purl").GetString());
        Assert.Equal(["Apache-2.0"], openssl.GetProperty("licences").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(2, components.GetProperty("dependencies").GetArrayLength());
        findings = await FindingsAsync(admin, $"?versionId={version}");
        var gone = FindingOf(findings, "CVE-2021-3711", "openssl");
        Assert.Equal("resolved", gone.GetProperty("state").GetString());
        Assert.True(gone.GetProperty("resolvedByAbsence").GetBoolean());
        // The finding that stayed keeps its triage.
        var kept = FindingOf(findings, "CVE-2018-25032", "zlib");
        Assert.Equal(("not_affected", "code_not_reachable"), (kept.GetProperty("state").GetString(), kept.GetProperty("justification").GetString()));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/findings/summary?versionId={version}")).GetProperty("total").GetInt32());

        // A file that cannot be read is refused naming it, and the stored SBOM stays as it was.
        var bad = await Api.AssertProblemAsync(await admin.PostAsync($"/api/versions/{version}/sbom?fileName=broken.json", new StringContent("{")), HttpStatusCode.BadRequest);
        Assert.Equal("Components.SbomUnreadable", bad.GetProperty("code").GetString());
        Assert.Contains("broken.json", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("v2.cdx.json", (await admin.GetFromJsonAsync<JsonElement>($"/api/versions/{version}/sbom")).GetProperty("fileName").GetString());
        var empty = await Api.AssertProblemAsync(await admin.PostAsync($"/api/versions/{version}/sbom", new ByteArrayContent([])), HttpStatusCode.BadRequest);
        Assert.Equal("Components.SbomMissing", empty.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_user_of_another_unit_sees_neither_the_components_nor_the_findings_and_an_auditor_reads_but_cannot_triage(DatabaseProvider provider)
    {
        var fixture = new ComponentsFixture();
        fixture.Serve("fw.json", Document(Component("router-fw", "2.1"), Component("busybox", "1.35.0", "pkg:deb/debian/busybox@1.35.0", "cpe:2.3:a:busybox:busybox:1.35.0:*:*:*:*:*:*:*")));
        fixture.Know(Record("CVE-2022-48174", "busybox", "1.35.0"));
        var (app, admin, home, _, version) = await StartAsync(provider, fixture);
        await using var _app = app;
        using var _admin = admin;
        await UploadAsync(admin, version, "fw.json");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        await Api.CreateUserAsync(admin, "kei", Password, ["PsirtAnalyst"], [infra.Id]);
        await Api.CreateUserAsync(admin, "aiko", Password, ["Auditor"], [home]);
        using var kei = app.ClientWithToken(await app.TokenAsync("kei", Password));
        using var aiko = app.ClientWithToken(await app.TokenAsync("aiko", Password));
        var finding = (await FindingsAsync(admin, "")).Single().GetProperty("id").GetGuid();

        Assert.Equal("Components.VersionNotFound", (await Api.AssertProblemAsync(await kei.GetAsync($"/api/versions/{version}/components"), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await Api.AssertProblemAsync(await kei.GetAsync($"/api/findings/{finding}"), HttpStatusCode.NotFound);
        Assert.Empty(await FindingsAsync(kei, ""));
        Assert.Empty(await FindingsAsync(kei, $"?versionId={version}"));
        Assert.Empty((await kei.GetFromJsonAsync<JsonElement>("/api/findings/by-product")).EnumerateArray());
        Assert.Equal(0, (await kei.GetFromJsonAsync<JsonElement>("/api/findings/summary")).GetProperty("total").GetInt32());
        foreach (var q in new[] { "busybox", "pkg:deb/debian/busybox", "cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*", "CVE-2022-48174" })
            Assert.Empty((await kei.GetFromJsonAsync<JsonElement>($"/api/affected?q={Uri.EscapeDataString(q)}")).GetProperty("hits").EnumerateArray());
        await Api.AssertProblemAsync(await kei.PatchAsJsonAsync($"/api/findings/{finding}", new { state = "false_positive" }), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await kei.PostAsJsonAsync("/api/findings/triage", new { ids = new[] { finding }, state = "false_positive" }), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await kei.PostAsync($"/api/findings/{finding}/case", null), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await UploadResponseAsync(kei, version), HttpStatusCode.NotFound);

        // The auditor of the unit reads everything and changes nothing.
        Assert.Single(await FindingsAsync(aiko, ""));
        Assert.Equal(2, (await aiko.GetFromJsonAsync<JsonElement>($"/api/versions/{version}/components")).GetProperty("components").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await aiko.PatchAsJsonAsync($"/api/findings/{finding}", new { state = "false_positive" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadResponseAsync(aiko, version)).StatusCode);
        Assert.Equal("in_triage", (await admin.GetFromJsonAsync<JsonElement>($"/api/findings/{finding}")).GetProperty("finding").GetProperty("state").GetString());
    }

    private static Task<HttpResponseMessage> UploadResponseAsync(HttpClient client, Guid version) =>
        client.PostAsync($"/api/versions/{version}/sbom?fileName=fw.json", new StringContent("{}"));

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Triage_is_kept_in_the_findings_history_and_the_audit_log_and_a_bulk_triage_changes_all_or_none(DatabaseProvider provider)
    {
        var fixture = new ComponentsFixture();
        fixture.Serve("fw.json", Document(Component("router-fw", "2.1"), Component("curl", "7.88.1"), Component("expat", "2.5.0"), Component("sqlite", "3.40.1")));
        fixture.Know(Record("CVE-2023-38545", "curl", "7.88.1"));
        fixture.Know(Record("CVE-2024-28757", "expat", "2.5.0", Medium));
        fixture.Know(Record("CVE-2023-7104", "sqlite", "3.40.1", vector: null));
        var (app, admin, _, _, version) = await StartAsync(provider, fixture);
        await using var _app = app;
        using var _admin = admin;
        await UploadAsync(admin, version, "fw.json");
        var findings = await FindingsAsync(admin, "");
        Guid Id(string component) => findings.Single(f => f.GetProperty("componentName").GetString() == component).GetProperty("id").GetGuid();
        // curl critical, expat medium, sqlite without a CVSS vector.
        var counts = await CountsAsync(admin);
        Assert.Equal([1, 0, 1, 0, 0, 1, 3], counts);

        var wrong = await Api.AssertProblemAsync(await admin.PatchAsJsonAsync($"/api/findings/{Id("curl")}", new { state = "not_affected" }), HttpStatusCode.BadRequest);
        Assert.Equal("Components.NotAffectedNeedsWhy", wrong.GetProperty("code").GetString());
        var unknown = await Api.AssertProblemAsync(await admin.PatchAsJsonAsync($"/api/findings/{Id("curl")}", new { state = "fixed" }), HttpStatusCode.BadRequest);
        Assert.Contains("in_triage, exploitable, false_positive, not_affected, resolved", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var misplaced = await Api.AssertProblemAsync(await admin.PatchAsJsonAsync($"/api/findings/{Id("curl")}", new { state = "exploitable", justification = "code_not_present" }), HttpStatusCode.BadRequest);
        Assert.Equal("Components.JustificationOnlyWhenNotAffected", misplaced.GetProperty("code").GetString());

        var triaged = await admin.PatchAsJsonAsync($"/api/findings/{Id("curl")}", new { state = "exploitable", detail = "libcurl's SOCKS5 proxy is used by the updater" });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        var detail = await triaged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Detected", "Triaged"], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(("exploitable", "admin"), (detail.GetProperty("history")[1].GetProperty("state").GetString(), detail.GetProperty("history")[1].GetProperty("by").GetString()));
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Finding&entityId={Id("curl")}&action=Updated");
        Assert.Contains("Exploitable", audit.GetProperty("entries")[0].GetProperty("after").GetString(), StringComparison.Ordinal);

        // A bulk triage naming a finding that does not exist changes none.
        var missing = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/findings/triage", new { ids = new[] { Id("expat"), Guid.NewGuid() }, state = "false_positive" }), HttpStatusCode.NotFound);
        Assert.Equal("Components.FindingNotFound", missing.GetProperty("code").GetString());
        Assert.Equal("in_triage", (await admin.GetFromJsonAsync<JsonElement>($"/api/findings/{Id("expat")}")).GetProperty("finding").GetProperty("state").GetString());
        var bulk = await admin.PostAsJsonAsync("/api/findings/triage", new { ids = new[] { Id("expat"), Id("sqlite") }, state = "not_affected", justification = "requires_configuration", detail = "Not built in" });
        Assert.Equal(2, (await bulk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("triaged").GetInt32());
        Assert.Equal(2, (await FindingsAsync(admin, "?state=not_affected")).Count(f => f.GetProperty("justification").GetString() == "requires_configuration"));

        // Suppression needs a reason, is audited and kept in the history, and takes the finding out of the open ones.
        var noReason = await Api.AssertProblemAsync(await admin.PostAsJsonAsync($"/api/findings/{Id("curl")}/suppression", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("Components.SuppressionReason", noReason.GetProperty("code").GetString());
        var suppressed = await (await admin.PostAsJsonAsync($"/api/findings/{Id("curl")}/suppression", new { reason = "Updater disabled on every shipped unit" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Updater disabled on every shipped unit", suppressed.GetProperty("finding").GetProperty("suppressionReason").GetString());
        Assert.Equal("Suppressed", suppressed.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Empty(await FindingsAsync(admin, "?open=true"));
        var suppressionAudit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=Finding&entityId={Id("curl")}&action=Updated");
        Assert.Contains(suppressionAudit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("after").GetString()!.Contains("Updater disabled", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/findings/{Id("curl")}/suppression")).StatusCode);
        Assert.Single(await FindingsAsync(admin, "?open=true"));
    }

    private static async Task<int[]> CountsAsync(HttpClient client)
    {
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/findings/summary");
        return [.. new[] { "critical", "high", "medium", "low", "none", "unscored", "total" }.Select(k => summary.GetProperty(k).GetInt32())];
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_case_opened_from_a_finding_is_filled_in_and_its_outcome_sets_the_findings_state(DatabaseProvider provider)
    {
        var fixture = new ComponentsFixture();
        fixture.Serve("fw.json", Document(Component("router-fw", "2.1"), Component("openssl", "1.1.1k", "pkg:deb/debian/openssl@1.1.1k"), Component("zlib", "1.2.11")));
        fixture.Know(Record("GHSA-xq3w-v528-46rv", "openssl", "1.1.1k", Critical, "CVE-2021-3711"));
        fixture.Know(Record("CVE-2018-25032", "zlib", "1.2.11", Medium));
        var (app, admin, _, product, version) = await StartAsync(provider, fixture);
        await using var _app = app;
        using var _admin = admin;
        await UploadAsync(admin, version, "fw.json");
        var findings = await FindingsAsync(admin, "");
        var openssl = FindingOf(findings, "GHSA-xq3w-v528-46rv", "openssl").GetProperty("id").GetGuid();
        var zlib = FindingOf(findings, "CVE-2018-25032", "zlib").GetProperty("id").GetGuid();

        var created = await admin.PostAsync($"/api/findings/{openssl}/case", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var opened = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(product, opened.GetProperty("productId").GetGuid());
        Assert.Equal([version], opened.GetProperty("affectedVersions").EnumerateArray().Select(v => v.GetGuid()));
        Assert.Equal("CVE-2021-3711", opened.GetProperty("cveId").GetString());
        Assert.Equal(Critical, opened.GetProperty("cvssVector").GetString());
        Assert.Equal("Triage", opened.GetProperty("state").GetString());
        Assert.Equal("GHSA-xq3w-v528-46rv in openssl 1.1.1k", opened.GetProperty("title").GetString());
        Assert.Contains("pkg:deb/debian/openssl@1.1.1k", opened.GetProperty("description").GetString(), StringComparison.Ordinal);
        var linked = await admin.GetFromJsonAsync<JsonElement>($"/api/findings/{openssl}");
        Assert.Equal(caseId, linked.GetProperty("finding").GetProperty("caseId").GetGuid());
        Assert.Equal(opened.GetProperty("number").GetString(), linked.GetProperty("finding").GetProperty("caseNumber").GetString());
        Assert.Equal("Components.CaseExists", (await Api.AssertProblemAsync(await admin.PostAsync($"/api/findings/{openssl}/case", null), HttpStatusCode.Conflict)).GetProperty("code").GetString());

        async Task<string?> StateOf(Guid id) => (await admin.GetFromJsonAsync<JsonElement>($"/api/findings/{id}")).GetProperty("finding").GetProperty("state").GetString();
        async Task MoveAsync(Guid id, string to, string? reason = null) =>
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/cases/{id}/transitions", new { to, reason })).StatusCode);

        await MoveAsync(caseId, "Analysis");
        Assert.Equal("in_triage", await StateOf(openssl));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/cases/{caseId}", new { cwe = "CWE-120", remediationPlan = "Ship openssl 3.0.13 in 2.1.1" })).StatusCode);
        await MoveAsync(caseId, "Remediation");
        Assert.Equal("exploitable", await StateOf(openssl));
        await MoveAsync(caseId, "Release");
        Assert.Equal("resolved", await StateOf(openssl));
        Assert.Equal("CaseFollowed", (await admin.GetFromJsonAsync<JsonElement>($"/api/findings/{openssl}")).GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());

        // A case the PSIRT rejects leaves its finding not affected, with the reason.
        var second = (await (await admin.PostAsync($"/api/findings/{zlib}/case", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await MoveAsync(second, "Rejected", "inflate is not reachable from any input");
        var rejected = (await admin.GetFromJsonAsync<JsonElement>($"/api/findings/{zlib}")).GetProperty("finding");
        Assert.Equal("not_affected", rejected.GetProperty("state").GetString());
        Assert.Contains("inflate is not reachable", rejected.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Am_I_affected_finds_every_version_by_name_purl_cpe_and_vulnerability_id_and_the_dashboard_lists_new_critical_and_KEV_findings(DatabaseProvider provider)
    {
        var fixture = new ComponentsFixture();
        fixture.Serve("a.json", Document(Component("router-fw", "2.1"), Component("log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
            Component("linux", "5.10.0", cpe: "cpe:2.3:o:linux:linux_kernel:5.10.0:*:*:*:*:*:*:*")));
        fixture.Serve("b.json", Document(Component("router-fw", "3.0"), Component("log4j-core", "2.17.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"),
            Component("linux", "6.1.0", cpe: "cpe:2.3:o:linux:linux_kernel:6.1.0:*:*:*:*:*:*:*")));
        var log4shell = Record("GHSA-jfh8-c2jp-5v3q", "log4j-core", "2.14.1", Critical, "CVE-2021-44228");
        var kernel = Record("CVE-2024-1086", "linux", "5.10.0", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
        fixture.Know(log4shell);
        fixture.Know(kernel);
        var (app, admin, _, product, older) = await StartAsync(provider, fixture);
        await using var _app = app;
        using var _admin = admin;
        var newer = await AddVersionAsync(admin, product, "3.0");
        await using (var db = app.Database.NewContext())
        {
            // The records as a feed import stores them (their aliases answer "am I affected?"), and the kernel flaw in KEV.
            await VulnerabilityStore.UpsertAsync(db, [log4shell, kernel]);
            db.KevEntries.Add(new KevEntry("CVE-2024-1086", "Linux", "Kernel", "Linux Kernel Use-After-Free", new DateOnly(2024, 5, 30), new DateOnly(2024, 6, 20), true, "Apply updates"));
            await db.SaveChangesAsync();
        }
        await UploadAsync(admin, older, "a.json");
        await UploadAsync(admin, newer, "b.json");

        async Task<string[]> Hits(string q)
        {
            var answer = await admin.GetFromJsonAsync<JsonElement>($"/api/affected?q={Uri.EscapeDataString(q)}");
            return [.. answer.GetProperty("hits").EnumerateArray().Select(h => $"{h.GetProperty("version").GetString()} {h.GetProperty("component").GetString()} {h.GetProperty("componentVersion").GetString()}")];
        }

        Assert.Equal(["2.1 log4j-core 2.14.1", "3.0 log4j-core 2.17.1"], await Hits("log4j-core"));
        Assert.Equal(["2.1 log4j-core 2.14.1", "3.0 log4j-core 2.17.1"], await Hits("org.apache.logging.log4j:LOG4J-core"));
        Assert.Equal(["2.1 log4j-core 2.14.1", "3.0 log4j-core 2.17.1"], await Hits("pkg:maven/org.apache.logging.log4j/log4j-core"));
        Assert.Equal(["3.0 log4j-core 2.17.1"], await Hits("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"));
        Assert.Equal(["2.1 linux 5.10.0", "3.0 linux 6.1.0"], await Hits("cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*"));
        Assert.Equal(["2.1 linux 5.10.0"], await Hits("cpe:2.3:o:linux:linux_kernel:5.10.0:*:*:*:*:*:*:*"));
        Assert.Empty(await Hits("cpe:2.3:o:microsoft:linux_kernel:*:*:*:*:*:*:*:*"));
        Assert.Equal(["2.1 log4j-core 2.14.1"], await Hits("GHSA-jfh8-c2jp-5v3q"));
        Assert.Equal(["2.1 log4j-core 2.14.1"], await Hits("cve-2021-44228"));
        Assert.Empty(await Hits("CVE-2099-0001"));
        var kind = await admin.GetFromJsonAsync<JsonElement>("/api/affected?q=spring-boot-starter");
        Assert.Equal("name", kind.GetProperty("kind").GetString());
        Assert.Equal("Components.QueryRequired", (await Api.AssertProblemAsync(await admin.GetAsync("/api/affected?q="), HttpStatusCode.BadRequest)).GetProperty("code").GetString());

        // The dashboard's card: the critical log4j finding and the kernel finding in KEV (high, but known exploited).
        var news = (await admin.GetFromJsonAsync<JsonElement>("/api/findings/new")).EnumerateArray().ToList();
        Assert.Equal(["GHSA-jfh8-c2jp-5v3q", "CVE-2024-1086"], news.Select(f => f.GetProperty("vulnerabilityId").GetString()));
        Assert.True(news[1].GetProperty("kev").GetBoolean());
        Assert.Equal("High", news[1].GetProperty("severity").GetString());
        var portfolio = (await admin.GetFromJsonAsync<JsonElement>("/api/findings/by-product")).EnumerateArray().Single();
        Assert.Equal(("HR-300", 1, 1, 1), (portfolio.GetProperty("product").GetString(), portfolio.GetProperty("open").GetProperty("critical").GetInt32(),
            portfolio.GetProperty("open").GetProperty("high").GetInt32(), portfolio.GetProperty("open").GetProperty("kev").GetInt32()));
        Assert.Equal(["CVE-2024-1086"], (await FindingsAsync(admin, "?kev=true")).Select(f => f.GetProperty("vulnerabilityId").GetString()));
    }
}
