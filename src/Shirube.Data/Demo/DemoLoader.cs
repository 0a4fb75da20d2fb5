using Microsoft.EntityFrameworkCore;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Psirt;

namespace Shirube.Data.Demo;

/// <summary>What loading or removing the example portfolio did, or what of it is in the database.</summary>
/// <param name="BusinessUnits">Business units.</param>
/// <param name="Products">Products (with their versions).</param>
public sealed record DemoResult(int BusinessUnits, int Products)
{
    /// <summary>Baselines: the company baselines of the fields and the product baselines.</summary>
    public int Baselines { get; init; }
    /// <summary>Assessments of product versions.</summary>
    public int Assessments { get; init; }
    /// <summary>Vulnerability cases.</summary>
    public int Cases { get; init; }
    /// <summary>Incidents.</summary>
    public int Incidents { get; init; }
    /// <summary>PSIRT maturity self-assessments.</summary>
    public int MaturityAssessments { get; init; }
    /// <summary>Stakeholders.</summary>
    public int Stakeholders { get; init; }
    /// <summary>Training courses (with their assignments).</summary>
    public int TrainingCourses { get; init; }
}

/// <summary>Why the example portfolio was not loaded or not removed.</summary>
public enum DemoRefusal
{
    /// <summary>A business unit already has the code an example unit needs.</summary>
    UnitCodeTaken,
    /// <summary>Products of one's own are in the example business units.</summary>
    OwnProductsInExampleUnits,
    /// <summary>Baselines of one's own inherit from an example company baseline.</summary>
    OwnBaselinesInheritExample,
    /// <summary>Cases or incidents of one's own concern example products or cases.</summary>
    OwnCasesOnExample,
}

/// <summary>
/// The example portfolio was not loaded or not removed, for <see cref="Refusal"/>. The message says why for people;
/// the web layer says it by a code.
/// </summary>
public sealed class DemoRefusedException(string message, DemoRefusal refusal, string? unitCode = null) : InvalidOperationException(message)
{
    /// <summary>Why.</summary>
    public DemoRefusal Refusal { get; } = refusal;

    /// <summary>The business unit code already taken, for <see cref="DemoRefusal.UnitCodeTaken"/>.</summary>
    public string? UnitCode { get; } = unitCode;
}

/// <summary>
/// Loads the example portfolio into the database, and removes it again. Everything it creates is marked as the
/// example's (<c>IsDemo</c>) or hangs off an example product, so that removing it removes all of it and nothing else.
/// </summary>
public static class DemoLoader
{
    /// <summary>True when any demo data is present.</summary>
    public static Task<bool> IsLoadedAsync(ShirubeDbContext db, CancellationToken ct = default) =>
        db.BusinessUnits.AnyAsync(u => u.IsDemo, ct);

