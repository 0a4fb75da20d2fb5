using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Guidelines;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Baselines;

internal sealed record PickDto(string Guideline, string ShortName, string Role, string[] Groups, TextDto Reason);

internal sealed record FitDto(string Guideline, string ShortName, int Covered, double Depth, int Requirements);

internal sealed record SelectionDto(string[] Parts, string? Sector, string[] Markets, PickDto[] Picks, FitDto[] Ranking);

internal sealed record BaselineItemDto(string Key, string? GuidelineId, string? RequirementId, TextDto Title, string Level, bool Excluded,
    string? ExclusionReason, string[] Parts, bool Own, bool Reworded, bool Inherited);

internal sealed record BaselineDto(Guid Id, string Name, Guid? ProductId, string? Field, bool Company, Guid? ParentId, int ParentVersion,
    int PublishedVersion, DateTime? PublishedAt, Dictionary<string, int> Counts, int Excluded, BaselineItemDto[] Items);

internal sealed record CreateBaselineRequest(string? Name, bool Inherit = false);

internal sealed record CreateCompanyBaselineRequest(string? Name, string? Field, string[]? Guidelines, int? RiskClass);

internal sealed record ChildDto(Guid Id, string Name, Guid? ProductId, string? Product, int ParentVersion, bool Behind, int Overrides);

internal sealed record ChangeItemRequest(string? Key, string? Level, string? ExcludeReason, string? TitleEn, string? TitleJa);

internal sealed record OwnRequirementRequest(string? TitleEn, string? TitleJa, string? Level);

internal sealed record ControlReviewDto(string Id, TextDto Title, bool? Needed, string? Reason, int Included, int Lines, int AvailableInGeneral);

internal sealed record DecideRequest(bool? Needed, string? Reason);

internal sealed record LineChangeDto(string Key, string Kind, string? LevelBefore, string? LevelAfter, string? Reason, TextDto Title);

internal sealed record DiffDto(int From, int? To, LineChangeDto[] Changes);

