using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain.Components;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Scoring;

namespace Shirube.Web.Features.Components;

internal sealed record SbomDto(Guid Id, Guid ProductId, string Product, Guid ProductVersionId, string Version, string Format, string SpecVersion, string? Name,
    string FileName, DateTime ImportedAt, string ImportedBy, int Components, int WithPurl, int WithCpe, int Dependencies);

internal sealed record ComponentDto(string Ref, string Name, string? Version, string? Type, string? Purl, string? Cpe, string? Supplier,
    string[] Licences, string[] Hashes, string? ParentRef, bool IsSubject, string? Ecosystem);

internal sealed record DependencyDto(string From, string To);

internal sealed record VersionComponentsDto(Guid ProductId, string Product, Guid ProductVersionId, string Version, SbomDto? Sbom,
    ComponentDto[] Components, DependencyDto[] Dependencies);

public sealed record FindingDto(Guid Id, Guid ProductId, string Product, Guid ProductVersionId, string Version,
    string ComponentName, string? ComponentVersion, string? ComponentPurl, string? ComponentCpe,
    string VulnerabilityId, string[] Aliases, string? CveId, string Source, string MatchedBy, string? Summary,
    decimal? CvssScore, string? CvssVector, string? Severity, bool Kev, decimal? Epss, decimal? EpssPercentile,
    string State, string? Justification, string? Detail, bool Suppressed, string? SuppressionReason, bool ResolvedByAbsence,
    DateTime FirstSeen, DateTime LastSeen, Guid? CaseId, string? CaseNumber);

internal sealed record FindingChangeDto(string Action, string State, string? Justification, string? Note, string By, DateTime At);

internal sealed record FindingDetailDto(FindingDto Finding, FindingChangeDto[] History);

/// <summary>Open findings by severity (public: a page component takes it as a parameter); <see cref="Unscored"/> counts those without a CVSS vector, <see cref="Kev"/> those known exploited.</summary>
public sealed record SeverityCountsDto(int Critical, int High, int Medium, int Low, int None, int Unscored, int Kev)
{
    public int Total => Critical + High + Medium + Low + None + Unscored;
}

internal sealed record ProductFindingsDto(Guid ProductId, string Product, SeverityCountsDto Open);

internal sealed record AffectedHitDto(Guid ProductId, string Product, Guid ProductVersionId, string Version, string Component, string? ComponentVersion,
    string? Purl, string? Cpe, string? VulnerabilityId, string? State);

internal sealed record AffectedDto(string Query, string Kind, AffectedHitDto[] Hits);

/// <summary>Which findings a list shows.</summary>
/// <param name="ProductId">One product's.</param>
/// <param name="VersionId">One version's.</param>
/// <param name="Severity">Of one severity (Critical, High…, or "unscored").</param>
/// <param name="State">In one analysis state (VEX name).</param>
/// <param name="Kev">Only those in CISA's KEV catalog.</param>
/// <param name="OpenOnly">Only those that ask for work (in triage or exploitable, not suppressed).</param>
internal sealed record FindingFilter(Guid? ProductId = null, Guid? VersionId = null, string? Severity = null, string? State = null, bool Kev = false, bool OpenOnly = false);

/// <summary>Reads of SBOMs, findings and "am I affected?", shared by the API and the pages; everything through the unit filter.</summary>
internal sealed class ComponentsViews(IDbContextFactory<ShirubeDbContext> contexts, TimeProvider clock)
{
    /// <summary>The most findings one list returns (the worst first).</summary>
    public const int MaxList = 5000;

    /// <summary>The most hits "am I affected?" returns.</summary>
    public const int MaxHits = 2000;

    public static SbomDto ToDto(ProductSbom s, Product product, ProductVersion version) =>
        new(s.Id, product.Id, product.Name, version.Id, version.Version, s.Format.ToString(), s.SpecVersion, s.Name, s.FileName, s.ImportedAt, s.ImportedBy,
            s.ComponentCount, s.WithPurl, s.WithCpe, s.DependencyCount);

