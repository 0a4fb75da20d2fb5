using System.Globalization;

namespace Shirube.Domain.Vulnerabilities;

/// <summary>One vulnerability under all its ids: the id to show and every id it goes by.</summary>
/// <param name="Canonical">The id to show: the CVE id when there is one (the oldest, should a group hold several),
/// else the GitHub advisory id, else the first id in ordinal order.</param>
/// <param name="Ids">Every id of the group, the canonical one first, the rest in ordinal order.</param>
public sealed record AliasGroup(string Canonical, IReadOnlyList<string> Ids);

/// <summary>
/// Groups the ids that name the same vulnerability across databases (CVE, GHSA, PYSEC, GO, RUSTSEC, JVNDB…). An
/// alias is symmetric (a record naming an alias makes both the same) and transitive (GO-… ↔ CVE-… ↔ GHSA-… is one
/// group), whichever record states it. Only aliases join ids: <c>related</c> names a similar vulnerability and
/// <c>upstream</c> one it derives from, and neither is the same one. Ids compare without regard to case, as the
/// databases write them in different cases (GHSA ids are lower case after the prefix, some feeds upper-case them).
/// </summary>
public sealed class AliasGroups
{
    private readonly Dictionary<string, AliasGroup> _byId;

    private AliasGroups(Dictionary<string, AliasGroup> byId, IReadOnlyList<AliasGroup> groups)
    {
        _byId = byId;
        Groups = groups;
    }

    /// <summary>Every group, ordered by canonical id.</summary>
    public IReadOnlyList<AliasGroup> Groups { get; }

    /// <summary>Groups the ids of <paramref name="records"/> by their aliases.</summary>
    public static AliasGroups Build(IEnumerable<VulnerabilityRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Build(records.Select(r => (r.Id, (IEnumerable<string>)r.Aliases)));
    }

    /// <summary>Groups ids given with the aliases each one's record states.</summary>
    public static AliasGroups Build(IEnumerable<(string Id, IEnumerable<string> Aliases)> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var parent = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string Find(string id)
        {
            // Union-find with path halving: each look-up shortens the path it walks.
            while (parent[id] is var up && !string.Equals(up, id, StringComparison.OrdinalIgnoreCase))
            {
                parent[id] = parent[up];
                id = parent[id];
            }
            return id;
        }
        string Add(string id)
        {
            var key = id.Trim();
            if (parent.TryGetValue(key, out _))
                return key;
            parent[key] = key;
            return key;
        }
        foreach (var (id, aliases) in statements)
        {
            if (string.IsNullOrWhiteSpace(id))
                continue;
            var root = Find(Add(id));
            foreach (var alias in aliases ?? [])
            {
                if (string.IsNullOrWhiteSpace(alias))
                    continue;
                var other = Find(Add(alias));
                if (!string.Equals(other, root, StringComparison.OrdinalIgnoreCase))
                    parent[other] = root;
            }
        }
        // The spelling kept for an id is the first one met (the dictionary keeps its first key).
        var members = parent.Keys.GroupBy(Find, StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, AliasGroup>(StringComparer.OrdinalIgnoreCase);
        var groups = new List<AliasGroup>();
        foreach (var member in members)
        {
            var ids = member.ToList();
            var canonical = ids.OrderBy(Rank).ThenBy(CveYear).ThenBy(CveNumber).ThenBy(i => i, StringComparer.Ordinal).First();
            var group = new AliasGroup(canonical, [canonical, .. ids.Where(i => !ReferenceEquals(i, canonical)).Order(StringComparer.Ordinal)]);
            groups.Add(group);
            foreach (var id in ids)
                byId[id] = group;
        }
        return new AliasGroups(byId, [.. groups.OrderBy(g => g.Canonical, StringComparer.Ordinal)]);
    }

    /// <summary>The group of <paramref name="id"/>; an id no record named is a group of its own.</summary>
    public AliasGroup GroupOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id.Trim(), out var group) ? group : new AliasGroup(id.Trim(), [id.Trim()]);
    }

    /// <summary>The id to show for <paramref name="id"/>.</summary>
    public string CanonicalOf(string id) => GroupOf(id).Canonical;

    /// <summary>Whether two ids name the same vulnerability.</summary>
    public bool AreSame(string a, string b) => string.Equals(CanonicalOf(a), CanonicalOf(b), StringComparison.OrdinalIgnoreCase);

    private static int Rank(string id) =>
        id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase) ? 0
        : id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase) ? 1
        : 2;

    // CVE-2021-44228 → (2021, 44228): the oldest CVE of a group leads, by number, not by text (CVE-2021-4104 < CVE-2021-44228).
    private static long CveYear(string id) => CvePart(id, 1);

    private static long CveNumber(string id) => CvePart(id, 2);

    private static long CvePart(string id, int index)
    {
        var parts = id.Split('-');
        return Rank(id) == 0 && parts.Length > index && long.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
    }
}
