using System.Globalization;
using System.Text;
using Shirube.Domain.Packages;
using Shirube.Domain.Versions;

namespace Shirube.Domain.Vulnerabilities.Matching;

/// <summary>
/// Every affected entry of one package (ecosystem and normalised name), with its range bounds ranked once: the bucket
/// sorts the distinct bound versions of each scheme, so that a component's version is placed among them by one binary
/// search and each range event is then an integer comparison. Immutable once built; a change builds a new bucket.
/// </summary>
internal sealed class PackageBucket
{
    private PackageBucket(PreparedEntry[] entries, RankTable[] tables)
    {
        Entries = entries;
        Tables = tables;
        AnyRelease = EntryGroup.Of(entries.Where(e => e.Release is null).ToArray(), tables);
        ByRelease = entries.Where(e => e.Release is not null).GroupBy(e => e.Release!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => EntryGroup.Of(g.ToArray(), tables), StringComparer.OrdinalIgnoreCase);
    }

    public PreparedEntry[] Entries { get; }

    /// <summary>The entries that apply to every release (or to an ecosystem without releases).</summary>
    public EntryGroup AnyRelease { get; }

    /// <summary>The entries scoped to one distribution release, by release: a component looks only at its own.</summary>
    public Dictionary<string, EntryGroup> ByRelease { get; }

    public RankTable[] Tables { get; }

    /// <summary>A bucket of <paramref name="entries"/>, their bounds ranked.</summary>
    public static PackageBucket Of(PreparedEntry[] entries)
    {
        var byScheme = new Dictionary<VersionScheme, List<SchemeVersion>>();
        foreach (var entry in entries)
        {
            foreach (var range in entry.Ranges)
            {
                if (range.Scheme is null)
                    continue;
                var list = Versions(byScheme, range.Scheme);
                foreach (var e in range.Events)
                {
                    if (e.Bound is not null)
                        list.Add(e.Bound);
                }
            }
            if (entry.Scheme is not null && entry.ParsedVersions.Length > 0)
                Versions(byScheme, entry.Scheme).AddRange(entry.ParsedVersions);
        }
        var tables = byScheme.Select(p => RankTable.Of(p.Key, p.Value)).ToArray();
        // Ranked copies: a bucket being read by a match in progress is never changed under it.
        var ranked = new PreparedEntry[entries.Length];
        for (var i = 0; i < entries.Length; i++)
            ranked[i] = entries[i].RankedBy(tables);
        return new PackageBucket(ranked, tables);
    }

    private static List<SchemeVersion> Versions(Dictionary<VersionScheme, List<SchemeVersion>> byScheme, VersionScheme scheme)
    {
        if (!byScheme.TryGetValue(scheme, out var list))
            byScheme[scheme] = list = [];
        return list;
    }
}

/// <summary>
/// The entries of one release scope with every range and ranked enumerated version compiled to intervals of keys
/// (<see cref="RankTable.KeyOf"/>): a component is matched by comparing its key with flat arrays of integers instead of
/// walking each range's events. The intervals are derived from <see cref="PreparedRange.Holds"/> itself, evaluated at
/// every key where its answer can change, so that both say the same for every version.
/// </summary>
internal sealed class EntryGroup
{
    /// <summary>The reason of an interval that comes from an enumerated version rather than a range.</summary>
    public const int Listed = -2;

    private EntryGroup(PreparedEntry[] entries, int[] low, int[] high, int[] entry, int[] why, int[] table, int[] textEntries)
    {
        Entries = entries;
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        RecordOrdinal = Array.ConvertAll(entries, e => ordinals.TryGetValue(e.Record.Id, out var o) ? o : ordinals[e.Record.Id] = ordinals.Count);
        RecordCount = ordinals.Count;
        RepeatsRecords = RecordCount < entries.Length;
        Low = low;
        High = high;
        Entry = entry;
        Why = why;
        Table = table;
        TextEntries = textEntries;
    }

    public PreparedEntry[] Entries { get; }

    /// <summary>Whether a record has more than one entry here (then its hits must be told apart by record).</summary>
    public bool RepeatsRecords { get; }

    /// <summary>Each entry's record as a number from 0 to <see cref="RecordCount"/> − 1 (entries of one record share it).</summary>
    public int[] RecordOrdinal { get; }

    public int RecordCount { get; }

    /// <summary>Interval j holds the keys Low[j] ≤ key &lt; High[j] of table Table[j], for entry Entry[j].</summary>
    public int[] Low { get; }

    public int[] High { get; }

    /// <summary>The entry of each interval; intervals are in entry order, and within an entry ranges first (in the record's order), then enumerated versions.</summary>
    public int[] Entry { get; }

