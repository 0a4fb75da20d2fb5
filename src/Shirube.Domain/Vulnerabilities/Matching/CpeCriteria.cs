using System.Diagnostics.CodeAnalysis;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;

namespace Shirube.Domain.Vulnerabilities.Matching;

/// <summary>
/// How a component's CPE meets a CPE match criterion of an NVD or JVN configuration. The guards against the false
/// positives CPE matching is known for:
/// <list type="bullet">
/// <item>vendor and product must be equal after normalisation (lowercase; '-' and '_' are the same, as NVD writes
/// spaces as '_' and SBOM tools often write them as '-'); a criterion or a component whose vendor or product is a
/// wildcard matches nothing;</item>
/// <item>a component CPE whose version is ANY ('*', the version is unknown) never matches a vulnerable criterion;
/// NA ('-') matches only a criterion whose version is NA;</item>
/// <item>a criterion whose version is ANY and that has no bounds matches every version, and says so;</item>
/// <item>bounds are compared in <see cref="CpeVersionOrder"/>;</item>
/// <item>an update the criterion names must be the component's update; other attributes the criterion names
/// (edition, language, software edition, target software and hardware, other) must be equal when the component names
/// them too.</item>
/// </list>
/// A platform criterion (vulnerable = false: "running on") is met more loosely: any component of the set with that
/// vendor and product, and, if the criterion names a version or bounds, a version that meets them.
/// </summary>
internal static class CpeCriteria
{
    /// <summary>The lookup key of a CPE: normalised vendor and product, or null when either is a wildcard or NA.</summary>
    public static string? KeyOf(Cpe cpe)
    {
        var vendor = cpe.Vendor;
        var product = cpe.Product;
        if (IsWild(vendor) || IsWild(product))
            return null;
        return Normal(vendor) + ":" + Normal(product);
    }

    private static bool IsWild(string value) => value is Cpe.AnyValue or Cpe.NotApplicable || value.Contains('*', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal);

    private static string Normal(string value) => value.ToLowerInvariant().Replace('-', '_');

    /// <summary>Whether <paramref name="component"/> meets <paramref name="match"/>; <paramref name="how"/> says how.</summary>
    public static bool Meets(CpeMatch match, Cpe component, [NotNullWhen(true)] out string? how)
    {
        how = null;
        var criteria = match.Criteria;
        if (KeyOf(criteria) is not { } key || key != KeyOf(component))
            return false;
        if (criteria.Part != CpePart.Any && component.Part != CpePart.Any && criteria.Part != component.Part)
            return false;
        if (!OtherAttributesMeet(criteria, component))
            return false;
        var bounded = match.VersionStartIncluding is not null || match.VersionStartExcluding is not null
            || match.VersionEndIncluding is not null || match.VersionEndExcluding is not null;
        var wanted = criteria.Version;
        var version = component.Version;
        if (version == Cpe.AnyValue)
        {
            // The component does not say its version: it can stand for a platform named without a version, never
            // for a vulnerable thing.
            if (!match.Vulnerable && !bounded && wanted is Cpe.AnyValue or Cpe.NotApplicable)
            {
                how = "as the platform (any version)";
                return true;
            }
            return false;
        }
        if (version == Cpe.NotApplicable)
        {
            if (wanted == Cpe.NotApplicable || !match.Vulnerable && wanted == Cpe.AnyValue && !bounded)
            {
                how = "(no version applies)";
                return true;
            }
            return false;
        }
        if (wanted == Cpe.NotApplicable)
            return false;
        if (wanted != Cpe.AnyValue)
        {
            if (CpeVersionOrder.Compare(version, wanted) != 0)
                return false;
            how = $"version {version} is the version {wanted} it names";
            return bounded ? InBounds(match, version, ref how) : true;
        }
        if (!bounded)
        {
            how = $"every version: the criterion names no version and no bounds, so {version} matches";
            return true;
        }
        how = $"version {version} is";
        return InBounds(match, version, ref how);
    }

