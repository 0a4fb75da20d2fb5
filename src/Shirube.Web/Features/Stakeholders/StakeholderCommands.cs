using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Packages;
using Shirube.Domain.Stakeholders;

namespace Shirube.Web.Features.Stakeholders;

/// <summary>What went wrong with a change to the registry; <see cref="Field"/> names the request field.</summary>
internal sealed class StakeholderChangeException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A stakeholder as the API and the pages exchange it.</summary>
internal sealed record StakeholderDto(Guid Id, string Kind, string NameJa, string NameEn, string? Email, string? Phone, string? WebPage,
    string? PreferredLanguage, string? EncryptionKey, string? Notes, string[] PurlKeys, string[] CpeVendors, Guid[] ProductIds, bool ContactToBeConfirmed)
{
    public static StakeholderDto From(Stakeholder s) => new(s.Id, s.Kind.ToString(), s.NameJa, s.NameEn, s.Email, s.Phone, s.WebPage,
        s.PreferredLanguage, s.EncryptionKey, s.Notes, [.. s.PurlKeys], [.. s.CpeVendors], [.. s.ProductIds], s.ContactToBeConfirmed);
}

/// <summary>A new or changed stakeholder.</summary>
internal sealed record SaveStakeholderRequest(string? Kind, string? NameJa, string? NameEn, string? Email, string? Phone, string? WebPage,
    string? PreferredLanguage, string? EncryptionKey, string? Notes, string[]? PurlKeys, string[]? CpeVendors, Guid[]? ProductIds);

/// <summary>A supplier to contact for a component, and why.</summary>
internal sealed record SupplierMatchDto(StakeholderDto Supplier, string Key, string Match, string Reason);

/// <summary>Changes to the stakeholder registry and the supplier lookup, shared by the API and the pages.</summary>
internal static class StakeholderCommands
{
    public static async Task<Stakeholder> CreateAsync(ShirubeDbContext db, SaveStakeholderRequest request)
    {
        if (!Platform.EnumNames.TryParse<StakeholderKind>(request.Kind, out var kind))
            throw new StakeholderChangeException("kind", $"Unknown kind '{request.Kind}'; expected one of {string.Join(", ", Enum.GetNames<StakeholderKind>())}.");
        var stakeholder = Apply(() => Stakeholder.Create(kind, Details(request)));
        await SetListsAsync(db, stakeholder, request);
        db.Stakeholders.Add(stakeholder);
        await db.SaveChangesAsync();
        return stakeholder;
    }

    /// <summary>Changes a stakeholder (its kind stays); null when there is none with that id.</summary>
    public static async Task<Stakeholder?> UpdateAsync(ShirubeDbContext db, Guid id, SaveStakeholderRequest request)
    {
        var stakeholder = await db.Stakeholders.SingleOrDefaultAsync(s => s.Id == id);
        if (stakeholder is null)
            return null;
        if (request.Kind is not null && !string.Equals(request.Kind, stakeholder.Kind.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new StakeholderChangeException("kind", "A stakeholder's kind cannot change; add a new one instead.");
        Apply(() =>
        {
            stakeholder.Update(Details(request));
            return stakeholder;
        });
        await SetListsAsync(db, stakeholder, request);
        await db.SaveChangesAsync();
        return stakeholder;
    }

    /// <summary>Removes a stakeholder (its RACI cells go with it; members keep their names); false when there is none.</summary>
    public static async Task<bool> DeleteAsync(ShirubeDbContext db, Guid id)
    {
        var stakeholder = await db.Stakeholders.SingleOrDefaultAsync(s => s.Id == id);
        if (stakeholder is null)
            return false;
        db.Stakeholders.Remove(stakeholder);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The suppliers to contact for a purl or a CPE (exactly one of them), most specific first.</summary>
    public static async Task<IReadOnlyList<SupplierMatchDto>> LookupAsync(ShirubeDbContext db, string? purl, string? cpe)
    {
        if (string.IsNullOrWhiteSpace(purl) == string.IsNullOrWhiteSpace(cpe))
            throw new StakeholderChangeException(string.IsNullOrWhiteSpace(purl) ? "purl" : "cpe", "Give either a purl or a CPE to look up.");
        var suppliers = await db.Stakeholders.AsNoTracking().Where(s => s.Kind == StakeholderKind.Supplier).ToListAsync();
        if (!string.IsNullOrWhiteSpace(purl))
        {
            if (!PackageUrl.TryParse(purl, out var parsed, out var error))
                throw new StakeholderChangeException("purl", error);
            return [.. SupplierLookup.For(suppliers, parsed).Select(m => ToDto(m, parsed.ToString()))];
        }
        if (!Cpe.TryParse(cpe, out var parsedCpe, out var cpeError))
            throw new StakeholderChangeException("cpe", cpeError);
        return [.. SupplierLookup.For(suppliers, parsedCpe).Select(m => ToDto(m, parsedCpe.ToString()))];
    }

    private static SupplierMatchDto ToDto(SupplierMatch m, string component) => new(StakeholderDto.From(m.Supplier), m.Key, m.Match.ToString(), m.Match switch
    {
        SupplierMatchKind.PurlName => $"The package key {m.Key} names {component}.",
        SupplierMatchKind.PurlNamePrefix => $"The package key {m.Key} begins the name of {component}.",
        SupplierMatchKind.PurlNamespace => $"The package key {m.Key} names the namespace of {component}.",
        SupplierMatchKind.CpeVendor => $"The CPE vendor {m.Key} is the vendor of {component}.",
        _ => m.Match.ToString(),
    });

    private static StakeholderDetails Details(SaveStakeholderRequest r) =>
        new(r.NameJa ?? string.Empty, r.NameEn ?? string.Empty, r.Email, r.Phone, r.WebPage, r.PreferredLanguage, r.EncryptionKey, r.Notes);

    private static async Task SetListsAsync(ShirubeDbContext db, Stakeholder stakeholder, SaveStakeholderRequest request)
    {
        var productIds = request.ProductIds ?? [];
        var known = await db.Products.IgnoreQueryFilters().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync();
        if (productIds.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
            throw new StakeholderChangeException("productIds", $"No product {unknown}.");
        Apply(() =>
        {
            stakeholder.SetSupplierKeys(request.PurlKeys ?? [], request.CpeVendors ?? []);
            stakeholder.LinkProducts(productIds);
            return stakeholder;
        });
    }

    private static Stakeholder Apply(Func<Stakeholder> change)
    {
        try
        {
            return change();
        }
        catch (ArgumentException e)
        {
            throw new StakeholderChangeException(e.ParamName ?? "body", e.Message);
        }
    }
}
