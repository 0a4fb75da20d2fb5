using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;

namespace Shirube.Domain.Assessments;

/// <summary>One included line of a baseline version with its assessed status (null while not assessed).</summary>
/// <param name="Key">The line.</param>
/// <param name="Level">Its level.</param>
/// <param name="Parts">The IoT parts it concerns.</param>
/// <param name="Status">Its status, or null when not assessed.</param>
public sealed record ScoredLine(string Key, RequirementLevel Level, IReadOnlyList<IotPart> Parts, ImplementationStatus? Status)
{
    /// <summary>Met: implemented in full.</summary>
    public bool Met => Status == ImplementationStatus.Implemented;
    /// <summary>Counts towards the shares: everything but not applicable.</summary>
    public bool Applies => Status != ImplementationStatus.NotApplicable;
    /// <summary>The part groups of the line; a line with no part tag belongs to management.</summary>
    public IReadOnlyList<IotPartGroup> Groups => Parts.Count == 0 ? [IotPartGroup.Management] : [.. Parts.Select(IotParts.GroupOf).Distinct().Order()];
}

/// <summary>How many applicable lines there are and how many are met.</summary>
/// <param name="Applicable">Lines that apply (not applicable ones left out).</param>
/// <param name="Met">Of those, the ones implemented in full.</param>
public sealed record Share(int Applicable, int Met)
{
    /// <summary>The share met, 0 to 1; 1 when nothing applies.</summary>
    public double Ratio => Applicable == 0 ? 1 : (double)Met / Applicable;
    /// <summary>All applicable lines are met.</summary>
    public bool Complete => Met == Applicable;

    /// <summary>The share of the given lines.</summary>
    public static Share Of(IEnumerable<ScoredLine> lines)
    {
        var applicable = lines.Where(l => l.Applies).ToList();
        return new Share(applicable.Count, applicable.Count(l => l.Met));
    }
}

/// <summary>A requirement not met, for the gap list.</summary>
/// <param name="Key">The line.</param>
/// <param name="Level">Its level.</param>
/// <param name="Group">The first IoT part group it concerns.</param>
/// <param name="Status">Partial, not implemented, or null when not assessed.</param>
public sealed record Gap(string Key, RequirementLevel Level, IotPartGroup Group, ImplementationStatus? Status);

/// <summary>
/// Required against actual: the share of MUST, SHOULD and BETTER met, the actual level (the highest level whose
/// requirements — and those of every stricter level — are all met), the share per IoT part group of what the
/// required level asks for, and the gap list ordered by level and part.
/// </summary>
public sealed class AssessmentScore
{
    private AssessmentScore(IReadOnlyDictionary<RequirementLevel, Share> levels, RequirementLevel required, RequirementLevel? actual,
        IReadOnlyDictionary<IotPartGroup, Share> groups, IReadOnlyList<Gap> gaps)
    {
        Levels = levels;
        Required = required;
        Actual = actual;
        Groups = groups;
        Gaps = gaps;
    }

    /// <summary>Share met per level.</summary>
    public IReadOnlyDictionary<RequirementLevel, Share> Levels { get; }
    /// <summary>The level the product must reach.</summary>
    public RequirementLevel Required { get; }
    /// <summary>The level reached, or null when not every MUST is met.</summary>
    public RequirementLevel? Actual { get; }
    /// <summary>True when the actual level reaches the required one.</summary>
    public bool MeetsRequired => Actual is { } a && a >= Required;
    /// <summary>Per part group: the share met of the lines up to the required level (groups without such lines are absent).</summary>
    public IReadOnlyDictionary<IotPartGroup, Share> Groups { get; }
    /// <summary>Lines not met (up to BETTER), ordered by level, part group, key.</summary>
    public IReadOnlyList<Gap> Gaps { get; }

    /// <summary>Scores the included lines of a baseline version against the required level.</summary>
    public static AssessmentScore Compute(IEnumerable<ScoredLine> lines, RequirementLevel required)
    {
        var all = lines.ToList();
        // One pass over the lines for the level shares and one for the part groups: the portfolio view scores a
        // thousand assessments at a time.
        var levelCounts = Enum.GetValues<RequirementLevel>().ToDictionary(l => l, _ => new Counts());
        var groupCounts = new Dictionary<IotPartGroup, Counts>();
        foreach (var line in all)
        {
            if (levelCounts.TryGetValue(line.Level, out var atLevel))
                atLevel.Add(line);
            if (line.Level > required)
                continue;
            foreach (var group in line.Groups)
            {
                if (!groupCounts.TryGetValue(group, out var inGroup))
                    groupCounts[group] = inGroup = new Counts();
                inGroup.Add(line);
            }
        }
        var levels = levelCounts.ToDictionary(l => l.Key, l => l.Value.Share);
        RequirementLevel? actual = null;
        foreach (var level in Enum.GetValues<RequirementLevel>().Order())
        {
            if (!levels[level].Complete)
                break;
            actual = level;
        }
        var groups = Enum.GetValues<IotPartGroup>()
            .Where(groupCounts.ContainsKey)
            .ToDictionary(g => g, g => groupCounts[g].Share);
        var gaps = all.Where(l => l.Applies && !l.Met)
            .Select(l => new Gap(l.Key, l.Level, l.Groups[0], l.Status))
            .OrderBy(g => g.Level).ThenBy(g => g.Group).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return new AssessmentScore(levels, required, actual, groups, gaps);
    }

    // Lines, applicable lines and met lines counted as they pass.
    private sealed class Counts
    {
        private int _applicable;
        private int _met;

        public Share Share => new(_applicable, _met);

        public void Add(ScoredLine line)
        {
            if (!line.Applies)
                return;
            _applicable++;
            if (line.Met)
                _met++;
        }
    }
}