    /// <summary>
    /// Loads <paramref name="seed"/> as demo data in one transaction, its story written through the domain's own
    /// methods against <paramref name="catalog"/> and <paramref name="framework"/>, with times counted back from the
    /// context's clock; does nothing when demo data is present.
    /// </summary>
    public static async Task<DemoResult> LoadAsync(ShirubeDbContext db, PortfolioSeed seed, Catalog catalog, PsirtFramework framework, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(framework);
        if (await IsLoadedAsync(db, ct).ConfigureAwait(false))
            return new DemoResult(0, 0);
        var taken = await db.BusinessUnits.Select(u => u.Code).ToListAsync(ct).ConfigureAwait(false);
        var clash = seed.Units.FirstOrDefault(u => taken.Contains(u.Code, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
            throw new DemoRefusedException($"A business unit with the code '{clash.Code}' already exists; the example portfolio was not loaded.", DemoRefusal.UnitCodeTaken, clash.Code);
        var units = seed.Units.ToDictionary(u => u.Code, u => BusinessUnit.Create(u.Code, u.NameEn, u.NameJa, isDemo: true), StringComparer.OrdinalIgnoreCase);
        db.BusinessUnits.AddRange(units.Values);
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var p in seed.Products)
        {
            var product = Product.Create(units[p.UnitCode].Id, p.Name, p.Field, p.Parts, isDemo: true);
            product.Describe(p.Sector, p.Markets, p.RiskClass, []);
            foreach (var v in p.Versions)
                product.AddVersion(v.Version, v.ReleaseDate, v.EndOfSupport);
            db.Products.Add(product);
            products.Add(product.Name, product);
        }
        var result = new DemoResult(units.Count, products.Count);
        if (seed.Story is { } story)
        {
            var holders = await RoleHoldersAsync(db, [.. story.Courses.SelectMany(c => c.Assignments).Select(a => a.Role)], ct).ConfigureAwait(false);
            var written = new StoryWriter(db, catalog, framework, db.Clock.GetUtcNow().UtcDateTime, products).Write(story, holders);
            result = written with { BusinessUnits = result.BusinessUnits, Products = result.Products };
        }
        // One save: the whole example is there, or none of it.
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Removes every row of the example in one transaction. Refused while data of one's own depends on it: products in
    /// the example units, baselines inheriting an example company baseline, cases or incidents on example products.
    /// </summary>
    public static async Task<DemoResult> RemoveAsync(ShirubeDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.BusinessUnits.Where(u => u.IsDemo).ToListAsync(ct).ConfigureAwait(false);
        var unitIds = units.Select(u => u.Id).ToList();
        var products = await db.Products.IgnoreQueryFilters()
            .Where(p => p.IsDemo || unitIds.Contains(p.BusinessUnitId)).ToListAsync(ct).ConfigureAwait(false);
        if (products.Any(p => !p.IsDemo))
            throw new DemoRefusedException("Products of your own were added to the example business units; move or delete them first.", DemoRefusal.OwnProductsInExampleUnits);
        var productIds = products.Select(p => p.Id).ToList();
        var baselines = await db.Baselines.IgnoreQueryFilters().Where(b => b.IsDemo).ToListAsync(ct).ConfigureAwait(false);
        var baselineIds = baselines.Select(b => b.Id).ToList();
        if (await db.Baselines.IgnoreQueryFilters().AnyAsync(b => !b.IsDemo && b.ParentId != null && baselineIds.Contains(b.ParentId.Value), ct).ConfigureAwait(false))
        {
            throw new DemoRefusedException("Baselines of your own inherit from an example company baseline; delete them or their products first.",
                DemoRefusal.OwnBaselinesInheritExample);
        }
        var cases = await db.Cases.IgnoreQueryFilters().Where(c => c.IsDemo).ToListAsync(ct).ConfigureAwait(false);
        var caseIds = cases.Select(c => c.Id).ToList();
        if (await db.Cases.IgnoreQueryFilters().AnyAsync(c => !c.IsDemo && c.ProductId != null && productIds.Contains(c.ProductId.Value), ct).ConfigureAwait(false)
            || await db.Incidents.IgnoreQueryFilters().AnyAsync(i => !i.IsDemo
                && ((i.ProductId != null && productIds.Contains(i.ProductId.Value)) || (i.CaseId != null && caseIds.Contains(i.CaseId.Value))), ct).ConfigureAwait(false))
        {
            throw new DemoRefusedException("Cases or incidents of your own concern example products or cases; assign them to products of your own first.",
                DemoRefusal.OwnCasesOnExample);
        }
        var removed = await CountAsync(db, ct).ConfigureAwait(false);
        // Tracked, so that the deletes run in dependency order; versions, lines, assessments, transitions, answers and
        // assignments go with their owners through the database's cascades.
        db.TrainingCourses.RemoveRange(await db.TrainingCourses.Where(c => c.IsDemo).ToListAsync(ct).ConfigureAwait(false));
        db.Stakeholders.RemoveRange(await db.Stakeholders.Where(s => s.IsDemo).ToListAsync(ct).ConfigureAwait(false));
        db.MaturityAssessments.RemoveRange(await db.MaturityAssessments.Where(m => m.IsDemo).ToListAsync(ct).ConfigureAwait(false));
        db.Incidents.RemoveRange(await db.Incidents.IgnoreQueryFilters().Where(i => i.IsDemo).ToListAsync(ct).ConfigureAwait(false));
        db.Cases.RemoveRange(cases);
        db.Baselines.RemoveRange(baselines);
        db.Products.RemoveRange(products);
        db.UnitMemberships.RemoveRange(await db.UnitMemberships.Where(m => unitIds.Contains(m.BusinessUnitId)).ToListAsync(ct).ConfigureAwait(false));
        db.BusinessUnits.RemoveRange(units);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return removed with { BusinessUnits = units.Count, Products = products.Count };
    }

    /// <summary>How much of the example is in the database, whoever may see it.</summary>
    public static async Task<DemoResult> CountAsync(ShirubeDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var products = db.Products.IgnoreQueryFilters().Where(p => p.IsDemo).Select(p => p.Id);
        return new DemoResult(
            await db.BusinessUnits.CountAsync(u => u.IsDemo, ct).ConfigureAwait(false),
            await products.CountAsync(ct).ConfigureAwait(false))
        {
            Baselines = await db.Baselines.IgnoreQueryFilters().CountAsync(b => b.IsDemo, ct).ConfigureAwait(false),
            Assessments = await db.Assessments.IgnoreQueryFilters().CountAsync(a => products.Contains(a.ProductId), ct).ConfigureAwait(false),
            Cases = await db.Cases.IgnoreQueryFilters().CountAsync(c => c.IsDemo, ct).ConfigureAwait(false),
            Incidents = await db.Incidents.IgnoreQueryFilters().CountAsync(i => i.IsDemo, ct).ConfigureAwait(false),
            MaturityAssessments = await db.MaturityAssessments.CountAsync(m => m.IsDemo, ct).ConfigureAwait(false),
            Stakeholders = await db.Stakeholders.CountAsync(s => s.IsDemo, ct).ConfigureAwait(false),
            TrainingCourses = await db.TrainingCourses.CountAsync(c => c.IsDemo, ct).ConfigureAwait(false),
        };
    }

    // The users holding each role now, as the training roster names them, for the example's course assignments.
    private static async Task<Dictionary<string, List<(string UserId, string UserName)>>> RoleHoldersAsync(ShirubeDbContext db, List<string> roles, CancellationToken ct)
    {
        if (roles.Count == 0)
            return [];
        var holders = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             join u in db.Users on ur.UserId equals u.Id
                             where roles.Contains(r.Name!)
                             orderby u.UserName
                             select new { Role = r.Name!, u.Id, u.UserName, u.DisplayName }).ToListAsync(ct).ConfigureAwait(false);
        return holders.GroupBy(h => h.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(h => (h.Id, string.IsNullOrWhiteSpace(h.DisplayName) ? h.UserName ?? "?" : h.DisplayName)).ToList(), StringComparer.Ordinal);
    }
}
