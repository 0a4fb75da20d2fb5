using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Threats;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;
using Shirube.Web.Features.Risk;

namespace Shirube.Web.Features.Threats;

internal sealed record ThreatRequest(string? Title, string? Description, string? Part, string? Stride, int Likelihood, int Impact,
    int? ResidualLikelihood, int? ResidualImpact, string? Owner, string? Decision, string? Justification, CountermeasureDto[]? Countermeasures);

/// <summary>
/// Changes to the threat register, shared by the API and the register page: the PSIRT and the product's owners change
/// its threats (<see cref="ThreatRegister.CanEdit"/>); others are refused.
/// </summary>
internal sealed class ThreatCommands(IDbContextFactory<ShirubeDbContext> contexts, RiskMatrixViews matrices, CurrentActor actor, Catalog catalog)
{
    /// <summary>Adds a threat as the API's body gives it.</summary>
    public Task<ThreatDto> CreateAsync(Guid productId, ThreatRequest request) => CreateAsync(productId, () => Parse(request));

    /// <summary>Adds a threat as the page's form gives it.</summary>
    public Task<ThreatDto> CreateAsync(Guid productId, ThreatDraft draft) => CreateAsync(productId, () => draft);

    /// <summary>Replaces a threat with the API's body.</summary>
    public Task<ThreatDto> UpdateAsync(Guid id, ThreatRequest request) => UpdateAsync(id, () => Parse(request));

    /// <summary>Replaces a threat with the page's form.</summary>
    public Task<ThreatDto> UpdateAsync(Guid id, ThreatDraft draft) => UpdateAsync(id, () => draft);

    /// <summary>Deletes a threat.</summary>
    public async Task DeleteAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var threat = await db.Threats.SingleOrDefaultAsync(t => t.Id == id) ?? throw ThreatErrors.ThreatNotFound(id).Exception();
        await EditableAsync(db, threat.ProductId);
        db.Threats.Remove(threat);
        await db.SaveChangesAsync();
    }

    // The draft is read after the product is found and the actor allowed: 404, then 403, then 400.
    private async Task<ThreatDto> CreateAsync(Guid productId, Func<ThreatDraft> draft)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var product = await EditableAsync(db, productId);
        var threat = Threat.Create(product.Id, product.BusinessUnitId, draft(), await KeysAsync(db, product.Id));
        db.Threats.Add(threat);
        await db.SaveChangesAsync();
        return ThreatDto.From(threat, await matrices.LoadAsync());
    }

    private async Task<ThreatDto> UpdateAsync(Guid id, Func<ThreatDraft> draft)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var threat = await db.Threats.Include(t => t.Countermeasures).SingleOrDefaultAsync(t => t.Id == id) ?? throw ThreatErrors.ThreatNotFound(id).Exception();
        await EditableAsync(db, threat.ProductId);
        threat.Update(draft(), await KeysAsync(db, threat.ProductId));
        await db.SaveChangesAsync();
        return ThreatDto.From(threat, await matrices.LoadAsync());
    }

    /// <summary>The product, when the actor sees it (404 otherwise) and may change its threats (403 otherwise).</summary>
    private async Task<Product> EditableAsync(ShirubeDbContext db, Guid productId)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId) ?? throw ThreatErrors.ProductNotFound(productId).Exception();
        Guard.That(ThreatRegister.CanEdit(actor.User, product), ThreatErrors.NotAnEditor());
        return product;
    }

    /// <summary>The included lines of the product's baselines, by key.</summary>
    private async Task<IReadOnlySet<string>> KeysAsync(ShirubeDbContext db, Guid productId) =>
        (await ThreatRegister.LinesAsync(db, catalog, productId)).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The request as a draft; an unknown name is refused naming the field.</summary>
    private static ThreatDraft Parse(ThreatRequest r)
    {
        if (!IotParts.TryParse(r.Part, out var part))
            throw CommonErrors.UnknownValue("part", r.Part ?? string.Empty, string.Join(", ", IotParts.All.Select(p => p.ToId()))).Exception();
        var stride = Name<StrideCategory>(r.Stride, "stride");
        var decision = r.Decision is null ? ThreatDecision.Mitigate : Name<ThreatDecision>(r.Decision, "decision");
        var countermeasures = (r.Countermeasures ?? []).Select((c, n) => new CountermeasureDraft(c.Text,
            c.Status is null ? CountermeasureStatus.Planned : Name<CountermeasureStatus>(c.Status, $"countermeasures[{n}].status"),
            c.RequirementKeys ?? [])).ToList();
        return new ThreatDraft(r.Title ?? string.Empty, r.Description, part, stride, r.Likelihood, r.Impact, r.ResidualLikelihood, r.ResidualImpact,
            r.Owner, decision, r.Justification, countermeasures);
    }

    private static T Name<T>(string? text, string field) where T : struct, Enum =>
        EnumNames.TryParse<T>(text, out var value) ? value : throw CommonErrors.UnknownValue(field, text ?? string.Empty, string.Join(", ", Enum.GetNames<T>())).Exception();
}
