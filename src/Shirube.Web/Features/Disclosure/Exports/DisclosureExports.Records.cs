using System.Text;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Domain.Disclosure.Records;
using Shirube.Formats.Disclosure.Cve;
using Shirube.Formats.Disclosure.Jvn;

namespace Shirube.Web.Features.Disclosure.Exports;

/// <summary>
/// The settings under Shirube:Disclosure a CNA needs for its CVE records: CnaOrgId (the organisation's UUID in the CVE
/// Program) and CnaShortName (2 to 32 characters). Without CnaOrgId no CVE record is written.
/// </summary>
internal sealed record CnaSettings(Guid? OrgId, string? ShortName)
{
    public static CnaSettings FromConfiguration(IConfiguration config)
    {
        var section = config.GetSection("Shirube:Disclosure");
        return new CnaSettings(Guid.TryParse(section["CnaOrgId"], out var id) && id != Guid.Empty ? id : null,
            string.IsNullOrWhiteSpace(section["CnaShortName"]) ? null : section["CnaShortName"]!.Trim());
    }
}

internal sealed partial class DisclosureExports
{
    /// <summary>
    /// The CVE JSON 5 CNA container (<c>{"cnaContainer": …}</c>) of the case's CVE: vendor (the publisher's name),
    /// product, affected versions as affected and fixed ones as unaffected, with the CPEs and the package URL of their
    /// SBOM subjects; CWE, CVSS; and from the case's advisory, when it has one, the title, descriptions in English and
    /// Japanese, workaround, acknowledgment, and its URL (vendor-advisory) with the fixes' URLs (patch) as references.
    /// Checked against the CVE record schema (5.1, or 5.2 when a package URL is written) before it is returned.
    /// </summary>
    public async Task<ExportFile> CveRecordAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var facts = await FactsAsync(db, caseId, ct);
        var (c, product, advisory) = (facts.Case, facts.Product, facts.Advisory);
        var cve = c.CveId ?? throw DisclosureExportErrors.NoCve(c.Number).Exception();
        var org = cna.OrgId ?? throw DisclosureExportErrors.NoCna().Exception();
        var references = new List<CveReference>();
        if (facts.AdvisoryUrl is { } url)
            references.Add(new CveReference(url) { Name = advisory!.TitleEn, Tags = ["vendor-advisory"] });
        references.AddRange(facts.Fixes.Where(f => f.Url is not null).Select(f => new CveReference(f.Url!) { Name = $"{product.Name} {f.Version.Version}", Tags = ["patch"] }));
        Guard.That(references.Count > 0, () => DisclosureExportErrors.NoReference(c.Number));

