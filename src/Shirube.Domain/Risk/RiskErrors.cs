using System.Globalization;

namespace Shirube.Domain.Risk;

/// <summary>The refusals of the risk matrix, as codes the web layer says in Japanese or English.</summary>
public static class RiskErrors
{
    private const string Prefix = "Risk";

    /// <summary>The request field of a cell, e.g. <c>cells[3,4]</c> for likelihood 3 × impact 4.</summary>
    public static string CellField(int likelihood, int impact) => string.Create(CultureInfo.InvariantCulture, $"cells[{likelihood},{impact}]");

    /// <summary>There is no cell at likelihood <paramref name="likelihood"/> × impact <paramref name="impact"/>.</summary>
    public static DomainError NoSuchCell(int likelihood, int impact) =>
        DomainError.Invalid(DomainError.CodeOf(Prefix), "cells", likelihood, impact, RiskMatrix.Size);

    /// <summary>There is no step <paramref name="value"/> on <paramref name="axis"/>.</summary>
    public static DomainError NoSuchStep(RiskAxis axis, int value) =>
        DomainError.Invalid(DomainError.CodeOf(Prefix), "value", axis, value, RiskMatrix.Size);

    /// <summary>
    /// A cell would be lower than its neighbour with one step less likelihood or impact: raising a threat's likelihood or
    /// impact must never lower its risk. The field is the cell (<see cref="CellField"/>).
    /// </summary>
    public static DomainError LowerThanNeighbour(int likelihood, int impact, RiskLevel level, int lowerLikelihood, int lowerImpact, RiskLevel lowerLevel) =>
        DomainError.Invalid(DomainError.CodeOf(Prefix), CellField(likelihood, impact), likelihood, impact, level, lowerLikelihood, lowerImpact, lowerLevel);

    /// <summary>The matrix would go down as likelihood or impact goes up, in <paramref name="cells"/> cells.</summary>
    public static DomainError NotMonotone(int cells) => DomainError.Invalid(DomainError.CodeOf(Prefix), "cells", cells);
}
