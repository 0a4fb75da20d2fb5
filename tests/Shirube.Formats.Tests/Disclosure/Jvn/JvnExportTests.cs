using System.Xml.Linq;
using Shirube.Domain.Disclosure.Records;
using Shirube.Domain.Packages;
using Shirube.Formats.Disclosure.Jvn;
using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Disclosure.Jvn;

/// <summary>The JVN export: a VULDEF 3.2 document that validates and reads back, and the Japanese vendor statement.</summary>
public class JvnExportTests
{
    private static readonly DateTimeOffset Published = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(9));

    private static JvnExportInput Full => new(
        "SG シリーズにおける OS コマンドインジェクションの脆弱性",
        "株式会社サンプル電機が提供する SG シリーズのウェブコンソールには、OS コマンドインジェクションの脆弱性が存在します。",
        "株式会社サンプル電機")
    {
        Products =
        [
            new JvnProduct("SG-100", "ファームウェア 2.1.0 およびそれ以前") { Cpe = Cpe.Parse("cpe:2.3:o:example-devices:sg-100_firmware:*:*:*:*:*:*:*:*"), FixedVersion = "2.1.1" },
            new JvnProduct("SG-200", "ファームウェア 3.0 から 3.4 まで") { Cpe = Cpe.Parse("cpe:/o:example-devices:sg-200_firmware"), FixedVersion = "3.5" },
            new JvnProduct("SG-300", "全バージョン"),
        ],
        Impact = "ログイン前の第三者によって、任意の OS コマンドを実行される可能性があります。",
        Cvss3Vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        Solutions =
        [
            new JvnSolution(JvnSolutionKind.Fix, "開発者が提供する情報をもとに、ファームウェアを最新版へアップデートしてください。") { Url = new Uri("https://example.co.jp/support/sg/firmware") },
            new JvnSolution(JvnSolutionKind.Workaround, "ウェブコンソールへのアクセスを信頼できるネットワークに限定してください。"),
        ],
        CveIds = ["CVE-2026-10001", "CVE-2026-10002"],
        Cwes = [new JvnWeakness("CWE-78", "OSコマンドインジェクション")],
        VendorAdvisory = new JvnLink("SG シリーズにおける脆弱性について", new Uri("https://example.co.jp/psirt/2026-001")),
        References = [new JvnLink("製品情報", new Uri("https://example.co.jp/products/sg"))],
        VendorComment = "本脆弱性を報告いただいた方に感謝いたします。",
        DateFirstPublished = Published,
        DateLastUpdated = Published.AddDays(5),
    };

    private static readonly JvnExportInput NotAffected = new("ライブラリ X の脆弱性について", "ライブラリ X の脆弱性は当社製品に影響しません。", "株式会社サンプル電機")
    {
        VendorStatus = JvnVendorStatus.NotAffected,
        DateFirstPublished = Published,
    };

    public sealed record Entry(string Name, JvnExportInput Input)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Entry> Inputs => new(
        new Entry("an affected vendor with three products, CVSS, fixes and workarounds", Full),
        new Entry("a vendor whose products are not affected", NotAffected),
        new Entry("an entry JVN has already numbered, with a history", Full with
        {
            JvnId = "JVNVU#91234567",
            History = [new JvnHistoryEntry(Published, "掲載"), new JvnHistoryEntry(Published.AddDays(5), "SG-200 の対策情報を追加")],
            DatePublic = Published,
        }));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void BuildVuldef_AnInput_ValidatesAgainstTheVuldefXsds(Entry input)
    {
        var folder = VuldefSchemas.Folder();
        Assert.True(Directory.Exists(folder));

        var document = BuildThroughBytes(input.Input);

        Assert.Empty(VuldefSchemas.Errors(document));
        Assert.Equal("ja", (string?)document.Root!.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public void BuildVuldef_ThroughJvnReader_GivesBackTheTitleCpesAndCveIds()
    {
        using var output = new MemoryStream();
        JvnExport.WriteVuldef(Full, output);
        output.Position = 0;

        var record = Assert.Single(JvnReader.Read(output, "export.xml"));

        Assert.Equal(JvnExport.PendingId, record.Id);
        Assert.Equal(Full.Title, record.Summary);
        Assert.Equal("ja", record.Language);
        Assert.Equal(["CVE-2026-10001", "CVE-2026-10002"], record.Aliases);
        Assert.Equal(["CWE-78"], record.Cwes);
        var cpes = record.Configurations.SelectMany(c => c.Nodes).SelectMany(n => n.Matches).Select(m => (m.Criteria.Vendor, m.Criteria.Product)).Distinct();
        Assert.Equal([("example-devices", "sg-100_firmware"), ("example-devices", "sg-200_firmware")], cpes);
        Assert.Contains(record.Severity, s => s.Score == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        Assert.Contains("https://example.co.jp/psirt/2026-001", record.References);
    }

    [Fact]
    public void BuildVuldef_TheCvssVector_IsScoredInTheImpact()
    {
        var cvss = BuildThroughBytes(Full).Descendants(JvnExport.Vuldef + "Cvss").Single();

        Assert.Equal("3.1", (string?)cvss.Attribute("version"));
        Assert.Equal("9.8", (string?)cvss.Element(JvnExport.Vuldef + "Base"));
        Assert.Equal("Critical", (string?)cvss.Element(JvnExport.Vuldef + "Severity"));
        Assert.Equal("cpe:/o:example-devices:sg-100_firmware", BuildThroughBytes(Full).Descendants(JvnExport.Vuldef + "Cpe").First().Value);
    }

    [Fact]
    public void VendorStatement_AnAffectedVendor_ListsEveryProductVersionAndFix()
    {
        var statement = JvnExport.VendorStatement(Full);

        Assert.Contains("ベンダステータス: 該当製品あり", statement, StringComparison.Ordinal);
        Assert.Contains("| SG-100 | ファームウェア 2.1.0 およびそれ以前 | 2.1.1 |", statement, StringComparison.Ordinal);
        Assert.Contains("| SG-200 | ファームウェア 3.0 から 3.4 まで | 3.5 |", statement, StringComparison.Ordinal);
        Assert.Contains("| SG-300 | 全バージョン | 未定 |", statement, StringComparison.Ordinal);
        Assert.Contains("- SG-100: 2.1.1 以降へアップデートしてください。", statement, StringComparison.Ordinal);
        Assert.Contains("- SG-200: 3.5 以降へアップデートしてください。", statement, StringComparison.Ordinal);
        Assert.Contains("### 回避策", statement, StringComparison.Ordinal);
        Assert.Contains("ウェブコンソールへのアクセスを信頼できるネットワークに限定してください。", statement, StringComparison.Ordinal);
        Assert.Contains("## ベンダのコメント", statement, StringComparison.Ordinal);
        Assert.Contains("- [SG シリーズにおける脆弱性について](https://example.co.jp/psirt/2026-001)", statement, StringComparison.Ordinal);
        Assert.Contains("- [CVE-2026-10002](https://www.cve.org/CVERecord?id=CVE-2026-10002)", statement, StringComparison.Ordinal);
        Assert.Contains("更新日: 2026年3月7日", statement, StringComparison.Ordinal);
        Assert.Contains("JVN 番号: 未採番", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void VendorStatement_ANotAffectedVendor_SaysSoWithoutAProductTable()
    {
        var statement = JvnExport.VendorStatement(NotAffected);

        Assert.Contains("ベンダステータス: 該当製品なし", statement, StringComparison.Ordinal);
        Assert.Contains("影響を受ける製品はありません。", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("## 対策", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void VendorStatement_APipeInAProductName_DoesNotBreakTheTable()
    {
        var statement = JvnExport.VendorStatement(Full with { Products = [new JvnProduct("SG-100 | SG-110", "2.1.0 以前")] });

        Assert.Contains("| SG-100 \\| SG-110 | 2.1.0 以前 | 未定 |", statement, StringComparison.Ordinal);
    }

    public sealed record Refusal(string Name, JvnExportInput Input, string Field)
    {
        public override string ToString() => $"{Name} is refused at {Field}";
    }

    public static TheoryData<Refusal> Refusals => new(
        new Refusal("an affected vendor without products", Full with { Products = [] }, "products"),
        new Refusal("no title", Full with { Title = " " }, "title"),
        new Refusal("a product without versions", Full with { Products = [new JvnProduct("SG-100", "")] }, "products[0].affectedVersions"),
        new Refusal("a CVSS vector without the impact", Full with { Impact = null }, "impact"),
        new Refusal("a CVSS 2 vector", Full with { Cvss3Vector = "AV:N/AC:L/Au:N/C:P/I:P/A:P" }, "cvss3Vector"),
        new Refusal("a malformed CVE id", Full with { CveIds = ["CVE-2026-1"] }, "cveIds[0]"));

    [Theory]
    [MemberData(nameof(Refusals))]
    public void WriteVuldef_AnIncompleteInput_IsRefusedNamingTheFieldBeforeWriting(Refusal refusal)
    {
        using var output = new MemoryStream();

        var e = Assert.Throws<JvnExportException>(() => JvnExport.WriteVuldef(refusal.Input, output));

        Assert.Equal(refusal.Field, e.Path);
        Assert.Equal(0, output.Length);
        Assert.Throws<JvnExportException>(() => JvnExport.VendorStatement(refusal.Input));
    }

    [Fact]
    public void VuldefSchemas_TheCorpusDetailDocuments_Validate()
    {
        // Proves the schema set: IPA's own getVulnDetailInfo responses pass it.
        var folder = Path.Combine(VuldefSchemas.Folder(), "../../examples/hnd");
        foreach (var file in Directory.GetFiles(folder, "getVulnDetailInfo_*.xml"))
            Assert.Empty(VuldefSchemas.Errors(XDocument.Load(file)));
    }

    [Fact]
    public void VuldefSchemas_ADocumentWithAnUnknownSeverity_IsRefused()
    {
        var document = BuildThroughBytes(Full);
        document.Descendants(JvnExport.Vuldef + "Severity").Single().Value = "Severe";

        Assert.NotEmpty(VuldefSchemas.Errors(document));
    }

    // Written to bytes and read back with line numbers, as a consumer would see it.
    private static XDocument BuildThroughBytes(JvnExportInput input)
    {
        using var output = new MemoryStream();
        JvnExport.WriteVuldef(input, output);
        output.Position = 0;
        return XDocument.Load(output, LoadOptions.SetLineInfo);
    }
}
