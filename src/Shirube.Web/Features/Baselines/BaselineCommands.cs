using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Baselines;

/// <summary>Changes to baselines, shared by the API and the pages: tailoring, inheriting, lines, top-down decisions, publishing.</summary>
internal sealed class BaselineCommands(IDbContextFactory<ShirubeDbContext> contexts, Catalog catalog, CurrentActor actor, TimeProvider clock)
{
    /// <summary>
    /// Tailors a baseline for the product from its chosen guidelines at their default levels; or, with
    /// <paramref name="inherit"/>, inherits the latest published company baseline of the product's field.
    /// </summary>
    public async Task<BaselineDto> CreateForProductAsync(Guid productId, string? name, bool inherit)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId)
            ?? throw BaselineErrors.ProductNotFound(productId).Exception();
        Baseline baseline;
        if (inherit)
        {
            var parent = await db.Baselines.AsNoTracking().Where(b => b.ProductId == null && b.Field == product.Field && b.PublishedVersion > 0)
                .OrderByDescending(b => b.PublishedAt).FirstOrDefaultAsync()
                ?? throw BaselineErrors.NothingToInherit(product.Field).Exception();
            var snapshot = await db.BaselineSnapshots.AsNoTracking().SingleAsync(x => x.BaselineId == parent.Id && x.Version == parent.PublishedVersion);
            baseline = Baseline.Inherit(name ?? $"{product.Name} baseline", product.Id, product.BusinessUnitId, product.Field, snapshot);
        }
        else
        {
            Guard.That(product.Guidelines.Count > 0, BaselineErrors.NoGuidelinesChosen());
            baseline = Baseline.Tailor(name ?? $"{product.Name} baseline", product.Id, product.BusinessUnitId,
                product.Guidelines.Select(catalog.Find).OfType<Guideline>(), product.RiskClass, product.Field);
        }
        db.Baselines.Add(baseline);
        await db.SaveChangesAsync();
        return BaselineViews.ToDto(baseline, catalog);
    }

    /// <summary>Creates the company baseline of a product field from the named guidelines (those who see every unit).</summary>
    public async Task<BaselineDto> CreateCompanyAsync(string? name, string? field, IReadOnlyCollection<string>? guidelines, int? riskClass)
    {
        actor.Require(Roles.SeeAllUnits);
        guidelines ??= [];
        if (guidelines.FirstOrDefault(g => catalog.Find(g) is null) is { } unknown)
            throw GuidelineErrors.UnknownGuideline("guidelines", unknown).Exception();
        Guard.That(guidelines.Count > 0, BaselineErrors.GuidelinesRequired());
        var baseline = Baseline.ForField(name ?? $"Field {field} company baseline", field ?? string.Empty, guidelines.Select(catalog.Find).OfType<Guideline>(), riskClass);
        await using var db = await contexts.CreateDbContextAsync();
        db.Baselines.Add(baseline);
        await db.SaveChangesAsync();
        return BaselineViews.ToDto(baseline, catalog);
    }

    /// <summary>Takes the latest published version of the company baseline: inherited lines follow it, overrides stay.</summary>
    public async Task<InheritanceUpdate> UpdateFromParentAsync(Guid id)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await db.Baselines.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id) ?? throw BaselineErrors.NotFound(id).Exception();
        if (baseline.ParentId is not { } parentId)
            throw BaselineErrors.NoParent().Exception();
        var snapshot = await db.BaselineSnapshots.AsNoTracking().Where(x => x.BaselineId == parentId).OrderByDescending(x => x.Version).FirstOrDefaultAsync()
            ?? throw BaselineErrors.ParentUnpublished().Exception();
        var update = baseline.UpdateFrom(snapshot);
        await db.SaveChangesAsync();
        return update;
    }

    /// <summary>Changes one line: its level, its exclusion with the reason, or its rewording (what is null stays).</summary>
    public async Task<BaselineItemDto> ChangeItemAsync(Guid id, string? key, RequirementLevel? level, string? excludeReason, string? titleEn, string? titleJa)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await ChangeableAsync(db, id);
        var item = baseline.Find(key ?? string.Empty) ?? throw BaselineErrors.NoLine(key ?? string.Empty).Exception();
        if (level is { } newLevel)
            item.SetLevel(newLevel);
        if (excludeReason is not null)
            item.Exclude(excludeReason);
        if (titleEn is not null || titleJa is not null)
            item.Reword(titleEn, titleJa);
        await db.SaveChangesAsync();
        return BaselineViews.ItemDto(item, catalog);
    }

    /// <summary>Adds a requirement of our own.</summary>
    public async Task<BaselineItemDto> AddOwnAsync(Guid id, string? titleEn, string? titleJa, RequirementLevel level)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await ChangeableAsync(db, id);
        var item = baseline.AddOwn(titleEn ?? string.Empty, titleJa ?? string.Empty, level);
        await db.SaveChangesAsync();
        return BaselineViews.ItemDto(item, catalog);
    }

    /// <summary>Top-down: decides 要 (needed) or 不要 (not needed) for a common control, with the reason; the baseline follows.</summary>
    public async Task<ControlReviewDto[]> DecideAsync(Guid id, string controlId, bool? needed, string? reason)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await ChangeableAsync(db, id, decisions: true);
        if (needed is not { } isNeeded)
            throw BaselineErrors.NeededRequired().Exception();
        var riskClass = await db.Products.Where(p => p.Id == baseline.ProductId).Select(p => p.RiskClass).SingleOrDefaultAsync();
        baseline.Decide(controlId, isNeeded, reason ?? string.Empty, catalog, GuidelineSelector.General(catalog), riskClass);
        await db.SaveChangesAsync();
        return BaselineViews.Review(baseline, catalog);
    }

    /// <summary>Publishes the baseline as its next version and keeps its snapshot, in one save.</summary>
    public async Task<BaselineDto> PublishAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await ChangeableAsync(db, id);
        baseline.Publish(clock.GetUtcNow().UtcDateTime);
        db.BaselineSnapshots.Add(BaselineSnapshot.Of(baseline));
        await db.SaveChangesAsync();
        return BaselineViews.ToDto(baseline, catalog);
    }

    /// <summary>The baseline to change, with its lines: refused unless the actor writes and may change it (a company baseline: those who see every unit).</summary>
    private async Task<Baseline> ChangeableAsync(ShirubeDbContext db, Guid id, bool decisions = false)
    {
        actor.Require(Roles.Writers);
        var query = db.Baselines.Include(b => b.Items).AsQueryable();
        if (decisions)
            query = query.Include(b => b.Decisions);
        var baseline = await query.SingleOrDefaultAsync(b => b.Id == id) ?? throw BaselineErrors.NotFound(id).Exception();
        Guard.That(BaselineViews.MayChange(baseline, actor), BaselineErrors.CompanyBaselineLocked());
        return baseline;
    }
}