    private static bool InBounds(CpeMatch match, string version, ref string? how)
    {
        var parts = new List<string>();
        if (match.VersionStartIncluding is { } si)
        {
            if (CpeVersionOrder.Compare(version, si) < 0)
                return false;
            parts.Add($"from {si} (including)");
        }
        if (match.VersionStartExcluding is { } se)
        {
            if (CpeVersionOrder.Compare(version, se) <= 0)
                return false;
            parts.Add($"above {se}");
        }
        if (match.VersionEndIncluding is { } ei)
        {
            if (CpeVersionOrder.Compare(version, ei) > 0)
                return false;
            parts.Add($"up to {ei} (including)");
        }
        if (match.VersionEndExcluding is { } ee)
        {
            if (CpeVersionOrder.Compare(version, ee) >= 0)
                return false;
            parts.Add($"below {ee}");
        }
        how = $"{how} {string.Join(", ", parts)}";
        return true;
    }

    private static bool OtherAttributesMeet(Cpe criteria, Cpe component)
    {
        if (!Attribute(criteria.Update, component.Update, componentMayBeSilent: false))
            return false;
        return Attribute(criteria.Edition, component.Edition, true) && Attribute(criteria.Language, component.Language, true)
            && Attribute(criteria.SoftwareEdition, component.SoftwareEdition, true) && Attribute(criteria.TargetSoftware, component.TargetSoftware, true)
            && Attribute(criteria.TargetHardware, component.TargetHardware, true) && Attribute(criteria.Other, component.Other, true);
    }

    private static bool Attribute(string wanted, string given, bool componentMayBeSilent)
    {
        if (wanted == Cpe.AnyValue)
            return true;
        if (wanted == Cpe.NotApplicable)
            return given is Cpe.NotApplicable or Cpe.AnyValue;
        if (given == Cpe.AnyValue)
            return componentMayBeSilent;
        return string.Equals(wanted, given, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The components of one set that have a CPE, by CPE key, and which of them may carry a CPE finding.</summary>
internal sealed class ComponentCpes
{
    private readonly Dictionary<string, List<SbomComponent>> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<SbomComponent> _eligible = new(ReferenceEqualityComparer.Instance);

    /// <summary>Adds a component with a CPE; <paramref name="eligible"/> when it had no match through its purl.</summary>
    public void Add(SbomComponent component, bool eligible)
    {
        if (component.Cpe is null || CpeCriteria.KeyOf(component.Cpe) is not { } key)
            return;
        if (!_byKey.TryGetValue(key, out var list))
            _byKey[key] = list = [];
        list.Add(component);
        if (eligible)
            _eligible.Add(component);
    }

    public IEnumerable<SbomComponent> Eligible => _eligible;

    public bool IsEmpty => _byKey.Count == 0;

    /// <summary>
    /// The vulnerable components a configuration finds in the set, each with how its criterion matched, or an empty
    /// list when the configuration does not hold (an AND needs every node, a negated node holds when nothing meets it).
    /// </summary>
    public List<(SbomComponent Component, CpeMatch Match, string How)> Evaluate(CpeConfiguration configuration)
    {
        var hits = new List<(SbomComponent, CpeMatch, string)>();
        var holds = configuration.Operator == CpeOperator.And;
        foreach (var node in configuration.Nodes)
        {
            var nodeHits = new List<(SbomComponent, CpeMatch, string)>();
            var nodeHolds = EvaluateNode(node, nodeHits);
            if (configuration.Operator == CpeOperator.And)
            {
                if (!nodeHolds)
                    return [];
                hits.AddRange(nodeHits);
            }
            else if (nodeHolds)
            {
                holds = true;
                hits.AddRange(nodeHits);
            }
        }
        return holds ? hits : [];
    }

    private bool EvaluateNode(CpeNode node, List<(SbomComponent, CpeMatch, string)> hits)
    {
        var any = false;
        var all = node.Matches.Count > 0;
        foreach (var match in node.Matches)
        {
            var met = false;
            if (CpeCriteria.KeyOf(match.Criteria) is { } key && _byKey.TryGetValue(key, out var candidates))
            {
                foreach (var component in candidates)
                {
                    if (match.Vulnerable && !_eligible.Contains(component))
                        continue;
                    if (!CpeCriteria.Meets(match, component.Cpe!, out var how))
                        continue;
                    met = true;
                    if (match.Vulnerable && !node.Negate)
                        hits.Add((component, match, how));
                }
            }
            any |= met;
            all &= met;
        }
        var holds = node.Operator == CpeOperator.And ? all : any;
        if (node.Negate)
        {
            hits.Clear();
            return !holds;
        }
        if (!holds)
            hits.Clear();
        return holds;
    }
}
