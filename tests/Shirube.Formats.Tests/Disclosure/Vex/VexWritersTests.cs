using System.Text.Json.Nodes;
using Shirube.Domain.Components;
using Shirube.Domain.Disclosure.Vex;
using Shirube.Formats.Disclosure.Vex;
using static Shirube.Formats.Tests.Disclosure.Vex.VexSamples;

namespace Shirube.Formats.Tests.Disclosure.Vex;

/// <summary>The same statements as CycloneDX VEX and OpenVEX: each document validates and says the same thing.</summary>
public class VexWritersTests
{
    public sealed record Row(VexStatus Status, FindingJustification? Justification, string CycloneDxState, string? OpenVexJustification)
    {
        public override string ToString() =>
            $"{VexNames.Of(Status)}{(Justification is { } j ? " because " + VexNames.Of(j) : "")} is {CycloneDxState} in CycloneDX{(OpenVexJustification is { } o ? " and " + o + " in OpenVEX" : "")}";
    }

    public static TheoryData<Row> Rows => new(
        new Row(VexStatus.Affected, null, "exploitable", null),
        new Row(VexStatus.Fixed, null, "resolved", null),
        new Row(VexStatus.UnderInvestigation, null, "in_triage", null),
        new Row(VexStatus.NotAffected, null, "not_affected", null),
        new Row(VexStatus.NotAffected, FindingJustification.CodeNotPresent, "not_affected", "vulnerable_code_not_present"),
        new Row(VexStatus.NotAffected, FindingJustification.CodeNotReachable, "not_affected", "vulnerable_code_not_in_execute_path"),
        new Row(VexStatus.NotAffected, FindingJustification.RequiresConfiguration, "not_affected", "vulnerable_code_not_in_execute_path"),
        new Row(VexStatus.NotAffected, FindingJustification.RequiresDependency, "not_affected", "vulnerable_code_not_in_execute_path"),
        new Row(VexStatus.NotAffected, FindingJustification.RequiresEnvironment, "not_affected", "vulnerable_code_not_in_execute_path"),
        new Row(VexStatus.NotAffected, FindingJustification.ProtectedByCompiler, "not_affected", "inline_mitigations_already_exist"),
        new Row(VexStatus.NotAffected, FindingJustification.ProtectedAtRuntime, "not_affected", "inline_mitigations_already_exist"),
        new Row(VexStatus.NotAffected, FindingJustification.ProtectedAtPerimeter, "not_affected", "vulnerable_code_cannot_be_controlled_by_adversary"),
        new Row(VexStatus.NotAffected, FindingJustification.ProtectedByMitigatingControl, "not_affected", "inline_mitigations_already_exist"));

