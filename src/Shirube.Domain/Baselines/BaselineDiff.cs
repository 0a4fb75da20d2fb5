namespace Shirube.Domain.Baselines;

/// <summary>One line of a baseline as it was published.</summary>
/// <param name="Key">"guideline/requirement" or "own/OWN-n".</param>
/// <param name="Level">Its level.</param>
/// <param name="Excluded">Left out?</param>
/// <param name="Reason">Why it was left out.</param>
/// <param name="TitleEn">Our own title or rewording, English.</param>
/// <param name="TitleJa">Our own title or rewording, Japanese.</param>
public sealed record SnapshotLine(string Key, RequirementLevel Level, bool Excluded, string? Reason, string? TitleEn, string? TitleJa)
{
    /// <summary>The line as it stands in a baseline now.</summary>
    public static SnapshotLine Of(BaselineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Key, item.Level, item.Excluded, item.ExclusionReason, item.TitleEn, item.TitleJa);
    }
}

/// <summary>What changed in one line between two versions.</summary>
public enum LineChangeKind
{
    /// <summary>New in the later version.</summary>
    Added,
    /// <summary>Gone from the later version.</summary>
    Removed,
    /// <summary>Its level changed.</summary>
    LevelChanged,
    /// <summary>Left out in the later version.</summary>
    Excluded,
    /// <summary>Taken back in the later version.</summary>
    Included,
    /// <summary>Its wording changed.</summary>
    Reworded,
}

/// <summary>One difference between two versions of a baseline.</summary>
/// <param name="Key">The line.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Before">The line before, if it existed.</param>
/// <param name="After">The line after, if it exists.</param>
public sealed record LineChange(string Key, LineChangeKind Kind, SnapshotLine? Before, SnapshotLine? After);

/// <summary>Compares two published versions of a baseline line by line.</summary>
public static class BaselineDiff
{
    /// <summary>Every change from <paramref name="from"/> to <paramref name="to"/>, in key order; a line can change in several ways.</summary>
    public static IReadOnlyList<LineChange> Compare(IEnumerable<SnapshotLine> from, IEnumerable<SnapshotLine> to)
    {
        var before = from.ToDictionary(l => l.Key, StringComparer.Ordinal);
        var after = to.ToDictionary(l => l.Key, StringComparer.Ordinal);
        var changes = new List<LineChange>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(key, out var b);
            after.TryGetValue(key, out var a);
            if (b is null)
            {
                changes.Add(new LineChange(key, LineChangeKind.Added, null, a));
                continue;
            }
            if (a is null)
            {
                changes.Add(new LineChange(key, LineChangeKind.Removed, b, null));
                continue;
            }
            if (a.Level != b.Level)
                changes.Add(new LineChange(key, LineChangeKind.LevelChanged, b, a));
            if (a.Excluded && !b.Excluded)
                changes.Add(new LineChange(key, LineChangeKind.Excluded, b, a));
            if (!a.Excluded && b.Excluded)
                changes.Add(new LineChange(key, LineChangeKind.Included, b, a));
            if (a.TitleEn != b.TitleEn || a.TitleJa != b.TitleJa)
                changes.Add(new LineChange(key, LineChangeKind.Reworded, b, a));
        }
        return changes;
    }
}