    /// <summary>A version's SBOM, components and edges; <c>Components.VersionNotFound</c> (404) when the actor cannot see it.</summary>
    public async Task<VersionComponentsDto> VersionAsync(Guid versionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (product, version) = await FindVersionAsync(db, versionId, ct);
        var sbom = await db.Sboms.AsNoTracking().SingleOrDefaultAsync(s => s.ProductVersionId == versionId, ct);
        if (sbom is null)
            return new VersionComponentsDto(product.Id, product.Name, version.Id, version.Version, null, [], []);
        var components = await db.SbomComponents.AsNoTracking().Where(c => c.SbomId == sbom.Id).OrderBy(c => c.Name).ThenBy(c => c.Version).ToListAsync(ct);
        var edges = await db.SbomDependencies.AsNoTracking().Where(d => d.SbomId == sbom.Id).Select(d => new DependencyDto(d.FromRef, d.ToRef)).ToListAsync(ct);
        return new VersionComponentsDto(product.Id, product.Name, version.Id, version.Version, ToDto(sbom, product, version),
            [.. components.Select(c => new ComponentDto(c.Ref, c.Name, c.Version, c.Type, c.Purl, c.Cpe, c.Supplier, [.. c.Licences], [.. c.Hashes], c.ParentRef, c.IsSubject, c.Ecosystem))],
            [.. edges]);
    }