/// <summary>Bottom-up step 1: which guidelines to pick for a product.</summary>
internal static class BaselineEndpoints
{
    public static WebApplication MapBaselineEndpoints(this WebApplication app)
    {
        app.MapGet("/api/guidelines/recommend", Results<Ok<SelectionDto>, ValidationProblem> (string? parts, string? sector, string? markets, Catalog catalog) =>
        {
            IReadOnlyList<IotPart> productParts;
            try
            {
                productParts = IotParts.ParseList(parts ?? string.Empty);
            }
            catch (FormatException e)
            {
                return Problems.Invalid("parts", e.Message);
            }
            if (productParts.Count == 0)
                return Problems.Invalid("parts", "Name at least one IoT part or part group, e.g. parts=device,network.");
            if (sector is not null && !Product.Sectors.Contains(sector))
                return Problems.Invalid("sector", $"'{sector}' is not a sector; expected one of: {string.Join(", ", Product.Sectors)}.");
            var profile = new ProductProfile(productParts, sector, [.. (markets ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
            return TypedResults.Ok(ToDto(GuidelineSelector.Recommend(profile, catalog)));
        }).RequireAuthorization().WithTags("Baselines")
          .WithSummary("Rank guidelines for a product's IoT parts and recommend a minimal set (one all-round guideline, the most detailed per part group, and what markets and sector require), each with its reason in ja and en.");
        app.MapPost("/api/products/{id:guid}/baselines", async Task<Results<Created<BaselineDto>, ValidationProblem, ProblemHttpResult>> (Guid id, CreateBaselineRequest request, ShirubeDbContext db, Catalog catalog) =>
        {
            var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id);
            if (product is null)
                return Problems.NotFound($"No product {id} in your business units.");
            Baseline baseline;
            try
            {
                if (request.Inherit)
                {
                    var parent = await db.Baselines.AsNoTracking().Where(b => b.ProductId == null && b.Field == product.Field && b.PublishedVersion > 0)
                        .OrderByDescending(b => b.PublishedAt).FirstOrDefaultAsync();
                    if (parent is null)
                        return Problems.Invalid("inherit", $"No published company baseline for field '{product.Field}' to inherit from.");
                    var snapshot = await db.BaselineSnapshots.AsNoTracking().SingleAsync(x => x.BaselineId == parent.Id && x.Version == parent.PublishedVersion);
                    baseline = Baseline.Inherit(request.Name ?? $"{product.Name} baseline", product.Id, product.BusinessUnitId, product.Field, snapshot);
                }
                else
                {
                    if (product.Guidelines.Count == 0)
                        return Problems.Invalid("guidelines", "Choose the product's guidelines first (PUT /api/products/{id}/guidelines), or inherit the field's company baseline (inherit: true).");
                    baseline = Baseline.Tailor(request.Name ?? $"{product.Name} baseline", product.Id, product.BusinessUnitId,
                        product.Guidelines.Select(catalog.Find).OfType<Guideline>(), product.RiskClass, product.Field);
                }
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "name", e.Message);
            }
            db.Baselines.Add(baseline);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/baselines/{baseline.Id}", ToDto(baseline, catalog));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithTags("Baselines")
          .WithSummary("Tailor a baseline for the product: every requirement of its chosen guidelines at the default level (source level and risk class); or, with inherit: true, inherit the latest published company baseline of the product's field.");

        app.MapPost("/api/company-baselines", async Task<Results<Created<BaselineDto>, ValidationProblem>> (CreateCompanyBaselineRequest request, ShirubeDbContext db, Catalog catalog) =>
        {
            var unknown = (request.Guidelines ?? []).FirstOrDefault(g => catalog.Find(g) is null);
            if (unknown is not null)
                return Problems.Invalid("guidelines", $"No guideline '{unknown}'.");
            if ((request.Guidelines ?? []).Length == 0)
                return Problems.Invalid("guidelines", "Name the guidelines the company baseline starts from.");
            Baseline baseline;
            try
            {
                baseline = Baseline.ForField(request.Name ?? $"Field {request.Field} company baseline", request.Field ?? string.Empty,
                    request.Guidelines!.Select(catalog.Find).OfType<Guideline>(), request.RiskClass);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            db.Baselines.Add(baseline);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/baselines/{baseline.Id}", ToDto(baseline, catalog));
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy).WithTags("Baselines")
          .WithSummary("Create the company baseline of a product field (administrators and PSIRT managers): the portfolio's MUST / SHOULD / BETTER that product baselines of the field inherit.");

        var baselines = app.MapGroup("/api/baselines").WithTags("Baselines").RequireAuthorization();
        baselines.MapGet("/", async (ShirubeDbContext db) =>
            TypedResults.Ok((await db.Baselines.AsNoTracking().OrderBy(b => b.ProductId != null).ThenBy(b => b.Name)
                .Select(b => new { b.Id, b.Name, b.ProductId, b.Field, Company = b.ProductId == null, b.ParentId, b.ParentVersion, b.PublishedVersion, b.PublishedAt }).ToListAsync()).ToArray()))
            .WithSummary("Company baselines, and the product baselines of the caller's business units.");
        baselines.MapGet("/{id:guid}/children", async Task<Results<Ok<ChildDto[]>, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
        {
            var parent = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
            if (parent is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            var children = await db.Baselines.AsNoTracking().Include(b => b.Items).Where(b => b.ParentId == id).OrderBy(b => b.Name).ToListAsync();
            var products = await db.Products.AsNoTracking().Where(p => children.Select(c => c.ProductId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
            return TypedResults.Ok(children.Select(c => new ChildDto(c.Id, c.Name, c.ProductId, c.ProductId is { } pid ? products.GetValueOrDefault(pid) : null,
                c.ParentVersion, c.ParentVersion < parent.PublishedVersion, c.Items.Count(i => !i.Inherited))).ToArray());
        }).WithSummary("Which product baselines (of the caller's units) inherit this company baseline, from which version, and whether they are behind.");
        baselines.MapPost("/{id:guid}/update-from-parent", async Task<Results<Ok<InheritanceUpdate>, ValidationProblem, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
        {
            var baseline = await db.Baselines.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            if (baseline.ParentId is not { } parentId)
                return Problems.Invalid("parent", "This baseline does not inherit from a company baseline.");
            var snapshot = await db.BaselineSnapshots.AsNoTracking().Where(x => x.BaselineId == parentId).OrderByDescending(x => x.Version).FirstOrDefaultAsync();
            if (snapshot is null)
                return Problems.Invalid("parent", "The company baseline has no published version.");
            var update = baseline.UpdateFrom(snapshot);
            await db.SaveChangesAsync();
            return TypedResults.Ok(update);
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Take the latest published version of the company baseline: inherited lines follow it, overrides stay.");
        baselines.MapGet("/{id:guid}", async Task<Results<Ok<BaselineDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, Catalog catalog) =>
            await db.Baselines.AsNoTracking().Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id) is { } b
                ? TypedResults.Ok(ToDto(b, catalog))
                : Problems.NotFound($"No baseline {id} in your business units."))
            .WithSummary("A baseline with every line: level, exclusion and reason, own requirements.");
        baselines.MapPatch("/{id:guid}/items", async Task<Results<Ok<BaselineItemDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ChangeItemRequest request, ShirubeDbContext db, Catalog catalog, ICurrentActor actor) =>
        {
            var baseline = await db.Baselines.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            if (!MayChange(baseline, actor))
                return Problems.Forbidden("Only administrators and PSIRT managers change a company baseline.");
            if (baseline.Find(request.Key ?? string.Empty) is not { } item)
                return Problems.Invalid("key", $"No line '{request.Key}' in the baseline.");
            try
            {
                if (request.Level is not null)
                    item.SetLevel(ParseLevel(request.Level));
                if (request.ExcludeReason is not null)
                    item.Exclude(request.ExcludeReason);
                if (request.TitleEn is not null || request.TitleJa is not null)
                    item.Reword(request.TitleEn, request.TitleJa);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(ItemDto(item, catalog));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Change one line: level (Must, Should, Better), exclusion with its reason, or rewording for the business.");
        baselines.MapPost("/{id:guid}/own", async Task<Results<Created<BaselineItemDto>, ValidationProblem, ProblemHttpResult>> (Guid id, OwnRequirementRequest request, ShirubeDbContext db, Catalog catalog, ICurrentActor actor) =>
        {
            var baseline = await db.Baselines.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            if (!MayChange(baseline, actor))
                return Problems.Forbidden("Only administrators and PSIRT managers change a company baseline.");
            BaselineItem item;
            try
            {
                item = baseline.AddOwn(request.TitleEn ?? string.Empty, request.TitleJa ?? string.Empty, ParseLevel(request.Level ?? "Should"));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/baselines/{id}", ItemDto(item, catalog));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Add a requirement of our own.");
        baselines.MapGet("/{id:guid}/controls", async Task<Results<Ok<ControlReviewDto[]>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, Catalog catalog) =>
            await db.Baselines.AsNoTracking().Include(b => b.Items).Include(b => b.Decisions).SingleOrDefaultAsync(b => b.Id == id) is { } b
                ? TypedResults.Ok(Review(b, catalog))
                : Problems.NotFound($"No baseline {id} in your business units."))
            .WithSummary("Top-down: every common control (the deduplicated list of all measures), its 要/不要 decision and how many lines it has.");
        baselines.MapPut("/{id:guid}/controls/{controlId}", async Task<Results<Ok<ControlReviewDto[]>, ValidationProblem, ProblemHttpResult>> (Guid id, string controlId, DecideRequest request, ShirubeDbContext db, Catalog catalog, ICurrentActor actor) =>
        {
            var baseline = await db.Baselines.Include(b => b.Items).Include(b => b.Decisions).SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            if (!MayChange(baseline, actor))
                return Problems.Forbidden("Only administrators and PSIRT managers change a company baseline.");
            if (request.Needed is not { } needed)
                return Problems.Invalid("needed", "Say whether the control is needed (true) or not (false).");
            var riskClass = await db.Products.Where(p => p.Id == baseline.ProductId).Select(p => p.RiskClass).SingleOrDefaultAsync();
            try
            {
                baseline.Decide(controlId, needed, request.Reason ?? string.Empty, catalog, GuidelineSelector.General(catalog), riskClass);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(Review(baseline, catalog));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Top-down: decide 要 (needed) or 不要 (not needed) for a common control, with the reason; the baseline follows.");

        baselines.MapPost("/{id:guid}/publish", async Task<Results<Ok<BaselineDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, Catalog catalog, TimeProvider clock, ICurrentActor actor) =>
        {
            var baseline = await db.Baselines.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            if (!MayChange(baseline, actor))
                return Problems.Forbidden("Only administrators and PSIRT managers change a company baseline.");
            await PublishAsync(db, baseline, clock);
            return TypedResults.Ok(ToDto(baseline, catalog));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Publish the baseline as its next version.");

        baselines.MapGet("/{id:guid}/diff", async Task<Results<Ok<DiffDto>, ValidationProblem, ProblemHttpResult>> (Guid id, int from, int? to, ShirubeDbContext db, Catalog catalog) =>
        {
            // The baseline is read through the unit filter first: its versions are only shown to those who may see it.
            var baseline = await db.Baselines.AsNoTracking().Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            var versions = await db.BaselineSnapshots.AsNoTracking().Where(s => s.BaselineId == id && (s.Version == from || s.Version == to)).ToListAsync();
            var before = versions.FirstOrDefault(v => v.Version == from);
            if (before is null)
                return Problems.Invalid("from", $"Version {from} was never published.");
            IEnumerable<SnapshotLine> after;
            if (to is { } toVersion)
            {
                if (versions.FirstOrDefault(v => v.Version == toVersion) is not { } target)
                    return Problems.Invalid("to", $"Version {toVersion} was never published.");
                after = target.Lines;
            }
            else
            {
                after = baseline.Items.Select(SnapshotLine.Of);
            }
            var changes = BaselineDiff.Compare(before.Lines, after).Select(c =>
            {
                var line = c.After ?? c.Before!;
                var item = ItemTitle(line, catalog);
                return new LineChangeDto(c.Key, c.Kind.ToString(), c.Before?.Level.ToString(), c.After?.Level.ToString(), c.After?.Reason, item);
            }).ToArray();
            return TypedResults.Ok(new DiffDto(from, to, changes));
        }).WithSummary("Compare a published version with another (to=) or with the current draft: added, removed, level changed, excluded, included, reworded.");
        return app;
    }

    /// <summary>A company baseline is changed only by those who see every unit; a product baseline by its unit's writers (the filter saw to that).</summary>
    internal static bool MayChange(Baseline baseline, ICurrentActor actor) => !baseline.IsCompany || actor.Scope.SeesAllUnits;

    /// <summary>Publishes the next version and keeps its snapshot, in one save.</summary>
    internal static async Task PublishAsync(ShirubeDbContext db, Baseline baseline, TimeProvider clock)
    {
        baseline.Publish(clock.GetUtcNow().UtcDateTime);
        db.BaselineSnapshots.Add(BaselineSnapshot.Of(baseline));
        await db.SaveChangesAsync();
    }

    private static TextDto ItemTitle(SnapshotLine line, Catalog catalog)
    {
        var title = Assessments.AssessmentViews.Describe(line, catalog).Title;
        return new TextDto(title.En, title.Ja);
    }

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

    private static RequirementLevel ParseLevel(string level) => Levels.Parse(level, nameof(level));

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

    internal static SelectionDto ToDto(GuidelineSelection s) => new(
        [.. s.Profile.Parts.Select(p => p.ToId())], s.Profile.Sector, [.. s.Profile.Markets],
        [.. s.Picks.Select(p => new PickDto(p.Guideline.Id, p.Guideline.ShortName, p.Role.ToString(), [.. p.Groups.Select(g => g.ToString())], new(p.Reason.En, p.Reason.Ja)))],
        [.. s.Ranking.Select(f => new FitDto(f.Guideline.Id, f.Guideline.ShortName, f.Covered, Math.Round(f.Depth, 3), f.Requirements))]);
}
