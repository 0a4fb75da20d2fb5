using Shirube.Domain.Baselines;

namespace Shirube.Domain.Tests.Baselines;

public class BaselineDiffTests
{
    private static SnapshotLine Line(string key, RequirementLevel level = RequirementLevel.Must, bool excluded = false, string? titleEn = null) =>
        new(key, level, excluded, excluded ? "reason" : null, titleEn, titleEn);

    [Fact]
    public void Compare_FindsEveryKindOfChange()
    {
        var v1 = new[] { Line("a/1"), Line("a/2", RequirementLevel.Should), Line("a/3"), Line("a/4", excluded: true), Line("a/5") };
        var v2 = new[] { Line("a/1"), Line("a/2", RequirementLevel.Better), Line("a/3", excluded: true), Line("a/4"), Line("a/5", titleEn: "Ours"), Line("own/OWN-1") };

        var changes = BaselineDiff.Compare(v1, v2);

        Assert.Equal(
            [("a/2", LineChangeKind.LevelChanged), ("a/3", LineChangeKind.Excluded), ("a/4", LineChangeKind.Included), ("a/5", LineChangeKind.Reworded), ("own/OWN-1", LineChangeKind.Added)],
            changes.Select(c => (c.Key, c.Kind)));
        Assert.Equal(RequirementLevel.Should, changes[0].Before!.Level);
        Assert.Equal(RequirementLevel.Better, changes[0].After!.Level);
    }

    [Fact]
    public void Compare_ARemovedLine_IsReported()
    {
        var changes = BaselineDiff.Compare([Line("a/1"), Line("a/2")], [Line("a/1")]);
        var removed = Assert.Single(changes);
        Assert.Equal(LineChangeKind.Removed, removed.Kind);
        Assert.Null(removed.After);
    }

    [Fact]
    public void Compare_TheSameVersion_HasNoChanges() =>
        Assert.Empty(BaselineDiff.Compare([Line("a/1"), Line("a/2", excluded: true)], [Line("a/1"), Line("a/2", excluded: true)]));
}
