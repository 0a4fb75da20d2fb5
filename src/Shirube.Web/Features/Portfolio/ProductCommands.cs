using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Portfolio;

/// <summary>Changes to products, versions and risk classes, shared by the API and the pages; every product is read through the unit filter.</summary>
internal sealed class ProductCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, Catalog catalog)
{
    /// <summary>Creates a product in one of the actor's business units.</summary>
    public async Task<ProductDto> CreateAsync(SaveProductRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        if (request.BusinessUnitId is not { } unitId || !await db.BusinessUnits.AnyAsync(u => u.Id == unitId))
            throw PortfolioErrors.UnknownUnit().Exception();
        Guard.That(actor.Scope.Allows(unitId), PortfolioErrors.NotYourUnit());
        var parts = Parts(request.Parts ?? []);
        var product = Product.Create(unitId, request.Name ?? string.Empty, request.Field ?? string.Empty, parts);
        product.Describe(request.Sector, request.Markets ?? [], request.RiskClass, request.Owners ?? []);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return ProductViews.ToDto(product);
    }

    /// <summary>
    /// Changes a product: fields left out (null) keep their value; an empty sector clears it, an empty required level
    /// derives it from the risk class again.
    /// </summary>
    public async Task<ProductDto> UpdateAsync(Guid id, SaveProductRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await ProductViews.FindAsync(db, id);
        var unitId = request.BusinessUnitId ?? product.BusinessUnitId;
        Guard.That(actor.Scope.Allows(unitId) && await db.BusinessUnits.AnyAsync(u => u.Id == unitId), PortfolioErrors.NotYourUnit());
        var parts = request.Parts is null ? product.Parts.ToList() : Parts(request.Parts);
        product.Update(unitId, request.Name ?? product.Name, request.Field ?? product.Field, parts);
        product.Describe(request.Sector is null ? product.Sector : request.Sector.Length == 0 ? null : request.Sector,
            request.Markets ?? product.Markets, request.RiskClass ?? product.RiskClass, request.Owners ?? product.Owners);
        if (request.RequiredLevel is not null)
            product.Require(request.RequiredLevel.Length == 0 ? null : Baselines.Levels.Parse(request.RequiredLevel, "requiredLevel"));
        await RequireDefinedAsync(db, request.RiskClass);
        await db.SaveChangesAsync();
        return ProductViews.ToDto(product);
    }

    /// <summary>Sets the profile the product page edits: sector, markets, risk class, owners and required level (null clears each).</summary>
    public async Task DescribeAsync(Guid id, string? sector, IEnumerable<string> markets, int? riskClass, IEnumerable<string> owners, RequirementLevel? requiredLevel)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await ProductViews.FindAsync(db, id);
        product.Describe(sector, markets, riskClass, owners);
        product.Require(requiredLevel);
        await RequireDefinedAsync(db, riskClass);
        await db.SaveChangesAsync();
    }

    /// <summary>Adds a version with its release date and end of security support.</summary>
    public async Task<VersionDto> AddVersionAsync(Guid id, string? version, DateOnly? releaseDate, DateOnly? endOfSupport)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await ProductViews.FindAsync(db, id);
        var added = product.AddVersion(version ?? string.Empty, releaseDate, endOfSupport);
        await db.SaveChangesAsync();
        return new VersionDto(added.Id, added.Version, added.ReleaseDate, added.EndOfSupport);
    }

    /// <summary>Accepts or changes the guidelines chosen for the product's baseline (<c>Portfolio.UnknownGuideline</c> for one the catalog lacks).</summary>
    public async Task<ProductDto> ChooseGuidelinesAsync(Guid id, IReadOnlyCollection<string> guidelines)
    {
        ArgumentNullException.ThrowIfNull(guidelines);
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await ProductViews.FindAsync(db, id);
        var unknown = guidelines.FirstOrDefault(g => catalog.Find(g) is null);
        Guard.That(unknown is null, () => PortfolioErrors.UnknownGuideline(unknown!));
        product.ChooseGuidelines(guidelines);
        await db.SaveChangesAsync();
        return ProductViews.ToDto(product);
    }

    /// <summary>Deletes a product.</summary>
    public async Task DeleteAsync(Guid id)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id) ?? throw PortfolioErrors.ProductNotFound(id).Exception();
        db.Products.Remove(product);
        await db.SaveChangesAsync();
    }

    /// <summary>Defines or changes a risk class (administrators).</summary>
    public async Task<RiskClassDto> DefineRiskClassAsync(int level, RiskClassDto request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require([Roles.Administrator]);
        await using var db = await contexts.CreateDbContextAsync();
        var existing = await db.RiskClasses.SingleOrDefaultAsync(c => c.Level == level);
        if (existing is null)
        {
            existing = RiskClass.Create(level, request.NameEn, request.NameJa, request.DescriptionEn, request.DescriptionJa);
            db.RiskClasses.Add(existing);
        }
        else
        {
            existing.Update(request.NameEn, request.NameJa, request.DescriptionEn, request.DescriptionJa);
        }
        await db.SaveChangesAsync();
        return new RiskClassDto(existing.Level, existing.NameEn, existing.NameJa, existing.DescriptionEn, existing.DescriptionJa);
    }

    /// <summary>Tailors a new baseline for the product from its chosen guidelines; returns its id.</summary>
    public async Task<Guid> TailorBaselineAsync(Guid id)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) ?? throw PortfolioErrors.ProductNotFound(id).Exception();
        var baseline = Baseline.Tailor($"{product.Name} baseline", product.Id, product.BusinessUnitId,
            product.Guidelines.Select(catalog.Find).OfType<Guideline>(), product.RiskClass, product.Field);
        db.Baselines.Add(baseline);
        await db.SaveChangesAsync();
        return baseline.Id;
    }

    /// <summary>Makes the product's baseline from the latest published company baseline of its field; returns its id, or null when there is none.</summary>
    public async Task<Guid?> InheritBaselineAsync(Guid id)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) ?? throw PortfolioErrors.ProductNotFound(id).Exception();
        var parent = await ProductViews.CompanyBaselineQuery(db, product.Field).FirstOrDefaultAsync();
        if (parent is null)
            return null;
        var snapshot = await db.BaselineSnapshots.AsNoTracking().SingleAsync(s => s.BaselineId == parent.Id && s.Version == parent.PublishedVersion);
        var baseline = Baseline.Inherit($"{product.Name} baseline", product.Id, product.BusinessUnitId, product.Field, snapshot);
        db.Baselines.Add(baseline);
        await db.SaveChangesAsync();
        return baseline.Id;
    }

    private static List<IotPart> Parts(IEnumerable<string> texts) =>
        [.. texts.Select((text, i) => IotParts.TryParse(text, out var part)
            ? part
            : throw CommonErrors.UnknownValue($"parts[{i}]", text, string.Join(", ", IotParts.All.Select(p => p.ToId()))).Exception())];

    private static async Task RequireDefinedAsync(ShirubeDbContext db, int? riskClass)
    {
        if (riskClass is { } level && !await db.RiskClasses.AnyAsync(c => c.Level == level))
            throw PortfolioErrors.NoRiskClass(level).Exception();
    }
}
