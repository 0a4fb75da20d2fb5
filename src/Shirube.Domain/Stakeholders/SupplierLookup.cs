using Shirube.Domain.Packages;

namespace Shirube.Domain.Stakeholders;

/// <summary>A supplier to contact for a component, and why it matched.</summary>
/// <param name="Supplier">The supplier.</param>
/// <param name="Key">The package key or CPE vendor that matched, as stored.</param>
/// <param name="Match">How it matched.</param>
/// <param name="Specificity">Higher is more specific; the list is ordered by it.</param>
public sealed record SupplierMatch(Stakeholder Supplier, string Key, SupplierMatchKind Match, int Specificity);

/// <summary>How a supplier matched a component.</summary>
public enum SupplierMatchKind
{
    /// <summary>A package key names the component's namespace (or a leading part of it).</summary>
    PurlNamespace,
    /// <summary>A package key begins the component's name.</summary>
    PurlNamePrefix,
    /// <summary>A package key names the component exactly.</summary>
    PurlName,
    /// <summary>The CPE's vendor is one of the supplier's CPE vendors.</summary>
    CpeVendor,
}

/// <summary>Finds the suppliers to contact for a component given by purl or CPE, most specific match first.</summary>
public static class SupplierLookup
{
    /// <summary>Suppliers whose package keys match <paramref name="purl"/>; each once, with its most specific key.</summary>
    public static IReadOnlyList<SupplierMatch> For(IEnumerable<Stakeholder> stakeholders, PackageUrl purl)
    {
        var matches = new List<SupplierMatch>();
        foreach (var supplier in stakeholders.Where(s => s.Kind == StakeholderKind.Supplier))
        {
            SupplierMatch? best = null;
            foreach (var text in supplier.PurlKeys)
            {
                if (!PurlKey.TryParse(text, out var key, out _) || key.Match(purl) is not { } match)
                    continue;
                // More segments matched is more specific; at equal length a whole name beats a prefix beats a namespace.
                var specificity = key.Segments.Count * 100 + match switch
                {
                    KeyMatch.Name => 50,
                    KeyMatch.NamePrefix => 10 + Math.Min(key.Segments[^1].Length, 39),
                    KeyMatch.Namespace => 0,
                    _ => 0,
                };
                if (best is null || specificity > best.Specificity)
                    best = new SupplierMatch(supplier, text, match switch
                    {
                        KeyMatch.Name => SupplierMatchKind.PurlName,
                        KeyMatch.NamePrefix => SupplierMatchKind.PurlNamePrefix,
                        _ => SupplierMatchKind.PurlNamespace,
                    }, specificity);
            }
            if (best is not null)
                matches.Add(best);
        }
        return Order(matches);
    }

    /// <summary>Suppliers one of whose CPE vendors is the CPE's vendor.</summary>
    public static IReadOnlyList<SupplierMatch> For(IEnumerable<Stakeholder> stakeholders, Cpe cpe)
    {
        var vendor = cpe.Vendor;
        var matches = stakeholders
            .Where(s => s.Kind == StakeholderKind.Supplier && s.CpeVendors.Contains(vendor, StringComparer.Ordinal))
            .Select(s => new SupplierMatch(s, vendor, SupplierMatchKind.CpeVendor, 100))
            .ToList();
        return Order(matches);
    }

    private static SupplierMatch[] Order(List<SupplierMatch> matches) =>
        [.. matches.OrderByDescending(m => m.Specificity).ThenBy(m => m.Supplier.NameEn, StringComparer.OrdinalIgnoreCase)];
}
