using Shirube.Domain.Guidelines;
using Shirube.Domain.Risk;
using Shirube.Domain.Threats;

namespace Shirube.Domain.Tests.Threats;

public class ThreatTests
{
    private static readonly HashSet<string> Keys = ["etsi-en-303-645/5.1-1", "own/OWN-1"];

    private static ThreatDraft Draft(int likelihood = 4, int impact = 4, int? rl = null, int? ri = null, ThreatDecision decision = ThreatDecision.Mitigate,
        string? justification = null, IotPart part = IotPart.Device, StrideCategory stride = StrideCategory.Spoofing, params CountermeasureDraft[] countermeasures) =>
        new("Default password lets anyone log in", "Telnet accepts a factory password.", part, stride, likelihood, impact, rl, ri, "hana", decision, justification, countermeasures);

    private static Threat Create(ThreatDraft draft) => Threat.Create(Guid.NewGuid(), Guid.NewGuid(), draft, Keys);

    [Fact]
    public void RiskIn_ReadsInherentAndResidualFromTheMatrix_AndFollowsAChangedMatrix()
    {
        var threat = Create(Draft(4, 4, 2, 3, countermeasures: new CountermeasureDraft("Unique password per device", CountermeasureStatus.Implemented, ["etsi-en-303-645/5.1-1"])));
        var matrix = RiskMatrix.Default();
        Assert.Equal(new ThreatRisk(RiskLevel.High, RiskLevel.Medium), threat.RiskIn(matrix));
        matrix.SetLevels([(4, 4, RiskLevel.Critical), (4, 5, RiskLevel.Critical), (5, 4, RiskLevel.Critical)]);
        Assert.Equal(RiskLevel.Critical, threat.RiskIn(matrix).Inherent);
        Assert.Equal(["etsi-en-303-645/5.1-1"], threat.Countermeasures.Single().RequirementKeys);
    }

    [Fact]
    public void RiskIn_WithoutResidualValues_HasNoResidualRisk() =>
        Assert.Null(Create(Draft(2, 2)).RiskIn(RiskMatrix.Default()).Residual);

    public sealed record InvalidCase(string Why, ThreatDraft Draft, string Field, string Code)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<InvalidCase> Invalid => new(
        new InvalidCase("likelihood 0 is not a step", Draft(0, 3), "likelihood", "Common.OutOfRange"),
        new InvalidCase("impact 6 is not a step", Draft(3, 6), "impact", "Common.OutOfRange"),
        new InvalidCase("residual likelihood without residual impact", Draft(3, 3, 2, null), "residualImpact", "Threats.ResidualTogether"),
        new InvalidCase("residual above the inherent likelihood", Draft(2, 3, 3, 3), "residualLikelihood", "Threats.ResidualLikelihoodAbove"),
        new InvalidCase("residual above the inherent impact", Draft(3, 2, 2, 3), "residualImpact", "Threats.ResidualImpactAbove"),
        new InvalidCase("accepting without justification", Draft(decision: ThreatDecision.Accept), "justification", "Threats.JustificationRequired"),
        new InvalidCase("a requirement that is not a baseline line", Draft(countermeasures: new CountermeasureDraft("Signed firmware", CountermeasureStatus.Planned, ["nist/XX-1"])), "countermeasures[0].requirementKeys", "Threats.NotABaselineLine"),
        new InvalidCase("an empty countermeasure", Draft(countermeasures: new CountermeasureDraft(" ", CountermeasureStatus.Planned, [])), "countermeasures[0].text", "Common.Required"),
        new InvalidCase("a countermeasure of two characters", Draft(countermeasures: new CountermeasureDraft("ok", CountermeasureStatus.Planned, [])), "countermeasures[0].text", "Common.Length"),
        new InvalidCase("an unknown STRIDE value", Draft(stride: (StrideCategory)42), "stride", "Common.UnknownValue"));

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Create_InvalidDraft_IsRefusedNamingTheFieldWithItsCode(InvalidCase c)
    {
        var error = Assert.Throws<DomainException>(() => Create(c.Draft)).Error;
        Assert.Equal((c.Field, c.Code), (error.Field, error.Code));
    }

    [Fact]
    public void Update_ReplacesCountermeasuresAndKeepsAnAcceptedRiskWithItsReason()
    {
        var threat = Create(Draft(countermeasures: new CountermeasureDraft("Unique password", CountermeasureStatus.Planned, [])));
        threat.Update(Draft(2, 2, decision: ThreatDecision.Accept, justification: "Only reachable on the service port inside the case.",
            countermeasures: [new("Close telnet", CountermeasureStatus.Verified, ["own/OWN-1", "own/OWN-1"]), new("Document the port", CountermeasureStatus.Implemented, [])]), Keys);
        Assert.Equal(["Close telnet", "Document the port"], threat.Countermeasures.Select(c => c.Text));
        Assert.Equal(["own/OWN-1"], threat.Countermeasures[0].RequirementKeys);
        Assert.Equal(ThreatDecision.Accept, threat.Decision);
        Assert.Equal(RiskLevel.Low, threat.RiskIn(RiskMatrix.Default()).Inherent);
    }

    [Fact]
    public void Summary_CountsThreatsPerStrideAndPartGroup_WithTheHighestRisk()
    {
        Threat[] threats =
        [
            Create(Draft(4, 4, part: IotPart.Device, stride: StrideCategory.Spoofing)),
            Create(Draft(5, 5, part: IotPart.Device, stride: StrideCategory.Spoofing)),
            Create(Draft(1, 2, part: IotPart.NetworkLocal, stride: StrideCategory.Spoofing)),
            Create(Draft(3, 3, part: IotPart.Gateway, stride: StrideCategory.Spoofing)),
            Create(Draft(2, 2, part: IotPart.PlatformCloud, stride: StrideCategory.InformationDisclosure)),
        ];
        var summary = ThreatSummary.Of(threats, RiskMatrix.Default());
        Assert.Equal(6 * 4, summary.Count);
        Assert.Equal(new ThreatSummaryCell(StrideCategory.Spoofing, IotPartGroup.Device, 2, RiskLevel.Critical), summary[0]);
        // Local network and gateway are both the network group: the higher of Low and Medium.
        Assert.Equal(new ThreatSummaryCell(StrideCategory.Spoofing, IotPartGroup.Network, 2, RiskLevel.Medium), summary[1]);
        Assert.Equal(1, summary.Single(c => c is { Stride: StrideCategory.InformationDisclosure, Group: IotPartGroup.Platform }).Count);
        Assert.Equal(new ThreatSummaryCell(StrideCategory.Tampering, IotPartGroup.Management, 0, null), summary.Single(c => c is { Stride: StrideCategory.Tampering, Group: IotPartGroup.Management }));
    }
}