        var summaryEn = advisory?.SummaryEn ?? advisory?.DetailsEn ?? c.Title;
        var input = new CveRecordInput(cve, org)
        {
            AssignerShortName = cna.ShortName,
            DatePublic = facts.FirstPublished,
            DateUpdated = facts.Now,
            Title = Shorten(advisory?.TitleEn ?? c.Title, 256),
            Descriptions = [LocalizedText.En(summaryEn), .. Ja(advisory?.SummaryJa ?? advisory?.DetailsJa)],
            Affected =
            [
                new CveAffectedProduct(settings.PublisherName, product.Name)
                {
                    Versions = [.. facts.Affected.Select(v => new CveVersion(v.Version, CveVersionStatus.Affected)),
                        .. facts.Fixes.Select(f => new CveVersion(f.Version.Version, CveVersionStatus.Unaffected))],
                    DefaultStatus = facts.Affected.Count + facts.Fixes.Count == 0 ? CveVersionStatus.Unknown : null,
                    Cpes = [.. facts.Affected.Select(v => v.Cpe).OfType<Domain.Packages.Cpe>().DistinctBy(p => p.ToString())],
                    Purl = facts.Affected.Concat(facts.Fixes.Select(f => f.Version)).Select(v => v.Purl).FirstOrDefault(p => p is not null),
                },
            ],
            ProblemTypes = c.Cwe is { } cwe ? [new CveProblemType(cwe, advisory?.CweName is { } name ? $"{cwe} {name}" : cwe)] : [],
            Cvss31Vector = c.CvssVector?.StartsWith("CVSS:3.1/", StringComparison.Ordinal) == true ? c.CvssVector : advisory?.Cvss31Vector,
            Cvss40Vector = c.CvssVector?.StartsWith("CVSS:4.0/", StringComparison.Ordinal) == true ? c.CvssVector : null,
            References = references,
            Credits = (advisory?.Acknowledgment ?? c.Credit) is { Length: > 0 } who ? [new CveCredit("en", who)] : [],
            Solutions = facts.Fixes.Count == 0 ? [] :
            [
                LocalizedText.En($"Update {product.Name} to {string.Join(" or ", facts.Fixes.Select(f => f.Version.Version))}."),
                LocalizedText.Ja($"{product.Name} を {string.Join("、", facts.Fixes.Select(f => f.Version.Version))} に更新してください。"),
            ],
            Workarounds = [.. En(advisory?.WorkaroundEn), .. Ja(advisory?.WorkaroundJa)],
        };
        if (CveRecordWriter.Problems(input) is [var first, ..])
            throw DisclosureExportErrors.Incomplete("CVE", first.Field, first.Reason).Exception();
        using var output = new MemoryStream();
        CveRecordWriter.Write(input, output);
        return new ExportFile(output.ToArray(), "application/json; charset=utf-8", cve + ".json");
    }

    /// <summary>
    /// What JPCERT/CC needs for a JVN publication: the VULDEF 3.2 document (<c>format=vuldef</c>, the default) or the
    /// vendor statement in Japanese Markdown (<c>format=statement</c>), from the case, its product and versions, and the
    /// Japanese texts of its advisory when it has one (title, summary, impact, workaround; the case's title otherwise).
    /// </summary>
    public async Task<ExportFile> JvnAsync(Guid caseId, string? format, CancellationToken ct = default)
    {
        var statement = format?.ToLowerInvariant() switch
        {
            null or "" or "vuldef" => false,
            "statement" => true,
            _ => throw CommonErrors.UnknownValue("format", format, "vuldef, statement").Exception(),
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        var facts = await FactsAsync(db, caseId, ct);
        var (c, product, advisory) = (facts.Case, facts.Product, facts.Advisory);
        var impact = advisory?.ImpactJa;
        var vector = c.CvssVector?.StartsWith("CVSS:3.", StringComparison.Ordinal) == true ? c.CvssVector : advisory?.Cvss31Vector;
        var input = new JvnExportInput(advisory?.TitleJa ?? c.Title, advisory?.SummaryJa ?? advisory?.DetailsJa ?? c.Title, settings.PublisherName)
        {
            VendorStatus = c.State == CaseState.Rejected ? JvnVendorStatus.NotAffected : facts.Affected.Count > 0 ? JvnVendorStatus.Affected : JvnVendorStatus.Unknown,
            Products = facts.Affected.Count == 0 || c.State == CaseState.Rejected ? [] :
            [
                new JvnProduct(product.Name, string.Join("、", facts.Affected.Select(v => v.Version)))
                {
                    Cpe = facts.Affected.Select(v => v.Cpe).FirstOrDefault(p => p is not null),
                    FixedVersion = facts.Fixes.Select(f => f.Version.Version).FirstOrDefault(),
                },
            ],
            // VULDEF keeps the score inside the impact: without the advisory's impact text the score is left out.
            Impact = impact,
            Cvss3Vector = impact is null ? null : vector,
            Solutions =
            [
                .. facts.Fixes.Select(f => new JvnSolution(JvnSolutionKind.Fix, $"{product.Name} を {f.Version.Version} 以降に更新してください。") { Url = f.Url }),
                .. (advisory?.WorkaroundJa is { } workaround ? [new JvnSolution(JvnSolutionKind.Workaround, workaround)] : Array.Empty<JvnSolution>()),
            ],
            CveIds = c.CveId is { } cve ? [cve] : [],
            Cwes = c.Cwe is { } cwe ? [new JvnWeakness(cwe)] : [],
            VendorAdvisory = facts.AdvisoryUrl is { } url ? new JvnLink(advisory!.TitleJa, url) : null,
            DateFirstPublished = facts.FirstPublished ?? facts.Now,
            DateLastUpdated = facts.LastPublished,
        };
        if (JvnExport.Problems(input) is [var first, ..])
            throw DisclosureExportErrors.Incomplete("JVN", first.Field, first.Reason).Exception();
        if (statement)
            return new ExportFile(Encoding.UTF8.GetBytes(JvnExport.VendorStatement(input)), "text/markdown; charset=utf-8", c.Number + "-jvn.md");
        using var output = new MemoryStream();
        JvnExport.WriteVuldef(input, output);
        return new ExportFile(output.ToArray(), "application/xml; charset=utf-8", c.Number + "-vuldef.xml");
    }

    /// <summary>A fixed version with the URL and date the advisory gives its fix.</summary>
    private sealed record FixFacts(ExportVersion Version, Uri? Url);

    /// <summary>What the CVE and JVN exports read: the case, its product and versions, its advisory and where it is published.</summary>
    private sealed record CaseFacts(VulnerabilityCase Case, Domain.Portfolio.Product Product, Advisory? Advisory, Uri? AdvisoryUrl,
        IReadOnlyList<ExportVersion> Affected, IReadOnlyList<FixFacts> Fixes, DateTimeOffset? FirstPublished, DateTimeOffset? LastPublished, DateTimeOffset Now);

    private async Task<CaseFacts> FactsAsync(ShirubeDbContext db, Guid caseId, CancellationToken ct)
    {
        var (c, product) = await CaseAsync(db, caseId, ct);
        var advisory = await db.Advisories.AsNoTracking().Include(a => a.Revisions).SingleOrDefaultAsync(a => a.CaseId == caseId, ct);
        var fixedIds = c.FixedVersions.ToHashSet();
        var versions = await ExportVersion.LoadAsync(db, product, [.. c.AffectedVersions.Union(fixedIds)], ct);
        var now = clock.GetUtcNow();
        var revisions = advisory?.Revisions.OrderBy(r => r.Number).Select(r => new DateTimeOffset(DateTime.SpecifyKind(r.Date, DateTimeKind.Utc))).ToList() ?? [];
        return new CaseFacts(c, product, advisory, advisory is null ? null : settings.SelfUrl(advisory, "en", now.UtcDateTime),
            [.. versions.Where(v => !fixedIds.Contains(v.Id))],
            [.. versions.Where(v => fixedIds.Contains(v.Id)).Select(v => new FixFacts(v, advisory?.Fixes.FirstOrDefault(f => f.VersionId == v.Id)?.Url))],
            revisions.Count > 0 ? revisions[0] : null, revisions.Count > 0 ? revisions[^1] : null, now);
    }

    private static LocalizedText[] En(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [LocalizedText.En(text)];

    private static LocalizedText[] Ja(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [LocalizedText.Ja(text)];

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
