using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Stakeholders;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Stakeholders;

/// <summary>A new or changed stakeholder.</summary>
internal sealed record SaveStakeholderRequest(string? Kind, string? NameJa, string? NameEn, string? Email, string? Phone, string? WebPage,
    string? PreferredLanguage, string? EncryptionKey, string? Notes, string[]? PurlKeys, string[]? CpeVendors, Guid[]? ProductIds);

/// <summary>Changes to the stakeholder registry (administrators and PSIRT managers), shared by the API and the registry page.</summary>
internal sealed class StakeholderCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor)
{
    /// <summary>Adds a stakeholder.</summary>
    public async Task<StakeholderDto> CreateAsync(SaveStakeholderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.PsirtLeads);
        if (!EnumNames.TryParse<StakeholderKind>(request.Kind, out var kind))
            throw CommonErrors.UnknownValue("kind", request.Kind ?? string.Empty, string.Join(", ", Enum.GetNames<StakeholderKind>())).Exception();
        await using var db = await contexts.CreateDbContextAsync();
        var stakeholder = Stakeholder.Create(kind, Details(request));
        await SetListsAsync(db, stakeholder, request);
        db.Stakeholders.Add(stakeholder);
        await db.SaveChangesAsync();
        return StakeholderDto.From(stakeholder);
    }

    /// <summary>Changes a stakeholder (its kind stays); refused (404) when there is none with that id.</summary>
    public async Task<StakeholderDto> UpdateAsync(Guid id, SaveStakeholderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync();
        var stakeholder = await db.Stakeholders.SingleOrDefaultAsync(s => s.Id == id) ?? throw StakeholderErrors.NotFound(id).Exception();
        Guard.That(request.Kind is null || string.Equals(request.Kind, stakeholder.Kind.ToString(), StringComparison.OrdinalIgnoreCase), StakeholderErrors.KindCannotChange);
        stakeholder.Update(Details(request));
        await SetListsAsync(db, stakeholder, request);
        await db.SaveChangesAsync();
        return StakeholderDto.From(stakeholder);
    }

    /// <summary>Removes a stakeholder (its RACI cells go with it; members keep their names); refused (404) when there is none.</summary>
    public async Task DeleteAsync(Guid id)
    {
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync();
        var stakeholder = await db.Stakeholders.SingleOrDefaultAsync(s => s.Id == id) ?? throw StakeholderErrors.NotFound(id).Exception();
        db.Stakeholders.Remove(stakeholder);
        await db.SaveChangesAsync();
    }

    private static StakeholderDetails Details(SaveStakeholderRequest r) =>
        new(r.NameJa ?? string.Empty, r.NameEn ?? string.Empty, r.Email, r.Phone, r.WebPage, r.PreferredLanguage, r.EncryptionKey, r.Notes);

    private static async Task SetListsAsync(ShirubeDbContext db, Stakeholder stakeholder, SaveStakeholderRequest request)
    {
        var productIds = request.ProductIds ?? [];
        var known = await db.Products.IgnoreQueryFilters().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync();
        if (productIds.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
            throw StakeholderErrors.UnknownProduct(unknown).Exception();
        stakeholder.SetSupplierKeys(request.PurlKeys ?? [], request.CpeVendors ?? []);
        stakeholder.LinkProducts(productIds);
    }
}
