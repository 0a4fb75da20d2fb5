using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Suppliers;
using Shirube.Formats.Vulnerabilities;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Disclosure.Provider;

namespace Shirube.Web.Features.Vulnerabilities.Suppliers;

/// <summary>A supplier as a PSIRT lead configures it: a name, the provider-metadata.json URL or the provider's domain, on or off.</summary>
internal sealed record SupplierRequest(string? Name, string? Url, bool? Enabled);

/// <summary>
/// Configures upstream CSAF providers and syncs them: the CSAF downloader fetches and checks every document (hash,
/// signature, TLP, validator), the CSAF reader turns the accepted ones into vulnerability records, and all of them are
/// imported in one go through <see cref="VulnerabilitiesCommands.ApplyAsync"/> — all or nothing per sync. Each
/// supplier keeps its last outcome: when, documents accepted, records imported, new findings, and every refused file
/// with its reason and URL. PSIRT leads only (changes are audited as every change is).
/// </summary>
internal sealed class SuppliersCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, CsafDownloader downloader,
    VulnerabilitiesCommands vulnerabilities, TimeProvider clock)
{
    /// <summary>Configures a supplier.</summary>
    public async Task<Guid> CreateAsync(SupplierRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.PsirtLeads);
        var provider = SupplierProvider.Configure(request.Name, MetadataUrlOf(request.Url), request.Enabled ?? true, actor.UserName, clock.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var taken = await db.SupplierProviders.AsNoTracking().Select(p => p.MetadataUrl).ToListAsync(ct);
        Guard.That(!taken.Contains(provider.MetadataUrl), () => SupplierErrors.AlreadyConfigured(provider.MetadataUrl));
        db.SupplierProviders.Add(provider);
        await db.SaveChangesAsync(ct);
        return provider.Id;
    }

    /// <summary>Turns a supplier's syncing on or off.</summary>
    public async Task EnableAsync(Guid id, bool enabled, CancellationToken ct = default)
    {
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.SupplierProviders.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw SupplierErrors.NotFound(id).Exception();
        provider.Enable(enabled);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a supplier; the records it brought stay (they are vulnerability data like any other).</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.SupplierProviders.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw SupplierErrors.NotFound(id).Exception();
        db.SupplierProviders.Remove(provider);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Syncs a supplier now and keeps the outcome; refused files and a failed import are part of the outcome, not errors.</summary>
    public async Task SyncAsync(Guid id, CancellationToken ct = default)
    {
        actor.Require(Roles.PsirtLeads);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var provider = await db.SupplierProviders.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw SupplierErrors.NotFound(id).Exception();
        Guard.That(provider.Enabled, () => SupplierErrors.Disabled(provider.Name));
        var at = clock.GetUtcNow().UtcDateTime;
        var report = await downloader.DownloadAsync(provider.MetadataUrl, null, ct);
        var refusals = new List<SupplierRefusal>();
        if (report.Refusal is { } refusal)
        {
            provider.Record(new SupplierSync(at, SupplierSyncOutcome.Failed, 0, 0, 0, refusal.Message, [Refused(refusal)]));
            await db.SaveChangesAsync(ct);
            return;
        }
        refusals.AddRange(report.Problems.Concat(report.Refused).Select(Refused));
        var records = new List<VulnerabilityRecord>();
        var accepted = 0;
        foreach (var document in report.Accepted)
        {
            // The downloader has checked the document; the reader adds its own rules (its TLP bound, the records it can make).
            try
            {
                records.AddRange(CsafReader.Read(document.Utf8, document.Url.Segments[^1]).Records);
                accepted++;
            }
            catch (VulnerabilityFormatException e)
            {
                refusals.Add(new SupplierRefusal(document.Url.ToString(), "Unreadable", $"{document.Url}: {e.Path}: {e.Reason}"));
            }
            catch (CsafTlpException e)
            {
                refusals.Add(new SupplierRefusal(document.Url.ToString(), "Restricted", $"{document.Url} is TLP:{e.Label}, which is not shown to every user."));
            }
        }
        SupplierSync sync;
        try
        {
            var imported = records.Count == 0 ? null : await vulnerabilities.ApplyAsync("csaf", records, ct);
            sync = new SupplierSync(at, SupplierSyncOutcome.Imported, accepted, imported?.Records ?? 0, imported?.NewFindings ?? 0, null, refusals);
        }
        catch (DomainException e)
        {
            sync = new SupplierSync(at, SupplierSyncOutcome.Failed, accepted, 0, 0, e.Error.ToString(), refusals);
        }
        provider.Record(sync);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An absolute http(s) URL as given, or the well-known provider-metadata.json URL of a domain.</summary>
    internal static Uri? MetadataUrlOf(string? text)
    {
        var given = text?.Trim() ?? "";
        if (given.Contains("://", StringComparison.Ordinal))
            return Uri.TryCreate(given, UriKind.Absolute, out var url) ? url : throw SupplierErrors.NotAUrl(text).Exception();
        return given.Length > 0 && Uri.CheckHostName(given.TrimEnd('/')) is UriHostNameType.Dns or UriHostNameType.IPv4 ? CsafDownloader.WellKnownUrl(given)
            : throw SupplierErrors.NotAUrl(text).Exception();
    }

    private static SupplierRefusal Refused(CsafRefusal r) => new(r.Url.ToString(), r.Reason.ToString(), r.Message);
}
