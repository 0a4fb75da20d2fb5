using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Risk;
using Shirube.Domain.Threats;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Risk;

namespace Shirube.Web.Features.Threats;

internal sealed record CountermeasureDto(string Text, string Status, string[] RequirementKeys);

internal sealed record ThreatDto(Guid Id, Guid ProductId, string Title, string? Description, string Part, string PartGroup, string Stride,
    int Likelihood, int Impact, string Risk, int? ResidualLikelihood, int? ResidualImpact, string? ResidualRisk, string? Owner, string Decision,
    string? Justification, CountermeasureDto[] Countermeasures)
{
    public static ThreatDto From(Threat t, RiskMatrix matrix)
    {
        var risk = t.RiskIn(matrix);
        return new(t.Id, t.ProductId, t.Title, t.Description, t.Part.ToId(), IotParts.GroupOf(t.Part).ToString(), t.Stride.ToString(), t.Likelihood, t.Impact,
            risk.Inherent.ToString(), t.ResidualLikelihood, t.ResidualImpact, risk.Residual?.ToString(), t.Owner, t.Decision.ToString(), t.Justification,
            [.. t.Countermeasures.OrderBy(c => c.Order).Select(c => new CountermeasureDto(c.Text, c.Status.ToString(), [.. c.RequirementKeys]))]);
    }
}

internal sealed record SummaryCellDto(string Stride, string PartGroup, int Count, string? Highest);

internal sealed record ThreatRegisterDto(Guid ProductId, string Product, bool CanEdit, ThreatDto[] Threats, SummaryCellDto[] Summary);

internal sealed record CounteredDto(string Key, ThreatRefDto[] Threats);

internal sealed record ThreatRefDto(Guid Id, string Title, string Stride, string Risk);

/// <summary>What the register page shows: the product, whether the actor edits it, the matrix, the threats, their summary and the lines to link.</summary>
internal sealed record ThreatRegisterModel(Product Product, bool CanEdit, RiskMatrix Matrix, IReadOnlyList<Threat> Threats,
    IReadOnlyList<ThreatSummaryCell> Summary, IReadOnlyList<LinkableLine> Lines);

/// <summary>Reads of the threat register, shared by the API and the pages (the baseline editor shows what each line counters).</summary>
internal sealed class ThreatViews(IDbContextFactory<ShirubeDbContext> contexts, RiskMatrixViews matrices, CurrentActor actor, Catalog catalog)
{
    /// <summary>The product's register with its summary; refused (404) when the actor cannot see the product.</summary>
    public async Task<ThreatRegisterDto> RegisterAsync(Guid productId)
    {
        var model = await PageAsync(productId) ?? throw ThreatErrors.ProductNotFound(productId).Exception();
        return new ThreatRegisterDto(model.Product.Id, model.Product.Name, model.CanEdit, [.. model.Threats.Select(t => ThreatDto.From(t, model.Matrix))],
            [.. model.Summary.Select(c => new SummaryCellDto(c.Stride.ToString(), c.Group.ToString(), c.Count, c.Highest?.ToString()))]);
    }

    /// <summary>What the register page shows; null when the actor cannot see the product.</summary>
    public async Task<ThreatRegisterModel?> PageAsync(Guid productId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId);
        if (product is null)
            return null;
        var matrix = await matrices.LoadAsync();
        var threats = await ThreatRegister.OfProductAsync(db, productId);
        return new ThreatRegisterModel(product, ThreatRegister.CanEdit(actor.User, product), matrix, threats, ThreatSummary.Of(threats, matrix),
            await ThreatRegister.LinesAsync(db, catalog, productId));
    }

    /// <summary>A threat with its risk from the current matrix; refused (404) when the actor cannot see it.</summary>
    public async Task<ThreatDto> ThreatAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var threat = await db.Threats.AsNoTracking().Include(t => t.Countermeasures).SingleOrDefaultAsync(t => t.Id == id)
            ?? throw ThreatErrors.ThreatNotFound(id).Exception();
        return ThreatDto.From(threat, await matrices.LoadAsync());
    }

    /// <summary>Which of the product's threats each line of the baseline counters, riskiest first; empty for a company baseline or one the actor cannot see.</summary>
    public async Task<CounteredDto[]> CounteredAsync(Guid baselineId) => await BaselineThreatsAsync(baselineId) ?? [];

    /// <summary>As <see cref="CounteredAsync"/>, but refused (404) when the actor cannot see the baseline (the API's answer).</summary>
    public async Task<CounteredDto[]> ForBaselineAsync(Guid baselineId) =>
        await BaselineThreatsAsync(baselineId) ?? throw ThreatErrors.BaselineNotFound(baselineId).Exception();

    private async Task<CounteredDto[]?> BaselineThreatsAsync(Guid baselineId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await db.Baselines.AsNoTracking().Where(b => b.Id == baselineId).Select(b => new { b.ProductId }).SingleOrDefaultAsync();
        if (baseline is null)
            return null;
        if (baseline.ProductId is not { } pid)
            return [];
        var matrix = await matrices.LoadAsync();
        return [.. Countered(await ThreatRegister.OfProductAsync(db, pid), matrix)
            .Select(kv => new CounteredDto(kv.Key, [.. kv.Value.Select(t => new ThreatRefDto(t.Id, t.Title, t.Stride.ToString(), t.RiskIn(matrix).Inherent.ToString()))]))];
    }

    /// <summary>The threats each requirement key counters, riskiest first.</summary>
    public static IReadOnlyDictionary<string, Threat[]> Countered(IEnumerable<Threat> threats, RiskMatrix matrix) =>
        threats.SelectMany(t => t.Countermeasures.SelectMany(c => c.RequirementKeys).Distinct().Select(k => (Key: k, Threat: t)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Threat).OrderByDescending(t => t.RiskIn(matrix).Inherent).ToArray(), StringComparer.Ordinal);
}
