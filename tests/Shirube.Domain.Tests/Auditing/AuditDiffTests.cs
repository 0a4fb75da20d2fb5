using Shirube.Domain.Auditing;

namespace Shirube.Domain.Tests.Auditing;

public class AuditDiffTests
{
    [Fact]
    public void Changes_OfAnUpdate_AreOnlyTheFieldsThatDiffer()
    {
        var changes = AuditDiff.Changes("""{"Field":"A","Name":"Router","Parts":["Device"]}""", """{"Field":"A","Name":"Router HR-300","Parts":["Device","Gateway"]}""");
        Assert.Equal(
            [new AuditChange("Name", "Router", "Router HR-300"), new AuditChange("Parts", """["Device"]""", """["Device","Gateway"]""")],
            changes);
    }

    [Fact]
    public void Changes_OfACreate_AreTheFieldsWithAValue()
    {
        var changes = AuditDiff.Changes(null, """{"Name":"Router","Note":null,"Count":3}""");
        Assert.Equal([new AuditChange("Count", null, "3"), new AuditChange("Name", null, "Router")], changes);
    }

    [Fact]
    public void Changes_OfADelete_KeepTheOldValues()
    {
        var changes = AuditDiff.Changes("""{"Name":"Router"}""", null);
        Assert.Equal([new AuditChange("Name", "Router", null)], changes);
    }
}
