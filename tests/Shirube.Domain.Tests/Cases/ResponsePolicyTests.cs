using Shirube.Domain.Cases;

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