    /// <summary>The index of the range an interval comes from, or <see cref="Listed"/>.</summary>
    public int[] Why { get; }

    public int[] Table { get; }

    /// <summary>The entries with enumerated versions compared as text.</summary>
    public int[] TextEntries { get; }

    public static EntryGroup Of(PreparedEntry[] entries, RankTable[] tables)
    {
        List<int> low = [], high = [], entry = [], why = [], table = [], text = [];
        for (var e = 0; e < entries.Length; e++)
        {
            var prepared = entries[e];
            for (var r = 0; r < prepared.Ranges.Length; r++)
            {
                var range = prepared.Ranges[r];
                if (range.Scheme is null)
                    continue;
                var t = Array.FindIndex(tables, x => x.Scheme == range.Scheme);
                foreach (var (lo, hi) in range.Intervals())
                {
                    low.Add(lo);
                    high.Add(hi);
                    entry.Add(e);
                    why.Add(r);
                    table.Add(t);
                }
            }
            if (prepared.Scheme is not null && prepared.VersionRanks.Length > 0)
            {
                var t = Array.FindIndex(tables, x => x.Scheme == prepared.Scheme);
                foreach (var rank in prepared.VersionRanks)
                {
                    low.Add(rank);
                    high.Add(rank + 1);
                    entry.Add(e);
                    why.Add(Listed);
                    table.Add(t);
                }
            }
            if (prepared.TextVersions.Length > 0)
                text.Add(e);
        }
        return new EntryGroup(entries, [.. low], [.. high], [.. entry], [.. why], [.. table], [.. text]);
    }

    /// <summary>
    /// Adds to <paramref name="hits"/> each entry that holds a version whose key in table t is keys[t]
    /// (<see cref="NoKey"/> when the table's scheme does not read the version) or whose text is one of its enumerated
    /// versions, with the first range that holds it (else <see cref="Listed"/>), in entry order.
    /// </summary>
    public void Collect(int[] keys, string version, List<(int Entry, int Why)> hits)
    {
        hits.Clear();
        var last = -1;
        var low = Low;
        var high = High;
        for (var j = 0; j < low.Length; j++)
        {
            var e = Entry[j];
            if (e == last)
                continue;
            var key = keys[Table[j]];
            if (key != NoKey && low[j] <= key && key < high[j])
            {
                hits.Add((e, Why[j]));
                last = e;
            }
        }
        if (TextEntries.Length == 0)
            return;
        var added = false;
        foreach (var e in TextEntries)
        {
            if (Array.IndexOf(Entries[e].TextVersions, version) < 0 || hits.Exists(h => h.Entry == e))
                continue;
            hits.Add((e, Listed));
            added = true;
        }
        if (added)
            hits.Sort(static (a, b) => a.Entry.CompareTo(b.Entry));
    }

    /// <summary>The key of a version its table's scheme does not read: it is in no interval.</summary>
    public const int NoKey = int.MinValue;
}

/// <summary>The distinct versions of one scheme within a bucket, in the scheme's order.</summary>
internal sealed class RankTable
{
    private readonly SchemeVersion[] _sorted;

    private RankTable(VersionScheme scheme, SchemeVersion[] sorted)
    {
        Scheme = scheme;
        _sorted = sorted;
    }

    public VersionScheme Scheme { get; }

    public static RankTable Of(VersionScheme scheme, List<SchemeVersion> versions)
    {
        var all = versions.Distinct().ToArray();
        Array.Sort(all, static (a, b) => a.CompareTo(b));
        var distinct = new List<SchemeVersion>(all.Length);
        foreach (var v in all)
        {
            // Spellings the scheme holds equal (1.0 and 1.0.0) share one rank.
            if (distinct.Count == 0 || distinct[^1].CompareTo(v) != 0)
                distinct.Add(v);
        }
        return new RankTable(scheme, [.. distinct]);
    }

    /// <summary>The rank of a bound of this table: twice its position, so that versions between two bounds get the odd rank in between.</summary>
    public int RankOf(SchemeVersion bound) => checked(2 * Search(bound));

    /// <summary>
    /// The rank of any version: even when the table holds it (equal by the scheme), else the odd number between
    /// the ranks of its neighbours; comparing ranks then orders the version against every bound.
    /// </summary>
    public int KeyOf(SchemeVersion version)
    {
        var index = Search(version);
        return index >= 0 ? checked(2 * index) : checked(2 * ~index - 1);
    }

    private int Search(SchemeVersion version)
    {
        int low = 0, high = _sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = _sorted[middle].CompareTo(version);
            if (order == 0)
                return middle;
            if (order < 0)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return ~low;
    }
}

/// <summary>One OSV affected entry made ready for matching.</summary>
internal sealed class PreparedEntry
{
    public required VulnerabilityRecord Record { get; init; }