    /// <summary>Findings as the filter asks, the worst first (score, then KEV, then EPSS).</summary>
    public async Task<FindingDto[]> FindingsAsync(FindingFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Findings.AsNoTracking();
        if (filter.ProductId is { } productId)
            query = query.Where(f => f.ProductId == productId);
        if (filter.VersionId is { } versionId)
            query = query.Where(f => f.ProductVersionId == versionId);
        if (!string.IsNullOrWhiteSpace(filter.Severity))
        {
            if (string.Equals(filter.Severity, "unscored", StringComparison.OrdinalIgnoreCase))
                query = query.Where(f => f.Severity == null);
            else if (Enum.TryParse<CvssSeverity>(filter.Severity, true, out var severity) && !int.TryParse(filter.Severity, out _))
                query = query.Where(f => f.Severity == severity);
            else
                throw Domain.CommonErrors.UnknownValue("severity", filter.Severity, "Critical, High, Medium, Low, None, unscored").Exception();
        }
        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            if (!VexNames.TryParse<FindingState>(filter.State, out var state))
                throw ComponentsErrors.UnknownState(filter.State, VexNames.All<FindingState>()).Exception();
            query = query.Where(f => f.State == state);
        }
        if (filter.OpenOnly)
            query = OpenOnly(query);
        if (filter.Kev)
            query = query.Where(f => f.CveId != null && db.KevEntries.Any(k => k.CveId == f.CveId));
        return await ToDtosAsync(db, query, ct);
    }

    /// <summary>One finding with its history; <c>Components.FindingNotFound</c> (404) when the actor cannot see it.</summary>
    public async Task<FindingDetailDto> FindingAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var dto = (await ToDtosAsync(db, db.Findings.AsNoTracking().Where(f => f.Id == id), ct)).SingleOrDefault()
            ?? throw ComponentsErrors.FindingNotFound(id).Exception();
        var history = await db.FindingHistory.AsNoTracking().Where(h => h.FindingId == id).OrderBy(h => h.At).ToListAsync(ct);
        return new FindingDetailDto(dto, [.. history.Select(h => new FindingChangeDto(h.Action.ToString(), VexNames.Of(h.State),
            h.Justification is { } j ? VexNames.Of(j) : null, h.Note, h.By, h.At))]);
    }

    /// <summary>Open findings by severity: of a version, of a product, or of the whole portfolio the actor sees.</summary>
    public async Task<SeverityCountsDto> CountsAsync(Guid? productId = null, Guid? versionId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = OpenOnly(db.Findings.AsNoTracking());
        if (productId is { } p)
            query = query.Where(f => f.ProductId == p);
        if (versionId is { } v)
            query = query.Where(f => f.ProductVersionId == v);
        var bySeverity = await query.GroupBy(f => f.Severity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var kev = await query.CountAsync(f => f.CveId != null && db.KevEntries.Any(k => k.CveId == f.CveId), ct);
        return Counts(bySeverity.Select(x => (x.Key, x.Count)), kev);
    }

    /// <summary>Open findings by severity for every product the actor sees that has any, the worst first.</summary>
    public async Task<ProductFindingsDto[]> PortfolioAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = OpenOnly(db.Findings.AsNoTracking());
        var rows = await open.GroupBy(f => new { f.ProductId, f.Severity }).Select(g => new { g.Key.ProductId, g.Key.Severity, Count = g.Count() }).ToListAsync(ct);
        var kev = await open.Where(f => f.CveId != null && db.KevEntries.Any(k => k.CveId == f.CveId)).GroupBy(f => f.ProductId)
            .Select(g => new { ProductId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ProductId, x => x.Count, ct);
        var ids = rows.Select(r => r.ProductId).Distinct().ToList();
        var names = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. rows.GroupBy(r => r.ProductId).Where(g => names.ContainsKey(g.Key))
            .Select(g => new ProductFindingsDto(g.Key, names[g.Key], Counts(g.Select(r => (r.Severity, r.Count)), kev.GetValueOrDefault(g.Key))))
            .OrderByDescending(p => p.Open.Critical).ThenByDescending(p => p.Open.Kev).ThenByDescending(p => p.Open.High).ThenBy(p => p.Product, StringComparer.CurrentCulture)];
    }

    /// <summary>Open critical or KEV findings first seen in the last <paramref name="days"/> days: the dashboard's card.</summary>
    public async Task<FindingDto[]> NewCriticalOrKevAsync(int days = 7, int max = 20, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var query = OpenOnly(db.Findings.AsNoTracking())
            .Where(f => f.FirstSeen >= since && (f.Severity == CvssSeverity.Critical || (f.CveId != null && db.KevEntries.Any(k => k.CveId == f.CveId))));
        return [.. (await ToDtosAsync(db, query, ct)).Take(max)];
    }

    /// <summary>The version's SBOM as CycloneDX 1.6 JSON, with a file name (product, version); <c>Components.NoSbom</c> when it has none.</summary>
    public async Task<(byte[] Content, string FileName)> ExportCycloneDxAsync(Guid versionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (product, version) = await FindVersionAsync(db, versionId, ct);
        var sbom = await db.Sboms.AsNoTracking().Include(s => s.Components).Include(s => s.Dependencies).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.ProductVersionId == versionId, ct) ?? throw ComponentsErrors.NoSbom(versionId).Exception();
        using var output = new MemoryStream();
        Formats.Components.CycloneDxWriter.Write(sbom.ToSbom(), output, clock.GetUtcNow());
        var name = string.Concat($"{product.Name}-{version.Version}".Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-'));
        return (output.ToArray(), name + ".cdx.json");
    }

    /// <summary>
    /// "Am I affected?": every product version the actor sees whose SBOM contains what <paramref name="q"/> names —
    /// a package name, a purl (a version narrows it), a CPE (a version narrows it) or a vulnerability id (through the
    /// findings, aliases included) — with the matching component and its version.
    /// </summary>
    public async Task<AffectedDto> AffectedAsync(string? q, CancellationToken ct = default)
    {
        var query = AffectedQuery.Parse(q);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hits = (await AffectedStore.FindAsync(db, query, MaxHits, ct))
            .Select(h => new AffectedHitDto(h.ProductId, h.Product, h.ProductVersionId, h.Version, h.Component, h.ComponentVersion, h.Purl, h.Cpe, h.VulnerabilityId, h.State))
            .OrderBy(h => h.Product, StringComparer.CurrentCulture).ThenBy(h => h.Version, StringComparer.Ordinal).ThenBy(h => h.Component, StringComparer.Ordinal)
            .ToArray();
        var kind = query.Kind switch
        {
            AffectedQueryKind.PackageName => "name",
            AffectedQueryKind.Purl => "purl",
            AffectedQueryKind.Cpe => "cpe",
            _ => "vulnerability",
        };
        return new AffectedDto(query.Text, kind, hits);
    }

    private static IQueryable<Finding> OpenOnly(IQueryable<Finding> query) =>
        query.Where(f => !f.Suppressed && (f.State == FindingState.InTriage || f.State == FindingState.Exploitable));

    private static SeverityCountsDto Counts(IEnumerable<(CvssSeverity? Severity, int Count)> rows, int kev)
    {
        var by = rows.GroupBy(r => r.Severity).ToDictionary(g => g.Key?.ToString() ?? "", g => g.Sum(r => r.Count));
        int Of(CvssSeverity? s) => by.GetValueOrDefault(s?.ToString() ?? "");
        return new SeverityCountsDto(Of(CvssSeverity.Critical), Of(CvssSeverity.High), Of(CvssSeverity.Medium), Of(CvssSeverity.Low), Of(CvssSeverity.None), Of(null), kev);
    }

    // Findings with their product, version, case number, KEV and EPSS, in a fixed number of queries, the worst first.
    private static async Task<FindingDto[]> ToDtosAsync(ShirubeDbContext db, IQueryable<Finding> findings, CancellationToken ct)
    {
        var rows = await (from f in findings
                          join v in db.Set<ProductVersion>() on f.ProductVersionId equals v.Id
                          join p in db.Products on v.ProductId equals p.Id
                          select new { Finding = f, Product = p.Name, v.Version, CaseNumber = db.Cases.Where(c => c.Id == f.CaseId).Select(c => c.Number).FirstOrDefault() })
            .ToListAsync(ct);
        var cves = rows.Select(r => r.Finding.CveId).OfType<string>().Distinct().ToList();
        var kev = (await db.KevEntries.AsNoTracking().Where(k => cves.Contains(k.CveId)).Select(k => k.CveId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var epss = await db.EpssScores.AsNoTracking().Where(e => cves.Contains(e.CveId)).ToDictionaryAsync(e => e.CveId, ct);
        // Ordered here: SQLite does not order by decimal columns.
        return [.. rows
            .Select(r =>
            {
                var f = r.Finding;
                var score = f.CveId is null ? null : epss.GetValueOrDefault(f.CveId);
                return new FindingDto(f.Id, f.ProductId, r.Product, f.ProductVersionId, r.Version, f.ComponentName, f.ComponentVersion, f.ComponentPurl, f.ComponentCpe,
                    f.VulnerabilityId, [.. f.Aliases], f.CveId, f.Source.ToString().ToLowerInvariant(), f.MatchedBy, f.Summary, f.CvssScore, f.CvssVector, f.Severity?.ToString(),
                    f.CveId is not null && kev.Contains(f.CveId), score?.Probability, score?.Percentile,
                    VexNames.Of(f.State), f.Justification is { } j ? VexNames.Of(j) : null, f.Detail, f.Suppressed, f.SuppressionReason, f.ResolvedByAbsence,
                    f.FirstSeen, f.LastSeen, f.CaseId, r.CaseNumber);
            })
            .OrderByDescending(f => f.CvssScore ?? -1m).ThenByDescending(f => f.Kev).ThenByDescending(f => f.Epss ?? -1m)
            .ThenBy(f => f.Product, StringComparer.CurrentCulture).ThenBy(f => f.Version, StringComparer.Ordinal).ThenBy(f => f.VulnerabilityId, StringComparer.Ordinal)
            .Take(MaxList)];
    }

    /// <summary>The version and its product, through the unit filter: <c>Components.VersionNotFound</c> (404) for a version of another unit.</summary>
    public static async Task<(Product Product, ProductVersion Version)> FindVersionAsync(ShirubeDbContext db, Guid versionId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Versions.Any(v => v.Id == versionId), ct)
            ?? throw ComponentsErrors.VersionNotFound(versionId).Exception();
        return (product, product.Versions.Single(v => v.Id == versionId));
    }
}