    [Theory]
    [MemberData(nameof(Rows))]
    public void CycloneDxVexWriter_Build_EachStatusAndJustification_ValidatesWithTheStateAndJustification(Row row)
    {
        var bom = CycloneDxVexWriter.Build(Document(Statement(row.Status, row.Justification)));

        var vulnerability = bom["vulnerabilities"]![0]!;
        Assert.Equal("CVE-2023-0286", (string?)vulnerability["id"]);
        Assert.Equal(row.CycloneDxState, (string?)vulnerability["analysis"]!["state"]);
        Assert.Equal(row.Justification is { } j ? VexNames.Of(j) : null, (string?)vulnerability["analysis"]!["justification"]);
        Assert.Equal("GHSA-x4qr-2fvf-3mr5", (string?)vulnerability["references"]![0]!["id"]);
        // affects names the OpenSSL nested inside the gateway, in the same BOM.
        var target = (string?)vulnerability["affects"]![0]!["ref"];
        var gateway = bom["components"]![0]!;
        Assert.Equal("SG-100 sensor gateway", (string?)gateway["name"]);
        Assert.Equal(target, (string?)gateway["components"]![0]!["bom-ref"]);
        Assert.Equal("pkg:generic/openssl@3.0.7", (string?)gateway["components"]![0]!["purl"]);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void OpenVexWriter_Build_EachStatusAndJustification_ValidatesWithTheStatusAndLabel(Row row)
    {
        var vex = OpenVexWriter.Build(Document(Statement(row.Status, row.Justification)));

        Assert.Empty(OpenVexWriter.SchemaErrors(vex));
        Assert.Equal(OpenVexWriter.Context, (string?)vex["@context"]);
        var statement = vex["statements"]![0]!;
        Assert.Equal(VexNames.Of(row.Status), (string?)statement["status"]);
        Assert.Equal(row.OpenVexJustification, (string?)statement["justification"]);
        Assert.Equal("CVE-2023-0286", (string?)statement["vulnerability"]!["name"]);
        var product = statement["products"]![0]!;
        Assert.Equal("pkg:generic/example-devices/sg-100@2.1.0", (string?)product["@id"]);
        Assert.Equal("cpe:2.3:o:example-devices:sg-100_firmware:2.1.0:*:*:*:*:*:*:*", (string?)product["identifiers"]!["cpe23"]);
        Assert.Equal("pkg:generic/openssl@3.0.7", (string?)product["subcomponents"]![0]!["@id"]);
        if (row.Status == VexStatus.Affected)
            Assert.Equal("Update the firmware to 2.1.1.", (string?)statement["action_statement"]);
    }

    [Fact]
    public void Writers_Build_EveryCombinationInOneDocument_Validates()
    {
        // Every status × every justification it allows × with and without a component: the space a generator would explore.
        var statements = new List<VexStatement>();
        foreach (var status in Enum.GetValues<VexStatus>())
        {
            FindingJustification?[] justifications = status == VexStatus.NotAffected ? [null, .. Enum.GetValues<FindingJustification>().Cast<FindingJustification?>()] : [null];
            foreach (var justification in justifications)
            {
                statements.Add(Statement(status, justification, withComponent: true));
                statements.Add(Statement(status, justification, withComponent: false));
            }
        }
        var document = Document([.. statements]);

        var bom = CycloneDxVexWriter.Build(document);
        var vex = OpenVexWriter.Build(document);

        Assert.Equal(statements.Count, bom["vulnerabilities"]!.AsArray().Count);
        // OpenVEX merges justifications, so statements that differ only in a merged reason become one.
        var distinct = statements.Select(s => (s.Status, s.Justification is { } j ? OpenVexWriter.JustificationOf(j) : null, s.Component is null)).Distinct().Count();
        Assert.Equal(distinct, vex["statements"]!.AsArray().Count);
        Assert.Single(bom["components"]!.AsArray());
    }

    [Fact]
    public void OpenVexWriter_Build_TheSameStatementTwice_WritesItOnce()
    {
        var vex = OpenVexWriter.Build(Document(Statement(VexStatus.Fixed), Statement(VexStatus.Fixed)));

        Assert.Single(vex["statements"]!.AsArray());
    }

    [Fact]
    public void Writers_Build_AnAffectedStatementWithoutAction_IsRefusedNamingTheStatement()
    {
        var document = Document(Statement(VexStatus.Fixed), Statement(VexStatus.Affected) with { ActionStatement = null });

        var open = Assert.Throws<VexExportException>(() => OpenVexWriter.Build(document));
        var cdx = Assert.Throws<VexExportException>(() => CycloneDxVexWriter.Build(document));

        Assert.Contains("statements[1]: an affected statement needs an action statement", open.Message, StringComparison.Ordinal);
        Assert.Equal(open.Reason, cdx.Reason);
    }

    [Fact]
    public void Writers_Build_ANotAffectedStatementWithoutReason_IsRefused()
    {
        var document = Document(Statement(VexStatus.NotAffected) with { ImpactStatement = null });

        var e = Assert.Throws<VexExportException>(() => OpenVexWriter.Build(document));

        Assert.Contains("statements[0]: a not_affected statement needs a justification or an impact statement", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenVexWriter_Build_AProductWithoutPurlCpeOrIri_IsRefusedButCycloneDxTakesIt()
    {
        var document = Document(Statement(VexStatus.Fixed, withComponent: false) with { Product = new VexProduct("Handheld terminal") { Version = "1.0" } });

        var e = Assert.Throws<VexExportException>(() => OpenVexWriter.Build(document));
        var bom = CycloneDxVexWriter.Build(document);

        Assert.Equal("statements[0].product", e.Path);
        Assert.Equal("Handheld terminal", (string?)bom["components"]![0]!["name"]);
    }

    [Fact]
    public void OpenVexWriter_Build_AProductWithAnIri_UsesItAsTheId()
    {
        var document = Document(Statement(VexStatus.Fixed, withComponent: false) with
        {
            Product = new VexProduct("Handheld terminal") { Iri = new Uri("https://example.com/products/ht-1") },
        });

        var vex = OpenVexWriter.Build(document);

        Assert.Equal("https://example.com/products/ht-1", (string?)vex["statements"]![0]!["products"]![0]!["@id"]);
        Assert.Equal("urn:uuid:3f2b8c1e-6a4d-4e0f-9b7a-1c2d3e4f5a6b", (string?)vex["@id"]);
    }

    [Fact]
    public void Writers_Write_JapaneseText_StaysReadableAndParses()
    {
        var document = Document(Statement(VexStatus.NotAffected) with { ImpactStatement = "該当する機能は製品に含まれていません。" });
        using var cdx = new MemoryStream();
        using var open = new MemoryStream();

        CycloneDxVexWriter.Write(document, cdx);
        OpenVexWriter.Write(document, open);

        Assert.Contains("該当する機能", System.Text.Encoding.UTF8.GetString(cdx.ToArray()), StringComparison.Ordinal);
        Assert.Equal("該当する機能は製品に含まれていません。", (string?)JsonNode.Parse(open.ToArray())!["statements"]![0]!["impact_statement"]);
    }
}
