using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Packages;
using Shirube.Domain.Stakeholders;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Stakeholders;

/// <summary>A stakeholder as the API and the pages exchange it.</summary>
internal sealed record StakeholderDto(Guid Id, string Kind, string NameJa, string NameEn, string? Email, string? Phone, string? WebPage,
    string? PreferredLanguage, string? EncryptionKey, string? Notes, string[] PurlKeys, string[] CpeVendors, Guid[] ProductIds, bool ContactToBeConfirmed)
{
    public static StakeholderDto From(Stakeholder s) => new(s.Id, s.Kind.ToString(), s.NameJa, s.NameEn, s.Email, s.Phone, s.WebPage,
        s.PreferredLanguage, s.EncryptionKey, s.Notes, [.. s.PurlKeys], [.. s.CpeVendors], [.. s.ProductIds], s.ContactToBeConfirmed);
}

/// <summary>A supplier to contact for a component, and why.</summary>
internal sealed record SupplierMatchDto(StakeholderDto Supplier, string Key, string Match, string Reason);

/// <summary>A product a customer may be linked to.</summary>
internal sealed record ProductChoiceDto(Guid Id, string Name);

/// <summary>Reads of the stakeholder registry and the supplier lookup, shared by the API and the registry page.</summary>
internal sealed class StakeholderViews(IDbContextFactory<ShirubeDbContext> contexts)
{
    /// <summary>Stakeholders, of one kind when given (an unknown kind is refused), matching <paramref name="q"/> when given; by kind, then English name.</summary>
    public async Task<StakeholderDto[]> ListAsync(string? kind = null, string? q = null)
    {
        StakeholderKind? only = null;
        if (kind is not null)
        {
            only = EnumNames.TryParse<StakeholderKind>(kind, out var k) ? k
                : throw CommonErrors.UnknownValue("kind", kind, string.Join(", ", Enum.GetNames<StakeholderKind>())).Exception();
        }
        await using var db = await contexts.CreateDbContextAsync();
        var list = await db.Stakeholders.AsNoTracking().Where(s => only == null || s.Kind == only).ToListAsync();
        return [.. list.Select(StakeholderDto.From)
            .Where(s => string.IsNullOrWhiteSpace(q) || Matches(s, q.Trim()))
            .OrderBy(s => Enum.Parse<StakeholderKind>(s.Kind)).ThenBy(s => s.NameEn, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One stakeholder; refused (404) when there is none.</summary>
    public async Task<StakeholderDto> GetAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Stakeholders.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id) is { } s
            ? StakeholderDto.From(s)
            : throw StakeholderErrors.NotFound(id).Exception();
    }

    /// <summary>The products the actor sees, by name, for linking customers.</summary>
    public async Task<ProductChoiceDto[]> ProductsAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new ProductChoiceDto(p.Id, p.Name)).ToArrayAsync();
    }

    /// <summary>True when the search text occurs in a name, email, note, web page, package key or CPE vendor.</summary>
    public static bool Matches(StakeholderDto s, string q) =>
        new[] { s.NameJa, s.NameEn, s.Email, s.Notes, s.WebPage }.Concat(s.PurlKeys).Concat(s.CpeVendors)
            .Any(t => t?.Contains(q, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The suppliers to contact for a purl or a CPE (exactly one of them), most specific first.</summary>
    public async Task<SupplierMatchDto[]> LookupAsync(string? purl, string? cpe)
    {
        Guard.That(string.IsNullOrWhiteSpace(purl) != string.IsNullOrWhiteSpace(cpe), () => StakeholderErrors.PurlOrCpe(string.IsNullOrWhiteSpace(purl) ? "purl" : "cpe"));
        PackageUrl? parsed = null;
        Cpe? parsedCpe = null;
        Guard.That(string.IsNullOrWhiteSpace(purl) || PackageUrl.TryParse(purl, out parsed), () => StakeholderErrors.NotAPurl(purl!));
        Guard.That(string.IsNullOrWhiteSpace(cpe) || Cpe.TryParse(cpe, out parsedCpe), () => StakeholderErrors.NotACpe(cpe!));
        await using var db = await contexts.CreateDbContextAsync();
        var suppliers = await db.Stakeholders.AsNoTracking().Where(s => s.Kind == StakeholderKind.Supplier).ToListAsync();
        return parsed is not null
            ? [.. SupplierLookup.For(suppliers, parsed).Select(m => ToDto(m, parsed.ToString()))]
            : [.. SupplierLookup.For(suppliers, parsedCpe!).Select(m => ToDto(m, parsedCpe!.ToString()))];
    }

    // The reason stays English in the API (scripts read it); the page says the match kind from its resources.
    private static SupplierMatchDto ToDto(SupplierMatch m, string component) => new(StakeholderDto.From(m.Supplier), m.Key, m.Match.ToString(), m.Match switch
    {
        SupplierMatchKind.PurlName => $"The package key {m.Key} names {component}.",
        SupplierMatchKind.PurlNamePrefix => $"The package key {m.Key} begins the name of {component}.",
        SupplierMatchKind.PurlNamespace => $"The package key {m.Key} names the namespace of {component}.",
        SupplierMatchKind.CpeVendor => $"The CPE vendor {m.Key} is the vendor of {component}.",
        _ => m.Match.ToString(),
    });
}
