using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Guidelines;

namespace Shirube.Web.Features.Baselines;

internal sealed record PickDto(string Guideline, string ShortName, string Role, string[] Groups, TextDto Reason);

internal sealed record FitDto(string Guideline, string ShortName, int Covered, double Depth, int Requirements);

internal sealed record SelectionDto(string[] Parts, string? Sector, string[] Markets, PickDto[] Picks, FitDto[] Ranking);

internal sealed record BaselineItemDto(string Key, string? GuidelineId, string? RequirementId, TextDto Title, string Level, bool Excluded,
    string? ExclusionReason, string[] Parts, bool Own, bool Reworded, bool Inherited);

internal sealed record BaselineDto(Guid Id, string Name, Guid? ProductId, string? Field, bool Company, Guid? ParentId, int ParentVersion,
    int PublishedVersion, DateTime? PublishedAt, Dictionary<string, int> Counts, int Excluded, BaselineItemDto[] Items);

internal sealed record BaselineSummaryDto(Guid Id, string Name, Guid? ProductId, string? Field, bool Company, Guid? ParentId, int ParentVersion,
    int PublishedVersion, DateTime? PublishedAt);

internal sealed record ChildDto(Guid Id, string Name, Guid? ProductId, string? Product, int ParentVersion, bool Behind, int Overrides);

internal sealed record ControlReviewDto(string Id, TextDto Title, bool? Needed, string? Reason, int Included, int Lines, int AvailableInGeneral);

internal sealed record LineChangeDto(string Key, string Kind, string? LevelBefore, string? LevelAfter, string? Reason, TextDto Title);

internal sealed record DiffDto(int From, int? To, LineChangeDto[] Changes);

/// <summary>The baseline a parent names, as the editor shows it.</summary>
internal sealed record ParentRefDto(Guid Id, string Name, int PublishedVersion);

/// <summary>A product baseline that inherits a company baseline, as the pages list it.</summary>
internal sealed record ChildRefDto(Guid Id, Guid? ParentId, string Name, int ParentVersion);

/// <summary>An assessment of a baseline, as the editor lists it.</summary>
internal sealed record AssessmentRefDto(Guid Id, string? ProductVersion, int BaselineVersion, DateTime StartedAt, DateTime? CompletedAt);

/// <summary>A product version one may assess.</summary>
internal sealed record VersionRefDto(Guid Id, string Version);

/// <summary>
/// What the baseline editor shows: the baseline with its lines and decisions (read only), its parent, the product
/// baselines that inherit it, its assessments, the product's versions, and whether the actor may change it.
/// </summary>
internal sealed record BaselineEditorView(Baseline Baseline, ParentRefDto? Parent, ChildRefDto[] Children, AssessmentRefDto[] Assessments,
    VersionRefDto[] Versions, string? ProductName, bool MayChange);

/// <summary>A company baseline with its counts per level, as the company baselines page lists it.</summary>
internal sealed record CompanyBaselineRowDto(Guid Id, string? Field, string Name, int PublishedVersion, IReadOnlyDictionary<RequirementLevel, int> Counts);

/// <summary>The company baselines page: the baselines, the product baselines that inherit them, and the fields products have.</summary>
internal sealed record CompanyBaselinesView(CompanyBaselineRowDto[] Baselines, ChildRefDto[] Children, string[] Fields);

/// <summary>A product's profile, to preset the guideline selection from.</summary>
internal sealed record ProductProfileDto(Guid Id, string Name, string Field, IotPart[] Parts);

