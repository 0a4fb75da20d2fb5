using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Baselines;

namespace Shirube.Web.Features.Portfolio;

/// <summary>A baseline as the product page lists it.</summary>
internal sealed record ProductBaselineRef(Guid Id, string Name, int PublishedVersion);

/// <summary>What the product page shows: the product, the risk classes to choose from, its baselines and the company baseline it may inherit.</summary>
internal sealed record ProductDetailView(Product Product, RiskClassDto[] Classes, ProductBaselineRef[] Baselines, ProductBaselineRef? CompanyBaseline);

/// <summary>What the product list shows: the products with their versions, the units' names and the risk classes, each read once.</summary>
internal sealed record ProductListView(IReadOnlyList<Product> Products, IReadOnlyDictionary<Guid, BusinessUnit> Units, RiskClassDto[] Classes);

/// <summary>Reads of the portfolio, limited to the actor's business units; the API and the pages share them.</summary>
internal sealed class ProductViews(IDbContextFactory<ShirubeDbContext> contexts, Catalog catalog)
{
    /// <summary>The products of the actor's business units, by field and name.</summary>
    public async Task<ProductDto[]> ListAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return [.. (await Products(db).ToListAsync()).Select(ToDto)];
    }

    /// <summary>The product list page: a fixed number of queries however many products there are.</summary>
    public async Task<ProductListView> ListPageAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var products = await Products(db).ToListAsync();
        var units = await db.BusinessUnits.AsNoTracking().ToDictionaryAsync(u => u.Id);
        return new ProductListView(products, units, await RiskClassesAsync(db));
    }

    /// <summary>One product (<c>Portfolio.ProductNotFound</c> when the actor cannot see it).</summary>
    public async Task<ProductDto> GetAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return ToDto(await FindAsync(db, id));
    }

    /// <summary>The product page, or null when the actor cannot see the product.</summary>
    public async Task<ProductDetailView?> DetailAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id);
        if (product is null)
            return null;
        var baselines = await db.Baselines.AsNoTracking().Where(b => b.ProductId == id).OrderBy(b => b.Name)
            .Select(b => new ProductBaselineRef(b.Id, b.Name, b.PublishedVersion)).ToArrayAsync();
        var company = await CompanyBaselineQuery(db, product.Field).Select(b => new ProductBaselineRef(b.Id, b.Name, b.PublishedVersion)).FirstOrDefaultAsync();
        return new ProductDetailView(product, await RiskClassesAsync(db), baselines, company);
    }

    /// <summary>The recommended guidelines for the product, from its parts, sector and markets.</summary>
    public async Task<SelectionDto> RecommendAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) ?? throw PortfolioErrors.ProductNotFound(id).Exception();
        return Baselines.BaselineViews.ToDto(GuidelineSelector.Recommend(new ProductProfile(product.Parts, product.Sector, product.Markets), catalog));
    }

    /// <summary>The risk-level definitions, lowest first.</summary>
    public async Task<RiskClassDto[]> RiskClassesAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await RiskClassesAsync(db);
    }

    /// <summary>The business units and the product fields the actor may filter the portfolio by.</summary>
    public async Task<(IReadOnlyList<BusinessUnit> Units, IReadOnlyList<string> Fields)> FiltersAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var units = await db.BusinessUnits.AsNoTracking().OrderBy(u => u.Code).ToListAsync();
        var fields = await db.Products.AsNoTracking().Select(p => p.Field).Distinct().OrderBy(f => f).ToListAsync();
        return (units, fields);
    }

    /// <summary>The latest published company baseline of a field: what a product of the field may inherit.</summary>
    internal static IQueryable<Baseline> CompanyBaselineQuery(ShirubeDbContext db, string field) =>
        db.Baselines.AsNoTracking().Where(b => b.ProductId == null && b.Field == field && b.PublishedVersion > 0).OrderByDescending(b => b.PublishedAt);

    internal static async Task<Product> FindAsync(ShirubeDbContext db, Guid id) =>
        await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id) ?? throw PortfolioErrors.ProductNotFound(id).Exception();

    private static IQueryable<Product> Products(ShirubeDbContext db) =>
        db.Products.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Field).ThenBy(p => p.Name);

    private static Task<RiskClassDto[]> RiskClassesAsync(ShirubeDbContext db) =>
        db.RiskClasses.AsNoTracking().OrderBy(c => c.Level).Select(c => new RiskClassDto(c.Level, c.NameEn, c.NameJa, c.DescriptionEn, c.DescriptionJa)).ToArrayAsync();

    /// <summary>A product as the API shows it.</summary>
    public static ProductDto ToDto(Product p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.BusinessUnitId, p.Name, p.Field, [.. p.Parts.Select(x => x.ToId())], p.IsDemo, p.Sector, [.. p.Markets], p.RiskClass,
            [.. p.Owners], [.. p.Guidelines], [.. p.Versions.OrderBy(v => v.ReleaseDate).Select(v => new VersionDto(v.Id, v.Version, v.ReleaseDate, v.EndOfSupport))],
            p.RequiredLevel.ToString(), p.RequiredLevelSet is not null);
    }
}