    public required AffectedPackage Affected { get; init; }

    /// <summary>The distribution release the entry is scoped to, or null.</summary>
    public string? Release { get; init; }

    /// <summary>The scheme of the ecosystem, or null when Shirube knows none.</summary>
    public VersionScheme? Scheme { get; init; }

    public required PreparedRange[] Ranges { get; init; }

    /// <summary>Enumerated versions the ecosystem's scheme reads (ranked with the bucket).</summary>
    public SchemeVersion[] ParsedVersions { get; init; } = [];

    public int[] VersionRanks { get; init; } = [];

    /// <summary>Enumerated versions compared as text: all of them when the ecosystem has no scheme.</summary>
    public string[] TextVersions { get; init; } = [];

    /// <summary>A copy whose bounds and enumerated versions carry their ranks in <paramref name="tables"/>.</summary>
    public PreparedEntry RankedBy(RankTable[] tables) => new()
    {
        Record = Record,
        Affected = Affected,
        Release = Release,
        Scheme = Scheme,
        Ranges = Array.ConvertAll(Ranges, r => r.RankedBy(tables)),
        ParsedVersions = ParsedVersions,
        VersionRanks = Scheme is not null && ParsedVersions.Length > 0
            ? Array.ConvertAll(ParsedVersions, Array.Find(tables, t => t.Scheme == Scheme)!.RankOf)
            : [],
        TextVersions = TextVersions,
    };
}

/// <summary>A range whose events are sorted by version; <see cref="Scheme"/> is null when it cannot be ordered.</summary>
internal sealed class PreparedRange
{
    public required AffectedRange Source { get; init; }

    public VersionScheme? Scheme { get; init; }

    /// <summary>Why the range cannot be ordered (GIT, no scheme, a bound that does not parse), or null.</summary>
    public string? Unordered { get; init; }

    public PreparedEvent[] Events { get; init; } = [];

    public bool HasLimit { get; init; }

    /// <summary>A copy whose events carry their ranks in the table of its scheme.</summary>
    public PreparedRange RankedBy(RankTable[] tables)
    {
        if (Scheme is null)
            return this;
        var table = Array.Find(tables, t => t.Scheme == Scheme)!;
        var events = Array.ConvertAll(Events, e => e with
        {
            Rank = e.Bound is null ? (e.Kind == RangeEventKind.Limit ? int.MaxValue : int.MinValue) : table.RankOf(e.Bound),
        });
        return new PreparedRange { Source = Source, Scheme = Scheme, Unordered = Unordered, Events = events, HasLimit = HasLimit, _description = _description };
    }

    /// <summary>Whether a version whose key in the bucket is <paramref name="key"/> is in the range (OSV's evaluation).</summary>
    public bool Holds(int key)
    {
        if (HasLimit)
        {
            var below = false;
            foreach (var e in Events)
            {
                if (e.Kind == RangeEventKind.Limit && key < e.Rank)
                {
                    below = true;
                    break;
                }
            }
            if (!below)
                return false;
        }
        var affected = false;
        foreach (var e in Events)
        {
            switch (e.Kind)
            {
                case RangeEventKind.Introduced when key >= e.Rank:
                    affected = true;
                    break;
                case RangeEventKind.Fixed when key >= e.Rank:
                    affected = false;
                    break;
                case RangeEventKind.LastAffected when key > e.Rank:
                    affected = false;
                    break;
            }
        }
        return affected;
    }

    /// <summary>
    /// The keys this range holds as half-open intervals [low, high): <see cref="Holds"/> evaluated at every key where
    /// its answer can change (each event's rank, and the rank after a last_affected one), consecutive holding
    /// stretches joined. Keys are never <see cref="int.MaxValue"/>, which stands for "no upper end".
    /// </summary>
    public IEnumerable<(int Low, int High)> Intervals()
    {
        var points = new SortedSet<int> { int.MinValue };
        foreach (var e in Events)
        {
            if (e.Rank != int.MaxValue)
                points.Add(e.Rank);
            if (e.Kind == RangeEventKind.LastAffected && e.Rank < int.MaxValue - 1)
                points.Add(e.Rank + 1);
        }
        int? start = null;
        foreach (var point in points)
        {
            var holds = Holds(point);
            if (holds && start is null)
                start = point;
            else if (!holds && start is { } from)
            {
                yield return (from, point);
                start = null;
            }
        }
        if (start is { } open)
            yield return (open, int.MaxValue);
    }

    private string? _description;

    /// <summary>The range as users read it: <c>SEMVER range [introduced 0, fixed 1.4.3]</c> (written once, then kept).</summary>
    public string Describe() => _description ??= Description();

