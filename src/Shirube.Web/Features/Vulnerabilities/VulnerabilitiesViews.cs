using Microsoft.EntityFrameworkCore;
using Shirube.Data;

namespace Shirube.Web.Features.Vulnerabilities;

/// <summary>How many records of one source the database keeps, and how many of them the source withdrew.</summary>
internal sealed record VulnerabilitySourceDto(string Source, int Records, int Withdrawn);

/// <summary>The vulnerability data as the feeds page and the API show it: what is stored, and the sync.</summary>
internal sealed record VulnerabilityDataDto(VulnerabilitySourceDto[] Sources, SyncStatusDto Sync);

/// <summary>Reads of the vulnerability data, shared by the API and the feeds page.</summary>
internal sealed class VulnerabilitiesViews(IDbContextFactory<ShirubeDbContext> contexts, VulnerabilitySync sync)
{
    /// <summary>The stored records by source (OSV, NVD, JVN; counted in one grouped query) and the sync's status.</summary>
    public async Task<VulnerabilityDataDto> DataAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Vulnerabilities.AsNoTracking().GroupBy(v => v.Source)
            .Select(g => new { g.Key, Records = g.Count(), Withdrawn = g.Count(v => v.Withdrawn != null) })
            .ToListAsync(ct);
        return new VulnerabilityDataDto(
            [.. counts.OrderBy(c => c.Key).Select(c => new VulnerabilitySourceDto(c.Key.ToString().ToLowerInvariant(), c.Records, c.Withdrawn))],
            sync.Status);
    }

    /// <summary>What the sync is doing and did.</summary>
    public SyncStatusDto Sync => sync.Status;
}
