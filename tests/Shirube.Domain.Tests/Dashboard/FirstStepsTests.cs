using Shirube.Domain.Dashboard;

namespace Shirube.Domain.Tests.Dashboard;

public class FirstStepsTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Coverage", "Coverage")]
    [InlineData("Shortfall,Coverage", "Coverage,Shortfall")]
    [InlineData("Coverage, Coverage ,Report", "Coverage,Report")]
    [InlineData("Coverage,Dance,7,coverage", "Coverage")]
    public void Stored_steps_read_back_in_the_checklists_order_without_unknown_names(string? stored, string expected)
    {
        Assert.Equal(expected, FirstSteps.Parse(stored).ToString());
    }

    [Fact]
    public void The_checklist_is_complete_only_when_every_step_is_done()
    {
        var steps = FirstSteps.None;
        foreach (var step in Enum.GetValues<FirstStep>())
        {
            Assert.False(steps.Complete);
            steps = steps.With(step);
        }
        Assert.True(steps.Complete);
        Assert.Equal(steps.ToString(), FirstSteps.Parse(steps.ToString()).ToString());
    }
}
