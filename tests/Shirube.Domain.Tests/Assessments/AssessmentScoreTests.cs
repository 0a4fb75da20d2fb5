using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Tests.Assessments;

public class AssessmentScoreTests
{
    private const ImplementationStatus Yes = ImplementationStatus.Implemented;
    private const ImplementationStatus Part = ImplementationStatus.Partial;
    private const ImplementationStatus No = ImplementationStatus.NotImplemented;
    private const ImplementationStatus NA = ImplementationStatus.NotApplicable;

    private static ScoredLine L(string key, RequirementLevel level, ImplementationStatus? status, params IotPart[] parts) => new(key, level, parts, status);

    public sealed record LevelCase(string Name, ImplementationStatus?[] Must, ImplementationStatus?[] Should, ImplementationStatus?[] Better, RequirementLevel? Actual)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<LevelCase> Levels => new(
        new LevelCase("everything met reaches BETTER", [Yes, Yes], [Yes], [Yes], RequirementLevel.Better),
        new LevelCase("a BETTER gap stops at SHOULD", [Yes, Yes], [Yes], [No], RequirementLevel.Should),
        new LevelCase("a partial SHOULD stops at MUST", [Yes, Yes], [Part], [Yes], RequirementLevel.Must),
        new LevelCase("an unassessed MUST is below MUST", [Yes, null], [Yes], [Yes], null),
        new LevelCase("not applicable lines do not count", [Yes, NA], [NA], [Yes], RequirementLevel.Better),
        new LevelCase("a SHOULD met does not make up for a MUST gap", [No, Yes], [Yes], [Yes], null));

    [Theory]
    [MemberData(nameof(Levels))]
    public void Actual_IsTheHighestLevelWhoseRequirementsAndThoseAboveAreAllMet(LevelCase c)
    {
        var lines = c.Must.Select((s, i) => L($"m/{i}", RequirementLevel.Must, s))
            .Concat(c.Should.Select((s, i) => L($"s/{i}", RequirementLevel.Should, s)))
            .Concat(c.Better.Select((s, i) => L($"b/{i}", RequirementLevel.Better, s)));
        Assert.Equal(c.Actual, AssessmentScore.Compute(lines, RequirementLevel.Should).Actual);
    }

    [Fact]
    public void Shares_CountImplementedAgainstApplicable_PerLevel()
    {
        var score = AssessmentScore.Compute([
            L("m/1", RequirementLevel.Must, Yes), L("m/2", RequirementLevel.Must, Part), L("m/3", RequirementLevel.Must, NA), L("m/4", RequirementLevel.Must, null),
            L("s/1", RequirementLevel.Should, Yes)], RequirementLevel.Must);

        Assert.Equal(new Share(3, 1), score.Levels[RequirementLevel.Must]);
        Assert.Equal(1.0 / 3, score.Levels[RequirementLevel.Must].Ratio, 6);
        Assert.Equal(new Share(1, 1), score.Levels[RequirementLevel.Should]);
        Assert.Equal(new Share(0, 0), score.Levels[RequirementLevel.Better]);
        Assert.False(score.MeetsRequired);
    }

    [Fact]
    public void Groups_OnlyCountLinesUpToTheRequiredLevel_AndUntaggedLinesAreManagement()
    {
        var score = AssessmentScore.Compute([
            L("m/1", RequirementLevel.Must, Yes, IotPart.Device, IotPart.NetworkLocal),
            L("m/2", RequirementLevel.Must, No, IotPart.Device),
            L("s/1", RequirementLevel.Should, No, IotPart.PlatformCloud),
            L("b/1", RequirementLevel.Better, No, IotPart.Device),
            L("own/OWN-1", RequirementLevel.Must, Yes)], RequirementLevel.Should);

        Assert.Equal(new Share(2, 1), score.Groups[IotPartGroup.Device]);
        Assert.Equal(new Share(1, 1), score.Groups[IotPartGroup.Network]);
        Assert.Equal(new Share(1, 0), score.Groups[IotPartGroup.Platform]);
        Assert.Equal(new Share(1, 1), score.Groups[IotPartGroup.Management]);
    }

    [Fact]
    public void Gaps_AreOrderedByLevelThenPart()
    {
        var score = AssessmentScore.Compute([
            L("b/1", RequirementLevel.Better, No, IotPart.Device),
            L("s/2", RequirementLevel.Should, Part, IotPart.Management),
            L("s/1", RequirementLevel.Should, null, IotPart.Device),
            L("m/2", RequirementLevel.Must, No, IotPart.PlatformCloud),
            L("m/1", RequirementLevel.Must, No, IotPart.NetworkWide),
            L("m/3", RequirementLevel.Must, Yes, IotPart.Device),
            L("m/4", RequirementLevel.Must, NA, IotPart.Device)], RequirementLevel.Better);

        Assert.Equal(["m/1", "m/2", "s/1", "s/2", "b/1"], score.Gaps.Select(g => g.Key));
        Assert.Equal(IotPartGroup.Network, score.Gaps[0].Group);
        Assert.Null(score.Gaps[2].Status);
    }
}
