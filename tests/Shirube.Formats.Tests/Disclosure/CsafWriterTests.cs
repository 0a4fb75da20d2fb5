using System.Text.Json;
using System.Text.Json.Nodes;
using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Formats.Disclosure;

namespace Shirube.Formats.Tests.Disclosure;

/// <summary>One realistic advisory: a case and its product as the portfolio has it, the advisory's texts, a language and a status.</summary>
public sealed record AdvisoryCase(string Name, string Language, DocumentStatus Status, string? Vector, string? Cvss31, bool Purl, int Affected, int Fixed,
    TlpLabel Tlp = TlpLabel.Clear, bool Texts = true, bool Published = false)
{
    public override string ToString() => $"{Name} ({Language}, {Status})";
}

public partial class CsafWriterTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DocumentPublisher Publisher = new("Example Devices", new Uri("https://psirt.example.com"), "psirt@example.com");
    private static readonly Uri Self = new("https://psirt.example.com/.well-known/csaf/white/2026/example-sa-2026-0001.json");
    // The Japanese document is a CSAF document of its own: its tracking id has -JA, so its file name differs.
    private static readonly Uri SelfJa = new("https://psirt.example.com/.well-known/csaf/white/2026/example-sa-2026-0001-ja.json");

    public static TheoryData<AdvisoryCase> Realistic()
    {
        var rows = new TheoryData<AdvisoryCase>();
        foreach (var language in new[] { "ja", "en" })
        {
            rows.Add(new AdvisoryCase("v3.1, SBOM purl, two affected, one fixed", language, DocumentStatus.Final, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null, true, 2, 1));
            rows.Add(new AdvisoryCase("v3.1, no SBOM, draft", language, DocumentStatus.Draft, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null, false, 1, 1));
            rows.Add(new AdvisoryCase("v3.1 with temporal metrics, interim, no fix yet", language, DocumentStatus.Interim, "CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:N/E:P/RL:W", null, true, 3, 0, TlpLabel.Green));
            rows.Add(new AdvisoryCase("v4.0 with a v3.1 companion", language, DocumentStatus.Final, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", false, 1, 2, TlpLabel.Amber));
            rows.Add(new AdvisoryCase("v4.0 with a companion, purl, republished", language, DocumentStatus.Final, "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", true, 2, 1, TlpLabel.Red, Published: true));
            rows.Add(new AdvisoryCase("v3.1, bare texts, all fixed", language, DocumentStatus.Final, "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", null, false, 0, 2, Texts: false));
            rows.Add(new AdvisoryCase("v3.0 vector, several versions", language, DocumentStatus.Draft, "CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", null, true, 5, 1));
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Realistic))]
    public void Write_RealisticAdvisory_PassesTheValidatorWithoutErrorsOrWarnings(AdvisoryCase row)
    {
        var report = CsafValidator.Validate(CsafWriter.Write(Compose(row)), "advisory.json");

        Assert.Empty(report.Errors.Concat(report.Warnings).Select(r => $"{r.Test} {r.Path}: {r.Message}"));
    }

    [Theory]
    [MemberData(nameof(Realistic))]
    public void Write_RealisticAdvisory_SaysWhatTheCaseAndAdvisorySay(AdvisoryCase row)
    {
        var json = JsonNode.Parse(CsafWriter.Write(Compose(row)))!;
        var document = json["document"]!;
        var vulnerability = json["vulnerabilities"]![0]!;

        Assert.Equal(row.Language, (string?)document["lang"]);
        Assert.Equal(row.Language == "ja" ? "ルーターの脆弱性" : "Router vulnerability", (string?)document["title"]);
        Assert.Equal(row.Status.ToString().ToLowerInvariant(), (string?)document["tracking"]!["status"]);
        Assert.Equal(row.Tlp == TlpLabel.Clear ? "WHITE" : row.Tlp.ToString().ToUpperInvariant(), (string?)document["distribution"]!["tlp"]!["label"]);
        Assert.Equal("CVE-2026-12345", (string?)vulnerability["cve"]);
        Assert.Equal(row.Affected, vulnerability["product_status"]!["known_affected"]?.AsArray().Count ?? 0);
        Assert.Equal(row.Fixed, vulnerability["product_status"]!["fixed"]?.AsArray().Count ?? 0);
        var names = json["product_tree"]!["branches"]![0]!["branches"]![0]!["branches"]![0]!["branches"]!.AsArray().Select(b => (string?)b!["name"]).ToList();
        Assert.Equal(Enumerable.Range(0, row.Affected + row.Fixed).Select(i => $"2.{i}"), names);
        Assert.Equal(row.Language == "ja" ? "家庭用機器事業部" : "Home Devices", (string?)json["product_tree"]!["branches"]![0]!["branches"]![0]!["name"]);
        Assert.Equal(row.Published ? ["1", "2"] : ["1"], document["tracking"]!["revision_history"]!.AsArray().Select(r => (string?)r!["number"]));
        var notes = vulnerability["notes"]!.AsArray().Select(n => (string?)n!["text"]).ToList();
        Assert.Equal(row.Vector!.StartsWith("CVSS:4.0", StringComparison.Ordinal), notes.Any(n => n!.Contains(row.Vector, StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_PurlFromTheSbom_CarriesTheVersion()
    {
        var json = JsonNode.Parse(CsafWriter.Write(Compose(new("purl", "en", DocumentStatus.Final, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null, true, 1, 0))))!;
        var helper = json["product_tree"]!["branches"]![0]!["branches"]![0]!["branches"]![0]!["branches"]![0]!["product"]!["product_identification_helper"]!;

        Assert.Equal("pkg:generic/example/hr-300@2.0", (string?)helper["purl"]);
        Assert.Equal("cpe:2.3:o:example:hr-300_firmware:2.0:*:*:*:*:*:*:*", (string?)helper["cpe"]);
    }

    [Fact]
    public void Write_CaseScoredOnlyInV40_GivesTheVectorAsANoteAndWarnsOnlyThatAffectedVersionsHaveNoScore()
    {
        var bytes = CsafWriter.Write(Compose(new("v4.0 only", "en", DocumentStatus.Final, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", null, false, 2, 1)));
        var report = CsafValidator.Validate(bytes, "advisory.json");
        var json = JsonNode.Parse(bytes)!;

        Assert.Empty(report.Errors);
        Assert.Equal(["6.2.3", "6.2.3"], report.Warnings.Select(w => w.Test));
        Assert.Null(json["vulnerabilities"]![0]!["scores"]);
        Assert.Contains(json["vulnerabilities"]![0]!["notes"]!.AsArray(), n => (string?)n!["title"] == "CVSS v4.0" && ((string?)n["text"])!.Contains("9.3", StringComparison.Ordinal));
        Assert.Equal("Critical", (string?)json["document"]!["aggregate_severity"]!["text"]);
    }

    public static TheoryData<string, NotAffectedReason?, string?> VexRows() => new()
    {
        { "ja", NotAffectedReason.VulnerableCodeNotPresent, null },
        { "en", NotAffectedReason.ComponentNotPresent, null },
        { "en", null, "The telnet service is not built into this model." },
        { "ja", NotAffectedReason.VulnerableCodeNotInExecutePath, "この機種では該当機能は実行されません。" },
    };

    [Theory]
    [MemberData(nameof(VexRows))]
    public void Write_Vex_PassesTheValidatorWithoutErrorsOrWarnings(string language, NotAffectedReason? justification, string? statement)
    {
        var document = Vex(language, justification, statement);

        var report = CsafValidator.Validate(CsafWriter.Write(document), "vex.json");

        Assert.Empty(report.Errors.Concat(report.Warnings).Select(r => $"{r.Test} {r.Path}: {r.Message}"));
        var json = JsonNode.Parse(CsafWriter.Write(document))!;
        Assert.Equal("csaf_vex", (string?)json["document"]!["category"]);
        Assert.Equal(justification is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(justification.Value.ToString()),
            (string?)json["vulnerabilities"]![0]!["flags"]?[0]!["label"]);
    }

    [Fact]
    public void Write_VexNotAffectedWithoutJustificationOrStatement_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => CsafWriter.Write(Vex("en", null, null)));

        Assert.Contains("justification", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StatusOfAVersionNotInTheTree_IsRefused()
    {
        var document = Vex("en", NotAffectedReason.ComponentNotPresent, null);
        var broken = document with { Vulnerabilities = [document.Vulnerabilities[0] with { Statuses = [new StatusEntry("nowhere", ProductState.Fixed)] }] };

        Assert.Throws<ArgumentException>(() => CsafWriter.Write(broken));
    }

    [Fact]
    public void Write_KeysOfEveryObject_AreSorted()
    {
        var text = CsafWriter.WriteString(Compose(new("sorted", "ja", DocumentStatus.Final, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null, true, 2, 1)));

        Assert.StartsWith("{\n  \"document\": {\n    \"aggregate_severity\"", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("ルーターの脆弱性", text, StringComparison.Ordinal);
    }

    private static AdvisoryDocument Vex(string language, NotAffectedReason? justification, string? statement) => new()
    {
        Category = DocumentCategory.Vex,
        Language = language,
        Publisher = Publisher,
        TrackingId = "EXAMPLE-VEX-2026-0001",
        Status = DocumentStatus.Final,
        Revisions = [new DocumentRevision(1, Now, "Initial release")],
        Title = "VEX for CVE-2026-12345",
        SelfUrl = new Uri("https://psirt.example.com/.well-known/csaf/white/2026/example-vex-2026-0001.json"),
        Products = [new ProductEntry("Example Devices", null, "HR-300", [
            new VersionEntry("a", "2.0", Purl: "pkg:generic/example/hr-300@2.0"),
            new VersionEntry("b", "2.1", Cpe: "cpe:2.3:o:example:hr-300_firmware:2.1:*:*:*:*:*:*:*"),
            new VersionEntry("c", "3.0", Purl: "pkg:generic/example/hr-300@3.0")])],
        Vulnerabilities =
        [
            new VulnerabilityEntry
            {
                Cve = "CVE-2026-12345",
                Notes = [new DocumentNote(NoteKind.Description, "Details", "A hard-coded password in the telnet service.")],
                Cvss3Vector = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                Statuses = [new StatusEntry("a", ProductState.KnownAffected), new StatusEntry("b", ProductState.Fixed),
                    new StatusEntry("c", ProductState.KnownNotAffected, justification, statement)],
                Remediations = [new RemediationEntry(RemediationKind.VendorFix, "Update to 2.1.", ["a"], new Uri("https://example.com/fw"), Now)],
            },
        ],
        GeneratedAt = Now,
    };

    /// <summary>The document the composer makes for <paramref name="row"/>: the advisory of a case on HR-300 with versions 2.0, 2.1…</summary>
    internal static AdvisoryDocument Compose(AdvisoryCase row)
    {
        var unit = Guid.CreateVersion7();
        var versions = Enumerable.Range(0, row.Affected + row.Fixed)
            .Select(i => new VersionFacts(Guid.CreateVersion7(), $"2.{i}", row.Purl ? "pkg:generic/example/hr-300" : null,
                row.Purl ? $"cpe:2.3:o:example:hr-300_firmware:2.{i}:*:*:*:*:*:*:*" : null))
            .ToList();
        var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Hard-coded telnet password", "Port 23 accepts a factory password on every unit.", "HR-300", null, Now);
        c.Assign(Guid.CreateVersion7(), unit, versions.Take(row.Affected).Select(v => v.Id));
        c.RecordFixes(versions.Skip(row.Affected).Select(v => v.Id));
        c.Analyse("CWE-798", null, row.Vector);
        c.Identify("CVE-2026-12345");
        c.Plan("Remove the account.", null, null, "Taro Yamada (Example Security)");
        var content = new AdvisoryContent
        {
            Tlp = row.Tlp,
            TitleJa = "ルーターの脆弱性",
            TitleEn = "Router vulnerability",
            SummaryJa = row.Texts ? "HR-300 に認証回避の脆弱性があります。" : null,
            SummaryEn = row.Texts ? "HR-300 has an authentication bypass." : null,
            DetailsJa = row.Texts ? "telnet サービスに固定パスワードが残っています。" : null,
            DetailsEn = row.Texts ? "The telnet service keeps a hard-coded password." : null,
            WorkaroundJa = row.Texts ? "LAN 側の telnet を無効にしてください。" : null,
            WorkaroundEn = row.Texts ? "Disable telnet on the LAN side." : null,
            MitigationJa = row.Texts ? "信頼できる機器だけを LAN に接続してください。" : null,
            MitigationEn = row.Texts ? "Connect only trusted devices to the LAN." : null,
            ImpactJa = row.Texts ? "LAN 上の第三者が管理者権限を得る可能性があります。" : null,
            ImpactEn = row.Texts ? "Anyone on the LAN may gain administrator rights." : null,
            Acknowledgment = c.Credit,
            CweName = row.Texts ? "Use of Hard-coded Credentials" : null,
            Cvss31Vector = row.Cvss31,
            Fixes = [.. versions.Skip(row.Affected).Select((v, i) => new AdvisoryFix(v.Id, i == 0 ? new Uri("https://example.com/support/hr-300") : null, new DateOnly(2026, 11, 30)))],
        };
        var advisory = Advisory.Draft(c.Id, unit, "EXAMPLE-SA-2026-0001", content, "analyst", Now.AddDays(-3));
        if (row.Published)
        {
            advisory.Submit("analyst");
            advisory.Approve("manager", Now.AddDays(-2));
            advisory.Publish(AdvisoryRelease.Final, null, "manager", Now.AddDays(-2), "{}", "{}");
            advisory.Edit(advisory.Content with { RevisionSummaryJa = "修正版を追加", RevisionSummaryEn = "Fixed version added" }, "analyst", Now.AddDays(-1));
        }
        var product = new ProductFacts("家庭用機器事業部", "Home Devices", "HR-300", versions);
        return AdvisoryComposer.Compose(advisory, c, product, Publisher, row.Language, row.Status, Now, row.Language == "ja" ? SelfJa : Self);
    }
}
