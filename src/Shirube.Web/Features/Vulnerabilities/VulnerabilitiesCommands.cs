using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Components;
using Shirube.Domain.Vulnerabilities;
using Shirube.Formats.Vulnerabilities;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Components;
using Shirube.Web.Features.Notices.Delivery;

namespace Shirube.Web.Features.Vulnerabilities;

/// <summary>
/// What an import of vulnerability data did: records read, stored, and what it changed in the portfolio; for a CSAF
/// advisory, how many affected products named no purl or CPE to match by.
/// </summary>
internal sealed record VulnerabilityImportDto(string Source, int Records, int Added, int Updated, int Unchanged, int VersionsReevaluated, int NewFindings)
{
    public int SkippedProducts { get; init; }
}

/// <summary>
/// Imports vulnerability data (an OSV record, directory archive or all.zip; an NVD CVE API 2.0 page; JVN VULDEF or
/// JVNRSS XML; a supplier's CSAF 2.0 advisory), all or nothing: every record is read and checked before one is stored. Then only the product versions
/// whose components carry a package a new or changed record names are matched again, and their owners hear of new
/// findings by mail and webhook. PSIRT leads only (and the system's scheduled sync).
/// </summary>
internal sealed class VulnerabilitiesCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, IComponentMatcher matcher,
    ComponentsCommands components, NoticeDelivery delivery, TimeProvider clock)
{
    /// <summary>The largest upload accepted (an ecosystem's all.zip is tens of MiB).</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>Reads a file of vulnerability data, recognised by its content, and imports it.</summary>
    public async Task<VulnerabilityImportDto> ImportAsync(Stream upload, string? fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        actor.Require(Roles.PsirtLeads);
        var name = string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName);
        var temp = Path.Combine(Path.GetTempPath(), $"shirube-vulns-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await new Formats.Exploitation.BoundedReadStream(upload, MaxUploadBytes, name).CopyToAsync(file, ct);
            Guard.That(new FileInfo(temp).Length > 0, ComponentsErrors.SbomMissing());
            var (source, records, skipped) = await ReadFileAsync(temp, name, ct);
            return await ApplyAsync(source, records, ct) with { SkippedProducts = skipped };
        }
        catch (VulnerabilityFormatException e)
        {
            throw VulnerabilityErrors.Unreadable(e.File, e.Path, e.Reason).Exception();
        }
        catch (CsafTlpException e)
        {
            throw VulnerabilityErrors.Restricted(e.File, e.Label).Exception();
        }
        catch (Formats.Exploitation.FeedFormatException e)
        {
            throw VulnerabilityErrors.Unreadable(e.File, e.Path, e.Reason).Exception();
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Reads every record of a file: OSV zip, NVD JSON, CSAF JSON, OSV JSON or JVN XML, told apart by their first bytes.</summary>
    public static async Task<(string Source, IReadOnlyList<VulnerabilityRecord> Records)> ReadAsync(string path, string name, CancellationToken ct)
    {
        var (source, records, _) = await ReadFileAsync(path, name, ct);
        return (source, records);
    }

    // As ReadAsync, with the number of a CSAF advisory's affected products that name nothing to match by.
    private static async Task<(string Source, IReadOnlyList<VulnerabilityRecord> Records, int SkippedProducts)> ReadFileAsync(string path, string name, CancellationToken ct)
    {
        var head = new byte[4096];
        int read;
        await using (var peek = File.OpenRead(path))
            read = await peek.ReadAsync(head, ct);
        var start = head.AsSpan(0, read);
        if (start.StartsWith("PK"u8))
        {
            var all = new List<VulnerabilityRecord>();
            await foreach (var record in OsvReader.ReadZipFileAsync(path, null, ct))
                all.Add(record);
            return ("osv", all, 0);
        }
        var text = System.Text.Encoding.UTF8.GetString(start).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        await using var stream = File.OpenRead(path);
        if (text.StartsWith('<'))
            return ("jvn", JvnReader.Read(stream, name), 0);
        switch (JsonKind(text))
        {
            case "csaf":
                var advisory = await CsafReader.ReadAsync(stream, name, ct: ct);
                return ("csaf", advisory.Records, advisory.Skipped.Count);
            case "nvd":
                return ("nvd", (await NvdReader.ReadAsync(stream, name, ct)).Records, 0);
            default:
                return ("osv", [await OsvReader.ReadAsync(stream, name, null, ct)], 0);
        }
    }

    // From the first property of the top-level object: a CSAF document has "document" and "product_tree" (which OSV
    // and NVD never have); an NVD page starts with resultsPerPage/format/vulnerabilities, a CVE item with "cve".
    // Both NVD and CSAF have "vulnerabilities": in CSAF an entry's "cve" is a string, in NVD an object.
    private static string? JsonKind(string start)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(start), isFinalBlock: false, state: default);
        string? first = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                    continue;
                var property = reader.GetString();
                if (reader.CurrentDepth == 1 && first is null)
                {
                    first = property;
                    if (first is "document" or "product_tree")
                        return "csaf";
                    if (first is not "vulnerabilities")
                        return first is "resultsPerPage" or "startIndex" or "totalResults" or "format" or "version" or "timestamp" or "cve" or "sourceIdentifier" ? "nvd" : null;
                }
                else if (reader.CurrentDepth == 3 && property == "cve" && reader.Read())
                {
                    return reader.TokenType == JsonTokenType.String ? "csaf" : "nvd";
                }
            }
        }
        catch (JsonException)
        {
        }
        return first is "vulnerabilities" ? "nvd" : null;
    }

    /// <summary>
    /// Stores <paramref name="records"/> (a record not newer than the stored one changes nothing), tells the matcher,
    /// matches again the product versions the changed records name, and notifies the owners of new findings.
    /// </summary>
    public async Task<VulnerabilityImportDto> ApplyAsync(string source, IReadOnlyList<VulnerabilityRecord> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        actor.Require(Roles.PsirtLeads);
        var started = clock.GetUtcNow().UtcDateTime;
        VulnerabilityStore.UpsertResult stored;
        var versions = new HashSet<Guid>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            stored = await VulnerabilityStore.UpsertAsync(db, records, ct);
            foreach (var record in stored.Changed)
            {
                matcher.Upsert(record);
                versions.UnionWith(await VulnerabilityStore.VersionsNamedByAsync(db, record, ct));
            }
        }
        var newFindings = 0;
        foreach (var version in versions)
        {
            var changed = await components.ReevaluateAsync(version, ct);
            newFindings += changed.Added;
            if (changed.Added > 0)
                await NotifyAsync(version, started, ct);
        }
        return new VulnerabilityImportDto(source, records.Count, stored.Added, stored.Updated, stored.Unchanged, versions.Count, newFindings);
    }

    // One notice per product version with new findings, to the product's owners and the webhooks.
    private async Task NotifyAsync(Guid versionId, DateTime since, CancellationToken ct)
    {
        if (!delivery.IsConfigured)
            return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var fresh = await db.Findings.AsNoTracking().Where(f => f.ProductVersionId == versionId && f.FirstSeen >= since)
            .OrderByDescending(f => f.CvssScore).Take(20).ToListAsync(ct);
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Versions.Any(v => v.Id == versionId), ct);
        if (product is null || fresh.Count == 0)
            return;
        var version = product.Versions.Single(v => v.Id == versionId).Version;
        var subject = $"{product.Name} {version}";
        var notice = new OutboundNotice("NewFindings", subject, $"{fresh.Count} new findings in {subject}", $"{subject} に新しい検出が {fresh.Count} 件", $"/products/{product.Id}/versions/{versionId}/components")
        {
            Owners = product.Owners,
            Lines = [.. fresh.Select(f => (Line(f, "en"), Line(f, "ja")))],
            Data = new System.Text.Json.Nodes.JsonObject
            {
                ["productId"] = product.Id.ToString(),
                ["versionId"] = versionId.ToString(),
                ["findings"] = new System.Text.Json.Nodes.JsonArray([.. fresh.Select(f => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
                {
                    ["vulnerability"] = f.VulnerabilityId,
                    ["component"] = f.ComponentName,
                    ["version"] = f.ComponentVersion,
                    ["purl"] = f.ComponentPurl,
                    ["cvss"] = f.CvssScore,
                })]),
            },
        };
        await delivery.DeliverAsync(notice, ct);
    }

    private static string Line(Finding f, string language)
    {
        var score = f.CvssScore is { } s ? s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-";
        var component = $"{f.ComponentName} {f.ComponentVersion}".Trim();
        return language == "ja" ? $"{f.VulnerabilityId}: {component}(CVSS {score})" : $"{f.VulnerabilityId} in {component} (CVSS {score})";
    }
}

/// <summary>The refusals of the vulnerability data feature (texts in ja and en: Error.Vulnerabilities.*).</summary>
internal static class VulnerabilityErrors
{
    private const string Prefix = "Vulnerabilities";

    /// <summary>The file is not vulnerability data Shirube reads, or a record in it is not valid; names the file and the place.</summary>
    public static DomainError Unreadable(string file, string path, string reason) => DomainError.Invalid(DomainError.CodeOf(Prefix), "file", file, path, reason);

    /// <summary>A CSAF advisory whose TLP label (AMBER, RED) keeps it from being shown to every user.</summary>
    public static DomainError Restricted(string file, string label) => DomainError.Invalid(DomainError.CodeOf(Prefix), "file", file, label);
}