/// <summary>Reads of baselines through the unit filter, shared by the API and the pages.</summary>
internal sealed class BaselineViews(IDbContextFactory<ShirubeDbContext> contexts, Catalog catalog, CurrentActor actor)
{
    /// <summary>Company baselines, and the product baselines of the actor's business units.</summary>
    public async Task<BaselineSummaryDto[]> ListAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Baselines.AsNoTracking().OrderBy(b => b.ProductId != null).ThenBy(b => b.Name)
            .Select(b => new BaselineSummaryDto(b.Id, b.Name, b.ProductId, b.Field, b.ProductId == null, b.ParentId, b.ParentVersion, b.PublishedVersion, b.PublishedAt))
            .ToArrayAsync();
    }

    /// <summary>A baseline with every line.</summary>
    public async Task<BaselineDto> GetAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await db.Baselines.AsNoTracking().Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id)
            ?? throw BaselineErrors.NotFound(id).Exception();
        return ToDto(baseline, catalog);
    }

    /// <summary>The product baselines (of the actor's units) that inherit this company baseline, and whether they are behind.</summary>
    public async Task<ChildDto[]> ChildrenAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var published = await db.Baselines.AsNoTracking().Where(b => b.Id == id).Select(b => (int?)b.PublishedVersion).SingleOrDefaultAsync()
            ?? throw BaselineErrors.NotFound(id).Exception();
        var children = await db.Baselines.AsNoTracking().Where(b => b.ParentId == id).OrderBy(b => b.Name)
            .Select(c => new { c.Id, c.Name, c.ProductId, c.ParentVersion, Overrides = c.Items.Count(i => !i.Inherited) })
            .ToListAsync();
        var ids = children.Select(c => c.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
        return [.. children.Select(c => new ChildDto(c.Id, c.Name, c.ProductId, c.ProductId is { } pid ? products.GetValueOrDefault(pid) : null,
            c.ParentVersion, c.ParentVersion < published, c.Overrides))];
    }

    /// <summary>Top-down: every common control, its decision and how many lines it has.</summary>
    public async Task<ControlReviewDto[]> ControlsAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await db.Baselines.AsNoTracking().Include(b => b.Items).Include(b => b.Decisions).SingleOrDefaultAsync(b => b.Id == id)
            ?? throw BaselineErrors.NotFound(id).Exception();
        return Review(baseline, catalog);
    }

    /// <summary>Compares published version <paramref name="from"/> with version <paramref name="to"/>, or with the draft.</summary>
    public async Task<DiffDto> DiffAsync(Guid id, int from, int? to)
    {
        await using var db = await contexts.CreateDbContextAsync();
        // The baseline is read through the unit filter first: its versions are only shown to those who may see it.
        var baseline = await db.Baselines.AsNoTracking().Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id)
            ?? throw BaselineErrors.NotFound(id).Exception();
        var versions = await db.BaselineSnapshots.AsNoTracking().Where(s => s.BaselineId == id && (s.Version == from || s.Version == to)).ToListAsync();
        var before = versions.FirstOrDefault(v => v.Version == from) ?? throw BaselineErrors.VersionNotPublished("from", from).Exception();
        var after = to is { } toVersion
            ? (versions.FirstOrDefault(v => v.Version == toVersion) ?? throw BaselineErrors.VersionNotPublished("to", toVersion).Exception()).Lines
            : baseline.Items.Select(SnapshotLine.Of);
        var changes = BaselineDiff.Compare(before.Lines, after).Select(c =>
        {
            var line = c.After ?? c.Before!;
            return new LineChangeDto(c.Key, c.Kind.ToString(), c.Before?.Level.ToString(), c.After?.Level.ToString(), c.After?.Reason, ItemTitle(line, catalog));
        }).ToArray();
        return new DiffDto(from, to, changes);
    }

    /// <summary>
    /// Bottom-up step 1: the guidelines to pick for IoT parts (a comma-separated list of parts and groups), a sector
    /// and markets, each with its reason.
    /// </summary>
    public SelectionDto Recommend(string? parts, string? sector, string? markets)
    {
        if (!IotParts.TryParseList(parts, out var productParts, out var unknown))
            throw GuidelineErrors.UnknownPart(unknown).Exception();
        Guard.That(productParts.Count > 0, GuidelineErrors.PartsRequired());
        Guard.That(sector is null || Product.Sectors.Contains(sector), () => CommonErrors.UnknownValue("sector", sector!, string.Join(", ", Product.Sectors)));
        var profile = new ProductProfile(productParts, sector, [.. (markets ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
        return ToDto(GuidelineSelector.Recommend(profile, catalog));
    }

    /// <summary>The baseline editor's page, or null when there is no such baseline the actor may see.</summary>
    public async Task<BaselineEditorView?> EditorAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await db.Baselines.AsNoTracking().Include(b => b.Items).Include(b => b.Decisions).SingleOrDefaultAsync(b => b.Id == id);
        if (baseline is null)
            return null;
        var parent = baseline.ParentId is { } parentId
            ? await db.Baselines.AsNoTracking().Where(b => b.Id == parentId).Select(b => new ParentRefDto(b.Id, b.Name, b.PublishedVersion)).SingleOrDefaultAsync()
            : null;
        var children = await db.Baselines.AsNoTracking().Where(b => b.ParentId == id).OrderBy(b => b.Name)
            .Select(b => new ChildRefDto(b.Id, b.ParentId, b.Name, b.ParentVersion)).ToArrayAsync();
        VersionRefDto[] versions = [];
        string? productName = null;
        if (baseline.ProductId is { } productId)
        {
            var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == productId);
            productName = product?.Name;
            versions = [.. (product?.Versions ?? []).Select(v => new VersionRefDto(v.Id, v.Version))];
        }
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.BaselineId == id).OrderByDescending(a => a.StartedAt)
            .Select(a => new { a.Id, a.ProductVersionId, a.BaselineVersion, a.StartedAt, a.CompletedAt }).ToListAsync();
        return new BaselineEditorView(baseline, parent, children,
            [.. assessments.Select(a => new AssessmentRefDto(a.Id, versions.FirstOrDefault(v => v.Id == a.ProductVersionId)?.Version, a.BaselineVersion, a.StartedAt, a.CompletedAt))],
            versions, productName, Roles.Writers.Any(actor.User.IsInRole) && MayChange(baseline, actor));
    }

    /// <summary>The company baselines with their counts, the product baselines that inherit them, and the products' fields.</summary>
    public async Task<CompanyBaselinesView> CompanyAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baselines = await db.Baselines.AsNoTracking().Where(b => b.ProductId == null).OrderBy(b => b.Field).ThenBy(b => b.Name)
            .Select(b => new
            {
                b.Id, b.Field, b.Name, b.PublishedVersion,
                Must = b.Items.Count(i => !i.Excluded && i.Level == RequirementLevel.Must),
                Should = b.Items.Count(i => !i.Excluded && i.Level == RequirementLevel.Should),
                Better = b.Items.Count(i => !i.Excluded && i.Level == RequirementLevel.Better),
            }).ToListAsync();
        var children = await db.Baselines.AsNoTracking().Where(b => b.ParentId != null).OrderBy(b => b.Name)
            .Select(b => new ChildRefDto(b.Id, b.ParentId, b.Name, b.ParentVersion)).ToArrayAsync();
        var fields = await db.Products.AsNoTracking().Select(p => p.Field).Distinct().OrderBy(f => f).ToArrayAsync();
        return new CompanyBaselinesView([.. baselines.Select(b => new CompanyBaselineRowDto(b.Id, b.Field, b.Name, b.PublishedVersion,
            new Dictionary<RequirementLevel, int> { [RequirementLevel.Must] = b.Must, [RequirementLevel.Should] = b.Should, [RequirementLevel.Better] = b.Better }))], children, fields);
    }

    /// <summary>The profiles of the actor's products, to preset a guideline selection.</summary>
    public async Task<ProductProfileDto[]> ProductProfilesAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Field).ThenBy(p => p.Name).ToListAsync();
        return [.. products.Select(p => new ProductProfileDto(p.Id, p.Name, p.Field, [.. p.Parts]))];
    }

    /// <summary>A company baseline is changed only by those who see every unit; a product baseline by its unit's writers (the filter saw to that).</summary>
    public static bool MayChange(Baseline baseline, ICurrentActor actor) => !baseline.IsCompany || actor.Scope.SeesAllUnits;

    internal static ControlReviewDto[] Review(Baseline b, Catalog catalog)
    {
        var general = GuidelineSelector.General(catalog).ToList();
        return [.. catalog.Controls.Select(c =>
        {
            var lines = b.Items.Where(i => i.GuidelineId is not null && (catalog.Find(i.GuidelineId)?.Find(i.RequirementId!)?.Controls.Contains(c.Id) ?? false)).ToList();
            var decision = b.Decisions.FirstOrDefault(d => d.ControlId == c.Id);
            return new ControlReviewDto(c.Id, new(c.Title.En, c.Title.Ja), decision?.Needed, decision?.Reason, lines.Count(i => !i.Excluded), lines.Count,
                general.Sum(g => g.Requirements.Count(r => r.Controls.Contains(c.Id))));
        })];
    }

    private static TextDto ItemTitle(SnapshotLine line, Catalog catalog)
    {
        var title = Assessments.AssessmentViews.Describe(line, catalog).Title;
        return new TextDto(title.En, title.Ja);
    }

    internal static BaselineDto ToDto(Baseline b, Catalog catalog) => new(b.Id, b.Name, b.ProductId, b.Field, b.IsCompany, b.ParentId, b.ParentVersion, b.PublishedVersion, b.PublishedAt,
        b.Counts().ToDictionary(kv => kv.Key.ToString(), kv => kv.Value), b.Items.Count(i => i.Excluded),
        [.. b.Items.Select(i => ItemDto(i, catalog))]);

    internal static BaselineItemDto ItemDto(BaselineItem i, Catalog catalog)
    {
        var requirement = i.GuidelineId is null ? null : catalog.Find(i.GuidelineId)?.Find(i.RequirementId!);
        var title = i.TitleEn is not null || i.TitleJa is not null
            ? new TextDto(i.TitleEn ?? requirement?.Title.En ?? string.Empty, i.TitleJa ?? requirement?.Title.Ja ?? string.Empty)
            : new TextDto(requirement?.Title.En ?? i.Key, requirement?.Title.Ja ?? i.Key);
        return new(i.Key, i.GuidelineId, i.RequirementId, title, i.Level.ToString(), i.Excluded, i.ExclusionReason,
            [.. (requirement?.Parts ?? []).Select(p => p.ToId())], i.GuidelineId is null, i.GuidelineId is not null && (i.TitleEn ?? i.TitleJa) is not null, i.Inherited);
    }

    /// <summary>A guideline selection as the API shows it (the product's recommendation uses it too).</summary>
    public static SelectionDto ToDto(GuidelineSelection s) => new(
        [.. s.Profile.Parts.Select(p => p.ToId())], s.Profile.Sector, [.. s.Profile.Markets],
        [.. s.Picks.Select(p => new PickDto(p.Guideline.Id, p.Guideline.ShortName, p.Role.ToString(), [.. p.Groups.Select(g => g.ToString())], new(p.Reason.En, p.Reason.Ja)))],
        [.. s.Ranking.Select(f => new FitDto(f.Guideline.Id, f.Guideline.ShortName, f.Covered, Math.Round(f.Depth, 3), f.Requirements))]);
}
