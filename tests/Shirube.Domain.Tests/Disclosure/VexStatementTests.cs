using Shirube.Domain.Cases;
using Shirube.Domain.Components;
using Shirube.Domain.Disclosure.Vex;
using Shirube.Domain.Packages;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Domain.Tests.Disclosure;

/// <summary>VEX statements made from findings: the status each analysis state becomes, and what a statement must carry.</summary>
public sealed class VexStatementTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly VexProduct Gateway = new("SG-100") { Version = "2.1.0", Purl = PackageUrl.Parse("pkg:generic/example/sg-100@2.1.0") };

    private static Finding New(FindingState state, FindingJustification? justification = null, string? detail = null)
    {
        var component = new SbomComponent("c1", "zlib") { Version = "1.2.11", Purl = PackageUrl.Parse("pkg:generic/zlib@1.2.11") };
        var record = new VulnerabilityRecord("GHSA-jc36-42cf-vqwj", VulnerabilitySource.Osv, Now) { Aliases = ["CVE-2018-25032"] };
        var finding = Finding.Detect(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new ComponentMatch(component, record, "listed"), "system", Now);
        if (state != FindingState.InTriage)
            finding.Triage(state, justification, detail, "hana", Now);
        return finding;
    }

    [Theory]
    [InlineData(FindingState.InTriage, VexStatus.UnderInvestigation)]
    [InlineData(FindingState.Exploitable, VexStatus.Affected)]
    [InlineData(FindingState.FalsePositive, VexStatus.NotAffected)]
    [InlineData(FindingState.NotAffected, VexStatus.NotAffected)]
    [InlineData(FindingState.Resolved, VexStatus.Fixed)]
    public void Of_AFindingState_GivesTheVexStatus(FindingState state, VexStatus expected) =>
        Assert.Equal(expected, VexStatuses.Of(state));

    [Theory]
    [InlineData(VexStatus.NotAffected, FindingState.NotAffected)]
    [InlineData(VexStatus.Affected, FindingState.Exploitable)]
    [InlineData(VexStatus.Fixed, FindingState.Resolved)]
    [InlineData(VexStatus.UnderInvestigation, FindingState.InTriage)]
    public void ToFindingState_AVexStatus_GivesTheCycloneDxStateThatMapsBack(VexStatus status, FindingState expected)
    {
        Assert.Equal(expected, VexStatuses.ToFindingState(status));
        Assert.Equal(status, VexStatuses.Of(VexStatuses.ToFindingState(status)));
    }

    [Fact]
    public void FromFinding_ANotAffectedFinding_KeepsTheComponentAliasesJustificationAndDetail()
    {
        var finding = New(FindingState.NotAffected, FindingJustification.CodeNotReachable, "inflate is never called");

        var statement = VexStatement.FromFinding(finding, Gateway, Now);

        Assert.Equal("GHSA-jc36-42cf-vqwj", statement.Vulnerability.Id);
        Assert.Equal(["CVE-2018-25032"], statement.Vulnerability.Aliases);
        Assert.Equal(Gateway, statement.Product);
        Assert.Equal("zlib", statement.Component!.Name);
        Assert.Equal("pkg:generic/zlib@1.2.11", statement.Component.Purl!.ToString());
        Assert.Equal((VexStatus.NotAffected, FindingJustification.CodeNotReachable, "inflate is never called"), (statement.Status, statement.Justification, statement.ImpactStatement));
        Assert.Empty(statement.Problems());
    }

    [Fact]
    public void FromFinding_AFalsePositive_IsNotAffectedBecauseTheCodeIsNotPresentAndSaysSo()
    {
        var statement = VexStatement.FromFinding(New(FindingState.FalsePositive, detail: "wrong CPE match"), Gateway, Now);

        Assert.Equal((VexStatus.NotAffected, FindingJustification.CodeNotPresent), (statement.Status, statement.Justification));
        Assert.StartsWith("False positive:", statement.ImpactStatement, StringComparison.Ordinal);
        Assert.EndsWith("wrong CPE match", statement.ImpactStatement, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFinding_AnExploitableFinding_TakesTheActionGivenOrTheDetail()
    {
        var finding = New(FindingState.Exploitable, detail: "Update to 2.1.1.");

        var withAction = VexStatement.FromFinding(finding, Gateway, Now, "Install firmware 2.1.1.");
        var withDetail = VexStatement.FromFinding(finding, Gateway, Now);

        Assert.Equal("Install firmware 2.1.1.", withAction.ActionStatement);
        Assert.Equal("Update to 2.1.1.", withDetail.ActionStatement);
        Assert.Empty(withDetail.Problems());
    }

    [Fact]
    public void FromFinding_AnExploitableFindingWithoutDetailOrAction_HasAProblem()
    {
        var statement = VexStatement.FromFinding(New(FindingState.Exploitable), Gateway, Now);

        Assert.Equal(["an affected statement needs an action statement (what users should do)."], statement.Problems());
    }

    [Fact]
    public void FromFinding_AFindingInTriage_IsUnderInvestigationWithoutProblems()
    {
        var statement = VexStatement.FromFinding(New(FindingState.InTriage), Gateway, Now);

        Assert.Equal(VexStatus.UnderInvestigation, statement.Status);
        Assert.Empty(statement.Problems());
    }

    [Fact]
    public void FromCase_AnAffectedVersion_TakesTheCveIdAndTheRemediationPlan()
    {
        var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Telnet root password", "Port 23 accepts root / admin.", "SG-100", null, Now);
        var before = VexStatement.FromCase(c, Gateway, VexStatus.UnderInvestigation, Now);
        c.Identify("CVE-2026-10001");
        c.Plan("Update the firmware to 2.1.1.", null, null, null);

        var statement = VexStatement.FromCase(c, Gateway, VexStatus.Affected, Now);

        Assert.Equal("PSIRT-2026-0001", before.Vulnerability.Id);
        Assert.Equal(("CVE-2026-10001", "Update the firmware to 2.1.1."), (statement.Vulnerability.Id, statement.ActionStatement));
        Assert.Empty(statement.Problems());
    }

    [Fact]
    public void Problems_AJustificationWithAnotherStatus_IsNamed()
    {
        var statement = new VexStatement(new VexVulnerability("CVE-2018-25032"), Gateway, VexStatus.Fixed) { Justification = FindingJustification.CodeNotPresent };

        Assert.Equal(["a justification belongs to not_affected only, not to fixed."], statement.Problems());
    }

    [Fact]
    public void Problems_ADocumentWithoutStatementsOrAuthor_NamesBoth()
    {
        var document = new VexDocument(Guid.NewGuid(), " ", 0, Now, []);

        Assert.Equal(["the document has no author.", "the version is 0; versions start at 1.", "the document has no statement."], document.Problems());
    }

    [Fact]
    public void Problems_AStatementOfADocument_IsPrefixedWithItsPlace()
    {
        var document = new VexDocument(Guid.NewGuid(), "PSIRT", 1, Now,
        [
            new VexStatement(new VexVulnerability("CVE-2018-25032"), Gateway, VexStatus.Fixed),
            new VexStatement(new VexVulnerability("CVE-2018-25032"), Gateway, VexStatus.NotAffected),
        ]);

        Assert.Equal(["statements[1]: a not_affected statement needs a justification or an impact statement."], document.Problems());
    }
}
