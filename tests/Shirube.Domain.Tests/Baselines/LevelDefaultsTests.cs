using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Tests.Baselines;

public class LevelDefaultsTests
{
    public sealed record LevelCase(GuidelineKind Kind, string? Level, string[] Levels, int? RiskClass, RequirementLevel Expected)
    {
        public override string ToString() =>
            $"{Kind} level '{Level ?? string.Join("/", Levels)}' at risk class {RiskClass?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} is {Expected}";
    }

    public static TheoryData<LevelCase> Cases() =>
    [
        new LevelCase(GuidelineKind.Standard, "M", [], 0, RequirementLevel.Must),
        new LevelCase(GuidelineKind.Standard, "R", [], 2, RequirementLevel.Should),
        new LevelCase(GuidelineKind.Standard, "R C", [], 3, RequirementLevel.Must),
        new LevelCase(GuidelineKind.Standard, null, ["L1", "L2", "L3"], 0, RequirementLevel.Must),
        new LevelCase(GuidelineKind.Standard, null, ["L2", "L3"], 1, RequirementLevel.Should),
        new LevelCase(GuidelineKind.Standard, null, ["L3"], 2, RequirementLevel.Better),
        new LevelCase(GuidelineKind.Standard, null, ["L3"], 4, RequirementLevel.Should),
        new LevelCase(GuidelineKind.General, "Low", [], null, RequirementLevel.Better),
        new LevelCase(GuidelineKind.General, "Critical", [], null, RequirementLevel.Must),
        new LevelCase(GuidelineKind.General, null, [], 1, RequirementLevel.Should),
        new LevelCase(GuidelineKind.Regulation, null, [], 0, RequirementLevel.Must),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void For_SourceLevelAndRiskClass_GiveTheDefault(LevelCase c)
    {
        var requirement = new Requirement { Id = "1", Title = new("t", "t"), Summary = new("s", "s"), Parts = [IotPart.Device], Phases = [LifecyclePhase.Design], Level = c.Level, Levels = c.Levels };
        var guideline = new Guideline
        {
            Id = "g", Name = new("g", "g"), ShortName = "g", Issuer = "x", Region = GuidelineRegion.Global, Year = 2020, Kind = c.Kind,
            Scope = new("s", "s"), Summary = new("s", "s"), Source = new("https://example.org", "CC0", "ours", null), ExpectedCount = 1, Requirements = [requirement],
        };
        Assert.Equal(c.Expected, LevelDefaults.For(guideline, requirement, c.RiskClass));
    }
}
