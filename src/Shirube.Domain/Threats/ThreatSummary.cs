using Shirube.Domain.Guidelines;
using Shirube.Domain.Risk;

namespace Shirube.Domain.Threats;

/// <summary>One cell of the STRIDE × part summary: how many threats, and the highest risk before countermeasures.</summary>
/// <param name="Stride">The STRIDE category.</param>
/// <param name="Group">The IoT part group.</param>
/// <param name="Count">Threats in the cell.</param>
/// <param name="Highest">The highest inherent risk among them, null when there are none.</param>
public sealed record ThreatSummaryCell(StrideCategory Stride, IotPartGroup Group, int Count, RiskLevel? Highest);

/// <summary>The STRIDE × IoT part group grid of a threat register.</summary>
public static class ThreatSummary
{
    /// <summary>Every STRIDE category × part group cell (empty ones too), in enum order.</summary>
    public static IReadOnlyList<ThreatSummaryCell> Of(IEnumerable<Threat> threats, RiskMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rated = threats.Select(t => (t.Stride, Group: IotParts.GroupOf(t.Part), Risk: t.RiskIn(matrix).Inherent)).ToList();
        return
        [
            .. from stride in Enum.GetValues<StrideCategory>()
               from grp in Enum.GetValues<IotPartGroup>()
               let inCell = rated.Where(r => r.Stride == stride && r.Group == grp).Select(r => r.Risk).ToList()
               select new ThreatSummaryCell(stride, grp, inCell.Count, inCell.Count == 0 ? null : inCell.Max()),
        ];
    }
}
