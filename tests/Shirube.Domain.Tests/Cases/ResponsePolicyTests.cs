using Shirube.Domain.Cases;
using Shirube.Domain.Exploitation;

namespace Shirube.Domain.Tests.Cases;

public class ResponsePolicyTests
{
    private static readonly DateTime Received = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    public sealed record LevelCase(string Name, double? Score, bool Exploited, int? RiskClass, string Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<LevelCase> Levels => new(
        new LevelCase("9.8 is critical", 9.8, false, 1, "Critical"),
        new LevelCase("7.0 is high", 7.0, false, null, "High"),
        new LevelCase("6.9 is medium", 6.9, false, 0, "Medium"),
        new LevelCase("3.9 is low", 3.9, false, 0, "Low"),
        new LevelCase("no score is medium", null, false, 0, "Medium"),
        new LevelCase("exploited raises low to medium", 3.1, true, 0, "Medium"),
        new LevelCase("exploited and risk class 4 raise medium to critical", 5.0, true, 4, "Critical"),
        new LevelCase("nothing goes above critical", 9.8, true, 4, "Critical"));

    [Theory]
    [MemberData(nameof(Levels))]
    public void Decide_GivesTheLevelFromScoreExploitationAndRiskClass(LevelCase c)
    {
        var decision = ResponsePolicy.Default.Decide(c.Score is { } s ? (decimal)s : null, c.Exploited, c.RiskClass);
        Assert.Equal(c.Expected, decision.Level.Name);
        Assert.NotEmpty(decision.Reasons);
    }

    public sealed record SignalCase(string Name, double Score, bool Flagged, bool InKev, double? Epss, string Expected, string Reason)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<SignalCase> Signals => new(
        new SignalCase("a KEV listing raises medium to high", 5.0, false, true, null, "High", "in CISA KEV since 2025-08-25: one level up"),
        new SignalCase("EPSS at the threshold raises low to medium", 3.0, false, false, 0.1, "Medium", "EPSS 0.100 ≥ 0.1: one level up"),
        new SignalCase("EPSS below the threshold changes nothing", 3.0, false, false, 0.099, "Low", "CVSS 3.0: Low"),
        new SignalCase("flag, KEV and EPSS together raise once", 5.0, true, true, 0.97, "High", "actively exploited, in CISA KEV since 2025-08-25, EPSS 0.970 ≥ 0.1: one level up"),
        new SignalCase("a KEV listing on a critical score is named without a raise", 9.8, false, true, null, "Critical", "in CISA KEV since 2025-08-25"));

    [Theory]
    [MemberData(nameof(Signals))]
    public void Decide_RaisesOnceForAnyExploitationSignal_AndNamesEach(SignalCase c)
    {
        var kev = c.InKev ? new KevEntry("CVE-2025-48384", "Git", "Git", "Git Link Following Vulnerability", new DateOnly(2025, 8, 25), null, false, null) : null;
        var epss = c.Epss is { } e ? new EpssScore("CVE-2025-48384", (decimal)e, 0.5m, new DateOnly(2025, 11, 1)) : null;

        var decision = ResponsePolicy.Default.Decide((decimal)c.Score, new ExploitationSignals(c.Flagged, kev, epss), riskClass: 0);

        Assert.Equal(c.Expected, decision.Level.Name);
        Assert.Equal(c.Reason, decision.Reasons[^1]);
    }

    [Fact]
    public void Decide_GivesEachReasonsFacts_SoAPageCanSayItInItsLanguage()
    {
        var kev = new KevEntry("CVE-2021-44228", "Apache", "Log4j2", "Apache Log4j2 Remote Code Execution Vulnerability", new DateOnly(2021, 12, 10), null, true, null);
        var epss = new EpssScore("CVE-2021-44228", 0.94358m, 0.99958m, new DateOnly(2025, 11, 24));

        var why = ResponsePolicy.Default.Decide(5.3m, new ExploitationSignals(true, kev, epss), riskClass: 3).Why;

        Assert.Equal([ResponseReasonKind.Score, ResponseReasonKind.Exploitation, ResponseReasonKind.RiskClass], why.Select(w => w.Kind));
        Assert.Equal((5.3m, "Medium", false), (why[0].Score!.Value, why[0].Band, why[0].Raised));
        Assert.Equal((true, new DateOnly(2021, 12, 10), 0.94358m, 0.1m, true), (why[1].Flagged, why[1].KevSince!.Value, why[1].Epss!.Value, why[1].EpssThreshold!.Value, why[1].Raised));
        Assert.Equal((3, true), (why[2].RiskClass!.Value, why[2].Raised));
        Assert.Equal(ResponseReasonKind.Unscored, ResponsePolicy.Default.Decide(null, ExploitationSignals.None, null).Why.Single().Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    public void Constructor_RefusesAThresholdThatIsNoProbability(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResponsePolicy(ResponsePolicy.Default.Levels, (decimal)threshold));

    [Fact]
    public void Sla_CountsFromTheReport_MetBreachedOpenOrOverdue()
    {
        var (c, _) = VulnerabilityCase.Receive("PSIRT-2026-0001", "Telnet root password", "Port 23 accepts root / admin.", null, null, Received);
        c.MoveTo(CaseState.Acknowledged, "hana", Received.AddHours(20), null);   // in time for Critical (24 h)
        c.MoveTo(CaseState.Triage, "hana", Received.AddDays(2), null);
        c.Assign(Guid.NewGuid(), Guid.NewGuid(), []);
        c.MoveTo(CaseState.Analysis, "hana", Received.AddDays(4), null);          // late: triage target is 3 days
        var level = ResponsePolicy.Default.Levels[0];

        var open = ResponsePolicy.Sla(c, level, Received.AddDays(5));
        Assert.Equal([SlaStatus.Met, SlaStatus.Breached, SlaStatus.Open], open.Select(t => t.Status));
        Assert.Equal(Received.AddDays(14), open[2].DueAt);
        Assert.Equal(SlaStatus.Overdue, ResponsePolicy.Sla(c, level, Received.AddDays(15))[2].Status);
    }
}
