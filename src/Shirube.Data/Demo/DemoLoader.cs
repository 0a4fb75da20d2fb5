using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Demo;

/// <summary>What loading or removing the example portfolio did.</summary>
public sealed record DemoResult(int BusinessUnits, int Products);

/// <summary>
/// The example portfolio was not loaded because <paramref name="unitCode"/> is taken, or (null) not removed because
/// products of one's own are in its units. The message says so for people; the web layer says it by a code.
/// </summary>
public sealed class DemoRefusedException(string message, string? unitCode) : InvalidOperationException(message)
{
    /// <summary>The business unit code already taken, or null when the refusal is about products of one's own.</summary>
    public string? UnitCode { get; } = unitCode;
}

/// <summary>Loads the example portfolio into the database, and removes it again.</summary>
public static class DemoLoader
{
    /// <summary>True when any demo data is present.</summary>
    public static Task<bool> IsLoadedAsync(ShirubeDbContext db, CancellationToken ct = default) =>
        db.BusinessUnits.AnyAsync(u => u.IsDemo, ct);

    /// <summary>Loads <paramref name="seed"/> as demo data in one transaction; does nothing when demo data is present.</summary>
    public static async Task<DemoResult> LoadAsync(ShirubeDbContext db, PortfolioSeed seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(seed);
        if (await IsLoadedAsync(db, ct).ConfigureAwait(false))
            return new DemoResult(0, 0);
        var taken = await db.BusinessUnits.Select(u => u.Code).ToListAsync(ct).ConfigureAwait(false);
        var clash = seed.Units.FirstOrDefault(u => taken.Contains(u.Code, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
            throw new DemoRefusedException($"A business unit with the code '{clash.Code}' already exists; the example portfolio was not loaded.", clash.Code);
        var units = seed.Units.ToDictionary(u => u.Code, u => BusinessUnit.Create(u.Code, u.NameEn, u.NameJa, isDemo: true), StringComparer.OrdinalIgnoreCase);
        db.BusinessUnits.AddRange(units.Values);
        foreach (var p in seed.Products)
        {
            var product = Product.Create(units[p.UnitCode].Id, p.Name, p.Field, p.Parts, isDemo: true);
            product.Describe(p.Sector, p.Markets, p.RiskClass, []);
            foreach (var v in p.Versions)
                product.AddVersion(v.Version, v.ReleaseDate, v.EndOfSupport);
            db.Products.Add(product);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new DemoResult(units.Count, seed.Products.Count);
    }

    /// <summary>Removes every demo product and unit (and memberships of those units) in one transaction.</summary>
    public static async Task<DemoResult> RemoveAsync(ShirubeDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.BusinessUnits.Where(u => u.IsDemo).ToListAsync(ct).ConfigureAwait(false);
        var unitIds = units.Select(u => u.Id).ToList();
        var products = await db.Products.IgnoreQueryFilters()
            .Where(p => p.IsDemo || unitIds.Contains(p.BusinessUnitId)).ToListAsync(ct).ConfigureAwait(false);
        if (products.Any(p => !p.IsDemo))
            throw new DemoRefusedException("Products of your own were added to the example business units; move or delete them first.", null);
        db.Products.RemoveRange(products);
        db.UnitMemberships.RemoveRange(await db.UnitMemberships.Where(m => unitIds.Contains(m.BusinessUnitId)).ToListAsync(ct).ConfigureAwait(false));
        db.BusinessUnits.RemoveRange(units);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new DemoResult(units.Count, products.Count);
    }
}
