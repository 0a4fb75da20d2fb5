using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Tests.Assessments;

namespace Shirube.Domain.Tests.Baselines;

/// <summary>What a baseline refuses, as codes the pages and the API say in Japanese or English.</summary>
public class BaselineErrorTests
{
    private static Baseline Tailored() => Baseline.Tailor("Router", Guid.NewGuid(), Guid.NewGuid(), [AssessmentTests.Guideline("g", ("1", "M"), ("2", "R"))], 0);

    private static DomainError Refusal(Action action) => Assert.Throws<DomainException>(action).Error;

    [Theory]
    [InlineData("", "Common.Required")]
    [InlineData("no", "Common.Length")]
    public void Exclude_WithoutAReason_IsRefusedForTheReasonField(string reason, string code)
    {
        var error = Refusal(() => Tailored().Find("g/1")!.Exclude(reason));
        Assert.Equal(code, error.Code);
        Assert.Equal("reason", error.Field);
    }

    [Fact]
    public void AddOwn_WithoutAJapaneseTitle_IsRefused()
    {
        var error = Refusal(() => Tailored().AddOwn("Signed firmware", " ", RequirementLevel.Must));
        Assert.Equal("Baselines.OwnTitleRequired", error.Code);
        Assert.Equal("titleEn", error.Field);
    }

    [Fact]
    public void Names_AndFields_AreCheckedTexts()
    {
        Assert.Equal("Common.Required", Refusal(() => Baseline.Tailor(" ", Guid.NewGuid(), Guid.NewGuid(), [], 0)).Code);
        var tooLong = Refusal(() => Baseline.ForField("Company", new string('A', 51), [], null));
        Assert.Equal(("Common.TooLong", "field"), (tooLong.Code, tooLong.Field));
        Assert.Equal([50], tooLong.Args);
    }

    [Fact]
    public void Decide_ForAnUnknownControl_NamesIt()
    {
        var catalog = new Catalog([AssessmentTests.Guideline("g", ("1", "M"))], [new CommonControl("updates", new("Updates", "アップデート"), new("d", "d"))]);
        var error = Refusal(() => Tailored().Decide("telemetry", needed: false, "Not collected.", catalog, [], null));
        Assert.Equal("Baselines.UnknownControl", error.Code);
        Assert.Equal(["telemetry"], error.Args);
        Assert.Equal("Common.Required", Refusal(() => Tailored().Decide("updates", needed: false, "", catalog, [], null)).Code);
    }
}
