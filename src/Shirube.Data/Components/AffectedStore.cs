using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Components;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Components;

/// <summary>One product version that contains what an "am I affected?" query names, with the matching component (and finding, for a vulnerability id).</summary>
public sealed record AffectedHit(Guid ProductId, string Product, Guid ProductVersionId, string Version, string Component, string? ComponentVersion,
    string? Purl, string? Cpe, string? VulnerabilityId, string? State);

/// <summary>"Am I affected?" over the stored components and findings, through the actor's unit filter: the app's page and API and the CLI ask the same.</summary>
public static class AffectedStore
{
    /// <summary>The product versions that contain the package, purl, CPE or vulnerability <paramref name="query"/> names, at most <paramref name="max"/>.</summary>
    public static Task<AffectedHit[]> FindAsync(ShirubeDbContext db, AffectedQuery query, int max, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        return query.Kind == AffectedQueryKind.VulnerabilityId ? ByVulnerabilityAsync(db, query.Text, max, ct) : ByComponentAsync(db, query, max, ct);
    }

    private static async Task<AffectedHit[]> ByComponentAsync(ShirubeDbContext db, AffectedQuery query, int max, CancellationToken ct)
    {
        var components = db.SbomComponents.AsNoTracking();
        switch (query.Kind)
        {
            case AffectedQueryKind.PackageName:
                var names = SearchKey.SearchNames(query.Text);
                components = components.Where(c => names.Contains(c.NormalizedName) || names.Contains(c.ShortName));
                break;
            case AffectedQueryKind.Purl:
                var purlBase = query.PurlBase!;
                components = components.Where(c => c.PurlBase == purlBase);
                if (query.Version is { } purlVersion)
                    components = components.Where(c => c.Version == purlVersion || c.Purl!.Contains("@" + purlVersion));
                break;
            default:
                var cpe = query.Cpe!;
                var product = cpe.Product.ToLowerInvariant();
                components = components.Where(c => c.CpeProduct == product);
                if (cpe.Vendor is not (Domain.Packages.Cpe.AnyValue or ""))
                {
                    var vendor = cpe.Vendor.ToLowerInvariant();
                    components = components.Where(c => c.CpeVendor == vendor);
                }
                if (query.Version is { } cpeVersion)
                    components = components.Where(c => c.Version == cpeVersion);
                break;
        }
        var rows = await (from c in components
                          join v in db.Set<ProductVersion>() on c.ProductVersionId equals v.Id
                          join p in db.Products on v.ProductId equals p.Id
                          select new { p.Id, p.Name, VersionId = v.Id, v.Version, Component = c.Name, ComponentVersion = c.Version, c.Purl, c.Cpe })
            .Take(max).ToListAsync(ct);
        // A purl query with a version also holds when the stored purl's version is written differently: filtered again here.
        if (query.Kind == AffectedQueryKind.Purl && query.Version is { } wanted)
            rows = [.. rows.Where(r => r.ComponentVersion == wanted || (r.Purl is not null && Domain.Packages.PackageUrl.TryParse(r.Purl, out var purl) && purl.Version == wanted))];
        return [.. rows.Select(r => new AffectedHit(r.Id, r.Name, r.VersionId, r.Version, r.Component, r.ComponentVersion, r.Purl, r.Cpe, null, null))];
    }

    private static async Task<AffectedHit[]> ByVulnerabilityAsync(ShirubeDbContext db, string id, int max, CancellationToken ct)
    {
        // The id itself, the records that name it as an alias, and the aliases of the records it names.
        var ids = new HashSet<string>(StringComparer.Ordinal) { id };
        ids.UnionWith(await db.VulnerabilityAliases.AsNoTracking().Where(a => a.Alias == id).Select(a => a.RecordId).ToListAsync(ct));
        ids.UnionWith(await db.VulnerabilityAliases.AsNoTracking().Where(a => a.RecordId == id).Select(a => a.Alias).ToListAsync(ct));
        var list = ids.ToList();
        var rows = await (from f in db.Findings.AsNoTracking()
                          where list.Contains(f.VulnerabilityId) || (f.CveId != null && list.Contains(f.CveId))
                          join v in db.Set<ProductVersion>() on f.ProductVersionId equals v.Id
                          join p in db.Products on v.ProductId equals p.Id
                          select new { p.Id, p.Name, VersionId = v.Id, v.Version, f.ComponentName, f.ComponentVersion, f.ComponentPurl, f.ComponentCpe, f.VulnerabilityId, f.State })
            .Take(max).ToListAsync(ct);
        return [.. rows.Select(r => new AffectedHit(r.Id, r.Name, r.VersionId, r.Version, r.ComponentName, r.ComponentVersion, r.ComponentPurl, r.ComponentCpe,
                r.VulnerabilityId, VexNames.Of(r.State)))];
    }
}
