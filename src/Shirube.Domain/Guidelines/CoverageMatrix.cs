namespace Shirube.Domain.Guidelines;

/// <summary>How one guideline covers one IoT part (or part group).</summary>
/// <param name="Count">Requirements tagged with the part.</param>
/// <param name="Depth">Count relative to the most detailed guideline in the same column, 0 to 1.</param>
public sealed record CoverageCell(int Count, double Depth)
{
    /// <summary>○ in the classic table: at least one requirement.</summary>
    public bool Covered => Count > 0;
}

/// <summary>One row of the matrix.</summary>
/// <param name="Guideline">The guideline.</param>
/// <param name="Groups">Cells per part group.</param>
/// <param name="Parts">Cells per fine part.</param>
public sealed record CoverageRow(Guideline Guideline, IReadOnlyDictionary<IotPartGroup, CoverageCell> Groups, IReadOnlyDictionary<IotPart, CoverageCell> Parts)
{
    /// <summary>True when the guideline covers all four groups.</summary>
    public bool CoversAllGroups => Groups.Values.All(c => c.Covered);
}

/// <summary>Which guideline filter to apply before computing the matrix.</summary>
public sealed record CoverageFilter(
    IReadOnlyCollection<GuidelineRegion>? Regions = null,
    IReadOnlyCollection<GuidelineKind>? Kinds = null,
    int? YearFrom = null,
    int? YearTo = null)
{
    /// <summary>True when the guideline passes.</summary>
    public bool Includes(Guideline g) =>
        (Regions is not { Count: > 0 } || Regions.Contains(g.Region))
        && (Kinds is not { Count: > 0 } || Kinds.Contains(g.Kind))
        && (YearFrom is not { } from || g.Year >= from)
        && (YearTo is not { } to || g.Year <= to);
}

/// <summary>
/// Guideline × IoT part, computed from the requirement tags: the table the seminar drew by hand, plus how
/// detailed each cell is.
/// </summary>
public sealed class CoverageMatrix
{
    private CoverageMatrix(IReadOnlyList<CoverageRow> rows) => Rows = rows;

    /// <summary>One row per guideline that passed the filter.</summary>
    public IReadOnlyList<CoverageRow> Rows { get; }

    /// <summary>Computes the matrix over the guidelines that pass <paramref name="filter"/>.</summary>
    public static CoverageMatrix Compute(IEnumerable<Guideline> guidelines, CoverageFilter? filter = null)
    {
        var selected = guidelines.Where(g => filter?.Includes(g) ?? true).ToList();
        var groupCounts = selected.ToDictionary(g => g, g => Enum.GetValues<IotPartGroup>()
            .ToDictionary(grp => grp, grp => g.Requirements.Count(r => r.PartGroups.Contains(grp))));
        var partCounts = selected.ToDictionary(g => g, g => IotParts.All
            .ToDictionary(p => p, p => g.Requirements.Count(r => r.Parts.Contains(p))));
        var groupMax = Enum.GetValues<IotPartGroup>().ToDictionary(grp => grp, grp => selected.Select(g => groupCounts[g][grp]).DefaultIfEmpty(0).Max());
        var partMax = IotParts.All.ToDictionary(p => p, p => selected.Select(g => partCounts[g][p]).DefaultIfEmpty(0).Max());
        var rows = selected.Select(g => new CoverageRow(g,
            groupCounts[g].ToDictionary(kv => kv.Key, kv => new CoverageCell(kv.Value, Ratio(kv.Value, groupMax[kv.Key]))),
            partCounts[g].ToDictionary(kv => kv.Key, kv => new CoverageCell(kv.Value, Ratio(kv.Value, partMax[kv.Key]))))).ToList();
        return new CoverageMatrix(rows);
    }

    /// <summary>Guidelines that cover device, network, platform and management.</summary>
    public IEnumerable<Guideline> AllRounders => Rows.Where(r => r.CoversAllGroups).Select(r => r.Guideline);

    /// <summary>The most detailed guideline for a group (most requirements; ties: the newer), or null if none covers it.</summary>
    public Guideline? MostDetailed(IotPartGroup group) =>
        Rows.Where(r => r.Groups[group].Covered)
            .OrderByDescending(r => r.Groups[group].Count).ThenByDescending(r => r.Guideline.Year)
            .Select(r => r.Guideline).FirstOrDefault();

    private static double Ratio(int count, int max) => max == 0 ? 0 : (double)count / max;
}