    private string Description()
    {
        var builder = new StringBuilder();
        builder.Append(Source.Type switch
        {
            RangeType.Semver => "SEMVER",
            RangeType.Ecosystem => "ECOSYSTEM",
            RangeType.Git => "GIT",
            _ => Source.Type.ToString(),
        });
        builder.Append(" range [");
        builder.AppendJoin(", ", Source.Events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{Word(e.Kind)} {e.Version}")));
        return builder.Append(']').ToString();
    }

    private static string Word(RangeEventKind kind) => kind switch
    {
        RangeEventKind.Introduced => "introduced",
        RangeEventKind.Fixed => "fixed",
        RangeEventKind.LastAffected => "last_affected",
        RangeEventKind.Limit => "limit",
        _ => kind.ToString(),
    };
}

/// <summary>A range event with its parsed bound (null for introduced "0" and limit "*") and its rank in the bucket.</summary>
internal readonly record struct PreparedEvent(RangeEventKind Kind, SchemeVersion? Bound, int Rank = 0);

/// <summary>Parses range bounds and enumerated versions once, sharing one parsed version per distinct text.</summary>
internal sealed class EntryPreparer
{
    private readonly Dictionary<(VersionScheme, string), SchemeVersion?> _parsed = [];

    public PreparedEntry Prepare(VulnerabilityRecord record, AffectedPackage affected)
    {
        VersionSchemes.TryFor(affected.Ecosystem, out var scheme);
        var ranges = new PreparedRange[affected.Ranges.Count];
        for (var i = 0; i < ranges.Length; i++)
            ranges[i] = PrepareRange(affected.Ranges[i], affected.Ecosystem, scheme);
        var parsed = new List<SchemeVersion>();
        var text = new List<string>();
        foreach (var version in affected.Versions)
        {
            if (scheme is not null && Parse(scheme, version) is { } v)
                parsed.Add(v);
            else
                text.Add(version);
        }
        return new PreparedEntry
        {
            Record = record,
            Affected = affected,
            Release = PackageNames.Release(affected.Ecosystem),
            Scheme = scheme,
            Ranges = ranges,
            ParsedVersions = [.. parsed],
            TextVersions = [.. text],
        };
    }

    private PreparedRange PrepareRange(AffectedRange range, string ecosystem, VersionScheme? ecosystemScheme)
    {
        VersionScheme? scheme = range.Type switch
        {
            RangeType.Semver => SemverScheme.Instance,
            RangeType.Ecosystem => ecosystemScheme,
            _ => null,
        };
        if (range.Type == RangeType.Git)
            return new PreparedRange { Source = range, Unordered = "a GIT range is matched only through the enumerated versions" };
        if (scheme is null)
            return new PreparedRange { Source = range, Unordered = $"Shirube knows no version scheme for {PackageNames.EcosystemBase(ecosystem)}, so its ECOSYSTEM ranges are not ordered" };
        var events = new PreparedEvent[range.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var e = range.Events[i];
            SchemeVersion? bound = null;
            var open = e.Kind == RangeEventKind.Introduced && e.Version.Trim() == "0" || e.Kind == RangeEventKind.Limit && e.Version.Contains('*', StringComparison.Ordinal);
            if (!open && (bound = Parse(scheme, e.Version)) is null)
                return new PreparedRange { Source = range, Unordered = $"its bound '{e.Version}' is not a {scheme.Name} version" };
            events[i] = new PreparedEvent(e.Kind, bound);
        }
        // OSV evaluates the events in version order, whatever order the record gives them; the sort is stable so that
        // events at one version keep the record's order. "0" sorts before every version, "*" after.
        var order = Enumerable.Range(0, events.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byVersion = CompareBounds(events[a], events[b]);
            return byVersion != 0 ? byVersion : a.CompareTo(b);
        });
        return new PreparedRange
        {
            Source = range,
            Scheme = scheme,
            Events = order.Select(i => events[i]).ToArray(),
            HasLimit = events.Any(e => e.Kind == RangeEventKind.Limit),
        };
    }

    private static int CompareBounds(PreparedEvent a, PreparedEvent b)
    {
        static int Open(PreparedEvent e) => e.Bound is not null ? 0 : e.Kind == RangeEventKind.Limit ? 1 : -1;
        var (oa, ob) = (Open(a), Open(b));
        if (oa != 0 || ob != 0)
            return oa.CompareTo(ob);
        return a.Bound!.CompareTo(b.Bound);
    }

    private SchemeVersion? Parse(VersionScheme scheme, string text)
    {
        if (_parsed.TryGetValue((scheme, text), out var known))
            return known;
        var parsed = scheme.TryParse(text, out var version, out _) ? version : null;
        _parsed[(scheme, text)] = parsed;
        return parsed;
    }
}
