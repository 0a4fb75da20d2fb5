using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Vulnerabilities.Suppliers;

namespace Shirube.Web.Features.Vulnerabilities.Suppliers;

internal sealed record SupplierRefusalDto(string Url, string Reason, string Message);

/// <summary>What a supplier's last sync did.</summary>
internal sealed record SupplierSyncDto(DateTime At, string Outcome, int DocumentsAccepted, int RecordsImported, int NewFindings, string? Error, SupplierRefusalDto[] Refused);

/// <summary>A configured supplier with its last sync (null before the first).</summary>
internal sealed record SupplierDto(Guid Id, string Name, string MetadataUrl, bool Enabled, string CreatedBy, DateTime CreatedAt, SupplierSyncDto? LastSync);

/// <summary>Reads of the configured suppliers: vulnerability data sources, the same for every signed-in user.</summary>
internal sealed class SuppliersViews(IDbContextFactory<ShirubeDbContext> contexts)
{
    public async Task<SupplierDto[]> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var providers = await db.SupplierProviders.AsNoTracking().ToListAsync(ct);
        return [.. providers.OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(ToDto)];
    }

    /// <summary>A supplier; <c>Suppliers.NotFound</c> (404) when there is none with that id.</summary>
    public async Task<SupplierDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return ToDto(await db.SupplierProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw SupplierErrors.NotFound(id).Exception());
    }

    private static SupplierDto ToDto(SupplierProvider p) => new(p.Id, p.Name, p.MetadataUrl.ToString(), p.Enabled, p.CreatedBy, p.CreatedAt,
        p.LastSyncAt is { } at
            ? new SupplierSyncDto(at, p.LastOutcome?.ToString() ?? "", p.DocumentsAccepted, p.RecordsImported, p.NewFindings, p.LastError,
                [.. p.Refusals.Select(r => new SupplierRefusalDto(r.Url, r.Reason, r.Message))])
            : null);
}
