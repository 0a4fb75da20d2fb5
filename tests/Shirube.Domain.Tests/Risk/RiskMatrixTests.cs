using Shirube.Domain.Risk;

namespace Shirube.Domain.Tests.Risk;

public class RiskMatrixTests
{
    public sealed record LookupCase(int Likelihood, int Impact, RiskLevel Expected)
    {
        public override string ToString() => $"likelihood {Likelihood} × impact {Impact} is {Expected}";
    }

    public static TheoryData<LookupCase> DefaultCells => new(
        new LookupCase(1, 1, RiskLevel.Low),
        new LookupCase(2, 2, RiskLevel.Low),
        new LookupCase(1, 4, RiskLevel.Low),
        new LookupCase(1, 5, RiskLevel.Medium),
        new LookupCase(3, 3, RiskLevel.Medium),
        new LookupCase(2, 5, RiskLevel.High),
        new LookupCase(4, 4, RiskLevel.High),
        new LookupCase(5, 3, RiskLevel.High),
        new LookupCase(4, 5, RiskLevel.Critical),
        new LookupCase(5, 5, RiskLevel.Critical));

    [Theory]
    [MemberData(nameof(DefaultCells))]
    public void LevelOf_DefaultMatrix_GivesTheLevelOfTheProduct(LookupCase c) =>
        Assert.Equal(c.Expected, RiskMatrix.Default().LevelOf(c.Likelihood, c.Impact));

    [Fact]
    public void Default_HasFiveNamedStepsPerAxisInBothLanguages_AndIsMonotone()
    {
        var m = RiskMatrix.Default();
        Assert.Equal(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"], m.StepsOf(RiskAxis.Likelihood).Select(s => s.NameEn));
        Assert.Equal(["軽微", "小", "中", "大", "甚大"], m.StepsOf(RiskAxis.Impact).Select(s => s.NameJa));
        Assert.All(m.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.DescriptionJa)));
        Assert.Equal(25, m.Cells.Count);
        Assert.Empty(RiskMatrix.Violations(m.LevelOf));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 6)]
    public void LevelOf_OutsideTheSteps_Throws(int likelihood, int impact) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskMatrix.Default().LevelOf(likelihood, impact));

    [Fact]
    public void SetLevels_LoweringACellBelowItsNeighbours_IsRefusedNamingEachNeighbour()
    {
        var m = RiskMatrix.Default();
        // 4 × 4 is High; its lower neighbours 3 × 4 and 4 × 3 are High too.
        var violations = m.ViolationsWith([(4, 4, RiskLevel.Low)]);
        Assert.Equal(
        [
            new MonotonyViolation(4, 4, RiskLevel.Low, 3, 4, RiskLevel.High),
            new MonotonyViolation(4, 4, RiskLevel.Low, 4, 3, RiskLevel.High),
            // The cells above it are now above a lower cell: no violation there, they are still High or Critical.
        ], violations);
        // Each names its cell as the request field, with the levels to say.
        var error = violations[0].Error();
        Assert.Equal(("Risk.LowerThanNeighbour", "cells[4,4]"), (error.Code, error.Field));
        Assert.Equal([4, 4, RiskLevel.Low, 3, 4, RiskLevel.High], error.Args);
        var e = Assert.Throws<DomainException>(() => m.SetLevels([(4, 4, RiskLevel.Low)]));
        Assert.Equal(("Risk.NotMonotone", "cells"), (e.Error.Code, e.Field));
        Assert.Equal(RiskLevel.High, m.LevelOf(4, 4));
    }

    [Fact]
    public void SetLevels_RaisingACellAboveTheCellsBeyondIt_NamesThoseCells()
    {
        var m = RiskMatrix.Default();
        var violations = m.ViolationsWith([(1, 1, RiskLevel.Critical)]);
        Assert.Equal([(1, 2), (2, 1)], violations.Select(v => (v.Likelihood, v.Impact)));
        Assert.All(violations, v => Assert.Equal((1, 1, RiskLevel.Critical), (v.LowerLikelihood, v.LowerImpact, v.LowerLevel)));
    }

    [Fact]
    public void SetLevels_AMonotoneChange_IsApplied()
    {
        var m = RiskMatrix.Default();
        m.SetLevels([(5, 5, RiskLevel.Critical), (3, 5, RiskLevel.Critical), (5, 2, RiskLevel.Medium)]);
        Assert.Equal(RiskLevel.Critical, m.LevelOf(3, 5));
        Assert.Equal(RiskLevel.Medium, m.LevelOf(5, 2));
    }

    [Fact]
    public void RenameStep_ChangesNamesAndRefusesEmptyOnes()
    {
        var m = RiskMatrix.Default();
        m.RenameStep(RiskAxis.Impact, 5, "Catastrophic", "壊滅的", "People die.", "人命に関わる。");
        Assert.Equal("壊滅的", m.StepsOf(RiskAxis.Impact)[4].NameJa);
        Assert.Equal(("Common.Required", "nameEn"), Error(() => m.RenameStep(RiskAxis.Impact, 1, "", "x", "x", "x")));
        Assert.Equal(("Common.TooLong", "nameJa"), Error(() => m.RenameStep(RiskAxis.Impact, 1, "x", new string('あ', 61), "x", "x")));
        Assert.Equal(("Risk.NoSuchStep", "value"), Error(() => m.RenameStep(RiskAxis.Likelihood, 6, "x", "x", "x", "x")));
    }

    [Fact]
    public void SetLevels_ACellOutsideTheMatrixOrAnUnknownLevel_IsRefused()
    {
        var m = RiskMatrix.Default();
        Assert.Equal(("Risk.NoSuchCell", "cells"), Error(() => m.SetLevels([(6, 1, RiskLevel.Low)])));
        Assert.Equal(("Common.UnknownValue", "cells"), Error(() => m.SetLevels([(1, 1, (RiskLevel)9)])));
    }

    private static (string Code, string? Field) Error(Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        return (e.Error.Code, e.Field);
    }
}
