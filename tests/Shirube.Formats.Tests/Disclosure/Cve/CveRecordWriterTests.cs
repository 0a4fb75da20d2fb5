using System.Text.Json.Nodes;
using Shirube.Domain.Disclosure.Records;
using Shirube.Domain.Packages;
using Shirube.Formats.Disclosure.Cve;
using Shirube.Testing;

namespace Shirube.Formats.Tests.Disclosure.Cve;

/// <summary>CNA containers written from a neutral input validate against the CVE record schema; incomplete inputs are refused by field.</summary>
public class CveRecordWriterTests
{
    private static readonly Guid Cna = Guid.Parse("8254265b-2729-46b6-b9e3-3dfca2d5bfca");

    private static CveRecordInput Minimal => new("CVE-2026-10001", Cna)
    {
        Descriptions = [LocalizedText.En("OS command injection in the web console of SG-100 firmware before 2.1.1.")],
        Affected = [new CveAffectedProduct("Example Devices", "SG-100") { Versions = [CveVersion.AffectedBefore("0", "2.1.1", "semver")], DefaultStatus = CveVersionStatus.Unaffected }],
        References = [new CveReference(new Uri("https://example.com/psirt/ESA-2026-001"))],
    };

    private static CveRecordInput Full => Minimal with
    {
        AssignerShortName = "example-dev",
        DateAssigned = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero),
        DatePublic = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(9)),
        Title = "OS command injection in SG-100 web console",
        Descriptions =
        [
            LocalizedText.En("OS command injection in the web console of SG-100 firmware before 2.1.1."),
            LocalizedText.Ja("SG-100 ファームウェア 2.1.1 より前のバージョンのウェブコンソールには OS コマンドインジェクションの脆弱性があります。"),
        ],
        Affected =
        [
            new CveAffectedProduct("Example Devices", "SG-100")
            {
                Versions = [CveVersion.AffectedBefore("2.0.0", "2.1.1", "semver"), new CveVersion("1.9.3", CveVersionStatus.Unaffected)],
                DefaultStatus = CveVersionStatus.Unknown,
                Cpes = [Cpe.Parse("cpe:2.3:o:example-devices:sg-100_firmware:*:*:*:*:*:*:*:*")],
            },
            new CveAffectedProduct("Example Devices", "SG-200")
            {
                Versions = [new CveVersion("3.0", CveVersionStatus.Affected) { LessThanOrEqual = "3.4", VersionType = "custom" }],
            },
        ],
        ProblemTypes = [new CveProblemType("CWE-78", "CWE-78 OS Command Injection"), new CveProblemType("CWE-78", "OSコマンドインジェクション", "ja")],
        Cvss31Vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        Cvss40Vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        References =
        [
            new CveReference(new Uri("https://example.com/psirt/ESA-2026-001")) { Name = "ESA-2026-001", Tags = ["vendor-advisory"] },
            new CveReference(new Uri("https://example.com/firmware/sg-100/2.1.1")) { Tags = ["patch", "release-notes"] },
        ],
        Credits = [new CveCredit("en", "Taro Yamada", CveCreditType.Finder), new CveCredit("ja", "山田太郎", CveCreditType.Finder), new CveCredit("en", "JPCERT/CC", CveCreditType.Coordinator)],
        Solutions = [LocalizedText.En("Update the firmware to 2.1.1 or later."), LocalizedText.Ja("ファームウェアを 2.1.1 以降に更新してください。")],
        Workarounds = [LocalizedText.En("Disable the web console."), LocalizedText.Ja("ウェブコンソールを無効にしてください。")],
    };

    public sealed record Input(string Name, CveRecordInput Record, CveSchemaVersion Schema)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Input> Inputs => new(
        new Input("the minimum the CVE Program requires", Minimal, CveSchemaVersion.V51),
        new Input("ja and en texts, two products, CPEs, CWE, CVSS 3.1 and 4.0, credits, solutions, workarounds", Full, CveSchemaVersion.V51),
        new Input("a product with a package URL (5.2)", Minimal with
        {
            Affected = [new CveAffectedProduct("Example Devices", "sg-agent") { Purl = PackageUrl.Parse("pkg:npm/%40example/sg-agent@1.4.0"), Versions = [CveVersion.AffectedBefore("0", "1.4.1", "semver")] }],
        }, CveSchemaVersion.V52),
        new Input("only a default status", Minimal with { Affected = [new CveAffectedProduct("Example Devices", "SG-300") { DefaultStatus = CveVersionStatus.Affected }] }, CveSchemaVersion.V51));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Build_AnInput_ValidatesAgainstTheCnaPublishedContainer(Input input)
    {
        var container = CveRecordWriter.Build(input.Record);

        Assert.Empty(CveRecordWriter.SchemaErrors(container, input.Schema));
        Assert.Equal(Cna.ToString(), (string?)container["providerMetadata"]!["orgId"]);
        Assert.Contains(container["descriptions"]!.AsArray(), d => (string?)d!["lang"] == "en");
    }

    [Fact]
    public void Build_TheFullInput_KeepsWhatAReaderOfTheRecordChecks()
    {
        var container = CveRecordWriter.Build(Full);

        Assert.Equal(["en", "ja"], container["descriptions"]!.AsArray().Select(d => (string?)d!["lang"]));
        var sg100 = container["affected"]![0]!;
        Assert.Equal("2.1.1", (string?)sg100["versions"]![0]!["lessThan"]);
        Assert.Equal("cpe:2.3:o:example-devices:sg-100_firmware:*:*:*:*:*:*:*:*", (string?)sg100["cpes"]![0]);
        Assert.Equal("3.4", (string?)container["affected"]![1]!["versions"]![0]!["lessThanOrEqual"]);
        var v31 = container["metrics"]![0]!["cvssV3_1"]!;
        Assert.Equal(9.8m, v31["baseScore"]!.GetValue<decimal>());
        Assert.Equal("CRITICAL", (string?)v31["baseSeverity"]);
        var v40 = container["metrics"]![1]!["cvssV4_0"]!;
        Assert.Equal(9.3m, v40["baseScore"]!.GetValue<decimal>());
        Assert.Equal("CRITICAL", (string?)v40["baseSeverity"]);
        Assert.Equal("CWE-78", (string?)container["problemTypes"]![0]!["descriptions"]![0]!["cweId"]);
        Assert.Equal(["vendor-advisory"], container["references"]![0]!["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("coordinator", (string?)container["credits"]![2]!["type"]);
        Assert.Equal("ファームウェアを 2.1.1 以降に更新してください。", (string?)container["solutions"]![1]!["value"]);
        Assert.Equal("2026-03-01T01:00:00Z", (string?)container["datePublic"]);
    }

    [Fact]
    public void Build_APackageUrlWithAVersion_WritesItWithout()
    {
        var input = Minimal with { Affected = [new CveAffectedProduct("Example Devices", "sg-agent") { Purl = PackageUrl.Parse("pkg:npm/%40example/sg-agent@1.4.0"), DefaultStatus = CveVersionStatus.Affected }] };

        var container = CveRecordWriter.Build(input);

        Assert.Equal("pkg:npm/%40example/sg-agent", (string?)container["affected"]![0]!["packageURL"]);
    }

    [Fact]
    public void Write_TheFullInput_WrapsTheContainerAsCveServicesTakesIt()
    {
        using var output = new MemoryStream();

        CveRecordWriter.Write(Full, output);

        var written = JsonNode.Parse(output.ToArray())!;
        Assert.True(JsonNode.DeepEquals(CveRecordWriter.Build(Full), written["cnaContainer"]));
    }

    public sealed record Refusal(string Name, CveRecordInput Record, string Field)
    {
        public override string ToString() => $"{Name} is refused at {Field}";
    }

    public static TheoryData<Refusal> Refusals => new(
        new Refusal("no affected product", Minimal with { Affected = [] }, "affected"),
        new Refusal("no description", Minimal with { Descriptions = [] }, "descriptions"),
        new Refusal("a Japanese description only", Minimal with { Descriptions = [LocalizedText.Ja("脆弱性があります。")] }, "descriptions"),
        new Refusal("no reference", Minimal with { References = [] }, "references"),
        new Refusal("a malformed CVE id", Minimal with { CveId = "CVE-26-1" }, "cveId"),
        new Refusal("no assigner", Minimal with { AssignerOrgId = Guid.Empty }, "assignerOrgId"),
        new Refusal("a product without versions or default status", Minimal with { Affected = [new CveAffectedProduct("Example Devices", "SG-100")] }, "affected[0].versions"),
        new Refusal("a range without version type", Minimal with { Affected = [new CveAffectedProduct("Example Devices", "SG-100") { Versions = [new CveVersion("0", CveVersionStatus.Affected) { LessThan = "2.1.1" }] }] }, "affected[0].versions[0].versionType"),
        new Refusal("a CVSS 3.0 vector", Minimal with { Cvss31Vector = "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }, "cvss31Vector"),
        new Refusal("a CWE id without its prefix", Minimal with { ProblemTypes = [new CveProblemType("78", "OS command injection")] }, "problemTypes[0].cweId"));

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Build_AnIncompleteInput_IsRefusedNamingTheFieldBeforeWriting(Refusal refusal)
    {
        using var output = new MemoryStream();

        var e = Assert.Throws<CveRecordException>(() => CveRecordWriter.Write(refusal.Record, output));

        Assert.Equal(refusal.Field, e.Path);
        Assert.Equal(0, output.Length);
    }

    public sealed record Example(string File, string ContainerAt)
    {
        public override string ToString() => System.IO.Path.GetFileName(File);
    }

    public static TheoryData<Example> Examples => new(
        new Example("cnaContainer-basic-example.json", "/cnaContainer"),
        new Example("cnaContainer-advanced-example.json", "/cnaContainer"),
        new Example("full-record-basic-example.json", "/containers/cna"),
        new Example("full-record-advanced-example.json", "/containers/cna"));

    [Theory]
    [MemberData(nameof(Examples))]
    public void SchemaErrors_AnOfficialExample_HasNoneIn51Or52(Example example)
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the official CVE examples are in the shared corpora (CI sets it).");
        var record = JsonNode.Parse(File.ReadAllBytes(Path.Combine(CorpusDataAttribute.Corpora!, "cve-schema/schema/docs", example.File)))!;
        Assert.True(Json.Pointer.JsonPointer.Parse(example.ContainerAt).TryEvaluate(record, out var container));

        Assert.Empty(CveRecordWriter.SchemaErrors(container!, CveSchemaVersion.V51));
        Assert.Empty(CveRecordWriter.SchemaErrors(container!, CveSchemaVersion.V52));
    }

    [Fact]
    public void SchemaErrors_AContainerWithoutAffected_NamesTheMissingProperty()
    {
        var container = CveRecordWriter.Build(Minimal);
        container.Remove("affected");

        var errors = CveRecordWriter.SchemaErrors(container);

        Assert.Contains(errors, e => e.Message.Contains("affected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CveSchemaVersion.V51, "cve-schema/schema/docs/CVE_Record_Format_bundled.json")]
    [InlineData(CveSchemaVersion.V52, "cve-schema/CERTCC-cveClient/schema/CVE_Record_Format_bundled.json")]
    public void SchemaFile_Embedded_IsByteIdenticalToItsUpstreamCopy(CveSchemaVersion version, string upstream)
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, "SHIRUBE_CORPORA is not set: the upstream schemas are in the shared corpora (CI sets it).");

        Assert.Equal(File.ReadAllBytes(Path.Combine(CorpusDataAttribute.Corpora!, upstream)), CveRecordWriter.SchemaFile(version));
    }
}
