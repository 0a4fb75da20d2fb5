using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Components;

namespace Shirube.Data.Components;

/// <summary>Stores a product version's SBOM, replacing the one it had, all or nothing; reads its subject (the product itself).</summary>
public static class SbomStore
{
    /// <summary>
    /// Replaces the version's SBOM (if any; its components and edges go with it) by <paramref name="sbom"/>. Runs in
    /// the caller's transaction when one is open (so that findings can be set in the same one), else in its own.
    /// </summary>
    public static async Task ReplaceAsync(ShirubeDbContext db, ProductSbom sbom, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sbom);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var previous = await db.Sboms.SingleOrDefaultAsync(s => s.ProductVersionId == sbom.ProductVersionId, ct);
            if (previous is not null)
            {
                // The database cascades the delete to the components and edges, which need not be loaded.
                db.Sboms.Remove(previous);
                await db.SaveChangesAsync(ct);
            }
            db.Sboms.Add(sbom);
            await db.SaveChangesAsync(ct);
            if (own is not null)
                await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    /// <summary>
    /// The purl and CPE of each listed version's SBOM subject component (the product itself), read through the unit
    /// filter; versions without an SBOM or without a subject are absent.
    /// </summary>
    public static async Task<Dictionary<Guid, (string? Purl, string? Cpe)>> SubjectsAsync(ShirubeDbContext db, IReadOnlyCollection<Guid> versionIds,
        CancellationToken ct = default)
    {
        var ids = versionIds.ToList();
        var rows = await db.SbomComponents.AsNoTracking().Where(s => s.IsSubject && ids.Contains(s.ProductVersionId))
            .Select(s => new { s.ProductVersionId, s.Purl, s.Cpe }).ToListAsync(ct);
        return rows.GroupBy(r => r.ProductVersionId).ToDictionary(g => g.Key, g => (g.First().Purl, g.First().Cpe));
    }
}
