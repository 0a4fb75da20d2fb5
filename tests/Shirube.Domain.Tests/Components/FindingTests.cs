using Shirube.Domain.Cases;
using Shirube.Domain.Components;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Domain.Tests.Components;

/// <summary>A finding's VEX analysis, how it follows its case, and what vanishing and reappearing do to it.</summary>
public sealed class FindingTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Finding New() => Finding.Detect(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        new ComponentMatch(new SbomComponent("c1", "zlib") { Version = "1.2.11" }, new VulnerabilityRecord("CVE-2018-25032", VulnerabilitySource.Nvd, Now)
        {
            Severity = [new SeverityScore("CVSS_V2", "AV:N/AC:L/Au:N/C:N/I:N/A:P"), new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H")],
        }, "listed"), "system", Now);

    [Fact]
    public void A_finding_is_scored_from_the_v3_vector_by_Shirubes_calculator()
    {
        var finding = New();
        Assert.Equal((7.5m, Domain.Scoring.CvssSeverity.High, "CVE-2018-25032"), (finding.CvssScore, finding.Severity, finding.CveId));
    }

    /// <summary>A triage, and the refusal it must meet (null when it goes through).</summary>
    public sealed record Triage(FindingState State, FindingJustification? Justification, string? Detail, string? Refusal)
    {
        public override string ToString() => $"{State} with {Justification?.ToString() ?? "no justification"} and {(Detail is null ? "no detail" : "a detail")} " +
            (Refusal is null ? "is taken" : $"is refused ({Refusal})");
    }

    public static TheoryData<Triage> Triages => new(
        new Triage(FindingState.NotAffected, FindingJustification.CodeNotReachable, null, null),
        new Triage(FindingState.NotAffected, null, "inflate is never called", null),
        new Triage(FindingState.NotAffected, null, "  ", "Components.NotAffectedNeedsWhy"),
        new Triage(FindingState.Exploitable, FindingJustification.CodeNotPresent, null, "Components.JustificationOnlyWhenNotAffected"),
        new Triage(FindingState.FalsePositive, null, null, null),
        new Triage((FindingState)42, null, null, "Common.UnknownValue"));

    [Theory]
    [MemberData(nameof(Triages))]
    public void A_not_affected_analysis_says_why_and_only_it_takes_a_justification(Triage c)
    {
        var finding = New();
        var refusal = Record.Exception(() => finding.Triage(c.State, c.Justification, c.Detail, "hana", Now)) as DomainException;
        Assert.Equal(c.Refusal, refusal?.Error.Code);
        Assert.Equal(c.Refusal is null ? c.State : FindingState.InTriage, finding.State);
    }

    /// <summary>A case state and the finding state it gives (null: the finding stays as it was).</summary>
    public sealed record Outcome(CaseState Case, FindingState? Finding)
    {
        public override string ToString() => $"a case in {Case} leaves its findings {(Finding is null ? "as they are" : Finding.ToString())}";
    }

    public static TheoryData<Outcome> Outcomes => new(
        new Outcome(CaseState.Triage, null), new Outcome(CaseState.Analysis, null), new Outcome(CaseState.Remediation, FindingState.Exploitable),
        new Outcome(CaseState.Release, FindingState.Resolved), new Outcome(CaseState.Closed, FindingState.Resolved),
        new Outcome(CaseState.Rejected, FindingState.NotAffected), new Outcome(CaseState.Duplicate, null));

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void A_finding_follows_the_outcome_of_its_case(Outcome c)
    {
        var finding = New();
        var changed = finding.FollowCase(c.Case, "PSIRT-2026-0001", "reason", "hana", Now);
        Assert.Equal((c.Finding is not null, c.Finding ?? FindingState.InTriage), (changed, finding.State));
    }

    [Fact]
    public void A_vanished_finding_is_resolved_by_absence_and_back_in_triage_when_it_matches_again()
    {
        var finding = New();
        finding.Triage(FindingState.Exploitable, null, null, "hana", Now);
        finding.Vanish("system", Now);
        Assert.Equal((FindingState.Resolved, true), (finding.State, finding.ResolvedByAbsence));
        finding.Refresh(new ComponentMatch(new SbomComponent("c9", "zlib") { Version = "1.2.11" }, new VulnerabilityRecord("CVE-2018-25032", VulnerabilitySource.Nvd, Now), "listed"), "system", Now);
        Assert.Equal((FindingState.InTriage, false, "c9"), (finding.State, finding.ResolvedByAbsence, finding.ComponentRef));
        Assert.Equal([FindingAction.Detected, FindingAction.Triaged, FindingAction.Vanished, FindingAction.Reappeared], finding.History.Select(h => h.Action));
    }
}
