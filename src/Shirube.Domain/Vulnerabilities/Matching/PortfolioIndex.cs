using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Domain.Versions;

namespace Shirube.Domain.Vulnerabilities.Matching;

/// <summary>A component found in one product version.</summary>
/// <param name="ProductVersionId">The product version that ships it.</param>
/// <param name="Component">The component, with its version.</param>
public sealed record PortfolioHit(Guid ProductVersionId, SbomComponent Component);

/// <summary>A vulnerability match in one product version.</summary>
public sealed record PortfolioMatch(Guid ProductVersionId, ComponentMatch Match);

/// <summary>
/// The components of every product version, indexed by package (ecosystem and normalised name), by bare name and by
/// CPE vendor:product, to answer "which product versions contain X?" and to find the product versions one new or
/// changed record affects without evaluating the others.
/// </summary>
/// <remarks>Safe to use from several threads; each call sees the index before or after a change, never during one.</remarks>
public sealed class PortfolioIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, SbomComponent[]> _versions = [];
    private readonly Dictionary<PackageKey, Dictionary<Guid, List<SbomComponent>>> _byPackage = [];
    private readonly Dictionary<string, Dictionary<Guid, List<SbomComponent>>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<Guid, List<SbomComponent>>> _byCpe = new(StringComparer.Ordinal);

    /// <summary>The product versions indexed.</summary>
    public int ProductVersions
    {
        get
        {
            lock (_lock)
                return _versions.Count;
        }
    }

    /// <summary>Sets the components of a product version, replacing those it had.</summary>
    public void Set(Guid productVersionId, IReadOnlyList<SbomComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        lock (_lock)
        {
            RemoveLocked(productVersionId);
            _versions[productVersionId] = [.. components];
            foreach (var component in components)
            {
                var keys = Keys(component);
                if (keys.Package is { } package)
                    Add(_byPackage, package, productVersionId, component);
                foreach (var name in keys.Names)
                    Add(_byName, name, productVersionId, component);
                if (keys.Cpe is { } cpe)
                    Add(_byCpe, cpe, productVersionId, component);
            }
        }
    }

    /// <summary>Forgets a product version.</summary>
    public void Remove(Guid productVersionId)
    {
        lock (_lock)
            RemoveLocked(productVersionId);
    }

    private void RemoveLocked(Guid productVersionId)
    {
        if (!_versions.Remove(productVersionId, out var old))
            return;
        foreach (var component in old)
        {
            var keys = Keys(component);
            if (keys.Package is { } package)
                Forget(_byPackage, package, productVersionId);
            foreach (var name in keys.Names)
                Forget(_byName, name, productVersionId);
            if (keys.Cpe is { } cpe)
                Forget(_byCpe, cpe, productVersionId);
        }
    }

    private static void Forget<TKey>(Dictionary<TKey, Dictionary<Guid, List<SbomComponent>>> map, TKey key, Guid productVersionId)
        where TKey : notnull
    {
        if (map.TryGetValue(key, out var byVersion) && byVersion.Remove(productVersionId) && byVersion.Count == 0)
            map.Remove(key);
    }

    private static void Add<TKey>(Dictionary<TKey, Dictionary<Guid, List<SbomComponent>>> map, TKey key, Guid productVersionId, SbomComponent component)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var byVersion))
            map[key] = byVersion = [];
        if (!byVersion.TryGetValue(productVersionId, out var list))
            byVersion[productVersionId] = list = [];
        list.Add(component);
    }

    // The keys a component is found by: its package, its bare names (purl name, OSV name, component name), its CPE.
    private static ComponentKeys Keys(SbomComponent component)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { Loose(component.Name) };
        PackageKey? key = null;
        if (component.Purl is { } purl)
        {
            names.Add(Loose(purl.Name));
            if (PackageNames.TryFromPurl(purl, out var package))
            {
                key = package.Key;
                names.Add(Loose(package.Name));
            }
        }
        return new ComponentKeys(key, names, component.Cpe is { } cpe ? VulnerabilityIndex.CpeKeyOf(cpe) : null);
    }

    private static string Loose(string name) => name.Trim().ToLowerInvariant();

    /// <summary>
    /// Every product version with a component of that name: the bare name of any ecosystem (<c>log4j-core</c>,
    /// <c>openssl</c>), or the name as OSV writes it (<c>org.apache.logging.log4j:log4j-core</c>), letter case ignored.
    /// </summary>
    public IReadOnlyList<PortfolioHit> FindName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Read(() => Hits(_byName, Loose(name), _ => true));
    }

    /// <summary>
    /// Every product version with the package a purl names; with a version, only components of that version (equal by
    /// the ecosystem's scheme when Shirube knows it, else as text); with a <c>distro</c>, only that release.
    /// </summary>
    public IReadOnlyList<PortfolioHit> Find(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        if (!PackageNames.TryFromPurl(purl, out var package))
            return FindName(purl.Name);
        SchemeVersion? wanted = null;
        VersionSchemes.TryFor(package.Ecosystem, out var scheme);
        if (purl.Version is not null && scheme is not null && !scheme.TryParse(purl.Version, out wanted, out _))
            wanted = null;
        var release = purl.Qualifiers.ContainsKey("distro") ? package.Release : null;
        return Read(() => Hits(_byPackage, package.Key, component =>
        {
            if (release is not null && (component.Purl is not { } p || !PackageNames.TryFromPurl(p, out var other)
                || !string.Equals(other.Release, release, StringComparison.OrdinalIgnoreCase)))
                return false;
            if (purl.Version is null)
                return true;
            var version = component.Purl?.Version ?? component.Version;
            if (version is null)
                return false;
            if (string.Equals(version, purl.Version, StringComparison.OrdinalIgnoreCase))
                return true;
            return wanted is not null && scheme!.TryParse(version, out var have, out _) && have.CompareTo(wanted) == 0;
        }));
    }

    /// <summary>
    /// Every product version with a component whose CPE names that vendor and product; when the CPE names a version,
    /// only components of that version (<see cref="CpeVersionOrder"/>).
    /// </summary>
    public IReadOnlyList<PortfolioHit> Find(Cpe cpe)
    {
        ArgumentNullException.ThrowIfNull(cpe);
        if (VulnerabilityIndex.CpeKeyOf(cpe) is not { } key)
            return [];
        var version = cpe.Version is Cpe.AnyValue or Cpe.NotApplicable ? null : cpe.Version;
        return Read(() => Hits(_byCpe, key, component =>
            version is null || component.Cpe!.Version is not (Cpe.AnyValue or Cpe.NotApplicable) && CpeVersionOrder.Compare(component.Cpe.Version, version) == 0));
    }

    /// <summary>
    /// The product versions a new or changed record affects, with each match: only the product versions holding one
    /// of its packages (or a component with one of its CPE vendor:products) are evaluated, and within them only
    /// those components (all CPE components, when the record has configurations, for the platform parts).
    /// </summary>
    public IReadOnlyList<PortfolioMatch> Affected(VulnerabilityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsWithdrawn)
            return [];
        var packages = VulnerabilityIndex.PackagesOf(record);
        var cpeKeys = VulnerabilityIndex.CpeKeysOf(record);
        var candidates = Read(() =>
        {
            var byVersion = new Dictionary<Guid, List<SbomComponent>>();
            void Collect(Dictionary<Guid, List<SbomComponent>> found)
            {
                foreach (var (id, components) in found)
                {
                    if (!byVersion.TryGetValue(id, out var list))
                        byVersion[id] = list = [];
                    list.AddRange(components);
                }
            }
            foreach (var key in packages)
            {
                if (_byPackage.TryGetValue(key, out var found))
                    Collect(found);
            }
            var cpeVersions = new HashSet<Guid>();
            foreach (var key in cpeKeys)
            {
                if (_byCpe.TryGetValue(key, out var found))
                    cpeVersions.UnionWith(found.Keys);
            }
            // A configuration may need a platform part that another component of the product version provides.
            foreach (var id in cpeVersions)
            {
                if (!byVersion.TryGetValue(id, out var list))
                    byVersion[id] = list = [];
                list.AddRange(_versions[id].Where(c => c.Cpe is not null));
            }
            return byVersion;
        });
        if (candidates.Count == 0)
            return [];
        var index = VulnerabilityIndex.Build([record]);
        var result = new List<PortfolioMatch>();
        foreach (var (id, components) in candidates)
        {
            foreach (var match in index.Match(components.Distinct(ReferenceEqualityComparer.Instance).Cast<SbomComponent>().ToList()))
                result.Add(new PortfolioMatch(id, match));
        }
        return result;
    }

    private static List<PortfolioHit> Hits<TKey>(Dictionary<TKey, Dictionary<Guid, List<SbomComponent>>> map, TKey key, Func<SbomComponent, bool> keep)
        where TKey : notnull
    {
        var hits = new List<PortfolioHit>();
        if (!map.TryGetValue(key, out var byVersion))
            return hits;
        foreach (var (id, components) in byVersion)
        {
            foreach (var component in components)
            {
                if (keep(component))
                    hits.Add(new PortfolioHit(id, component));
            }
        }
        return hits;
    }

    private T Read<T>(Func<T> read)
    {
        lock (_lock)
            return read();
    }

    private sealed record ComponentKeys(PackageKey? Package, HashSet<string> Names, string? Cpe);
}
