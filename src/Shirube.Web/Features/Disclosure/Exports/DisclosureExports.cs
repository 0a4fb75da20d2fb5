using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Cases;
using Shirube.Domain.Components;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Domain.Disclosure.Vex;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Disclosure.Vex;
using Shirube.Web.Features.Components;

namespace Shirube.Web.Features.Disclosure.Exports;

/// <summary>A file as an export answers it: the bytes, the media type and a file name.</summary>
internal sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>The VEX formats Shirube writes.</summary>
internal enum VexFormat
{
    CycloneDx,
    OpenVex,
    Csaf,
}

/// <summary>
/// Disclosure exports read from the portfolio through the actor's unit filter, as the case and finding views read it:
/// a product version's VEX from its findings, a case's VEX from its affected and fixed versions, the CNA container of a
/// case's CVE and its JVN export. Reads are not audited (no read is, in Shirube); every document is validated against its
/// schema before it is returned, and one that fails is Shirube's bug (a 500), never a file handed out.
/// </summary>
internal sealed partial class DisclosureExports(IDbContextFactory<ShirubeDbContext> contexts, DisclosureSettings settings, CnaSettings cna, TimeProvider clock)
{
    /// <summary>The format named by <c>format=</c>: cyclonedx (the default), openvex or csaf.</summary>
    public static VexFormat FormatOf(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "cyclonedx" => VexFormat.CycloneDx,
        "openvex" => VexFormat.OpenVex,
        "csaf" => VexFormat.Csaf,
        _ => throw CommonErrors.UnknownValue("format", format, "cyclonedx, openvex, csaf").Exception(),
    };

    /// <summary>
    /// The VEX of a product version: one statement per finding, the version named by its SBOM subject's purl and CPE.
    /// Suppressed findings and those resolved because their component left the SBOM are not stated: a suppression
    /// hides a finding without saying anything of the product, and a vanished component is no longer in it.
    /// </summary>
    public async Task<ExportFile> VersionVexAsync(Guid versionId, string? format, CancellationToken ct = default)
    {
        var kind = FormatOf(format);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (product, version) = await ComponentsViews.FindVersionAsync(db, versionId, ct);
        var named = (await ExportVersion.LoadAsync(db, product, [versionId], ct)).Single();
        var findings = await db.Findings.AsNoTracking().Where(f => f.ProductVersionId == versionId && !f.Suppressed && !f.ResolvedByAbsence)
            .ToListAsync(ct);
        Guard.That(findings.Count > 0, () => DisclosureExportErrors.NothingToState($"{product.Name} {version.Version}"));
        var now = clock.GetUtcNow();
        var statements = findings.OrderBy(f => f.VulnerabilityId, StringComparer.Ordinal).ThenBy(f => f.ComponentName, StringComparer.Ordinal)
            .Select(f => (named, VexStatement.FromFinding(f, named.ToVex(), now, ActionOf(f))))
            .ToList();
        var header = new VexDocumentHeader(settings.Publisher, $"{settings.Prefix}-VEX-{versionId.ToString("N", CultureInfo.InvariantCulture)}",
            $"VEX of {product.Name} {version.Version}", TlpLabel.Clear, now);
        return Write(statements, header, kind, $"{product.Name}-{version.Version}");
    }

    /// <summary>
    /// The VEX of a case: its statement on each affected version (under investigation until the analysis is done,
    /// then affected with the remediation plan as the action statement) and each fixed version; not affected on every
    /// listed version once the case is rejected, with its resolution as the impact statement.
    /// </summary>
    public async Task<ExportFile> CaseVexAsync(Guid caseId, string? format, CancellationToken ct = default)
    {
        var kind = FormatOf(format);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (c, product) = await CaseAsync(db, caseId, ct);
        var fixedIds = c.FixedVersions.ToHashSet();
        var versions = await ExportVersion.LoadAsync(db, product, [.. c.AffectedVersions.Union(fixedIds)], ct);
        Guard.That(versions.Count > 0, () => DisclosureExportErrors.NothingToState(c.Number));
        var now = clock.GetUtcNow();
        var statements = versions.Select(v =>
        {
            var status = c.State == CaseState.Rejected ? VexStatus.NotAffected
                : fixedIds.Contains(v.Id) ? VexStatus.Fixed
                : c.State < CaseState.Remediation ? VexStatus.UnderInvestigation
                : VexStatus.Affected;
            var statement = VexStatement.FromCase(c, v.ToVex(), status, now,
                status == VexStatus.Affected && string.IsNullOrWhiteSpace(c.RemediationPlan) ? CsafVex.NoFixYet : null);
            if (status == VexStatus.NotAffected && string.IsNullOrWhiteSpace(statement.ImpactStatement))
                statement = statement with { ImpactStatement = "The report was rejected: the product is not affected." };
            return (v, statement);
        }).ToList();
        var advisory = await db.Advisories.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == caseId, ct);
        var header = new VexDocumentHeader(settings.Publisher, $"{settings.Prefix}-VEX-{c.Number}",
            $"VEX of {c.CveId ?? c.Number}: {advisory?.TitleEn ?? c.Title}", advisory?.Tlp ?? TlpLabel.Amber, now) { OwnId = c.CveId is null ? c.Number : null };
        return Write(statements, header, kind, c.Number);
    }

    /// <summary>The case with its product, through the unit filter: <c>Cases.NotFound</c> (404) for another unit's case.</summary>
    internal static async Task<(VulnerabilityCase Case, Product Product)> CaseAsync(ShirubeDbContext db, Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct) ?? throw CaseErrors.NotFound(caseId).Exception();
        var product = c.ProductId is { } productId
            ? await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == productId, ct)
            : null;
        return (c, product ?? throw AdvisoryErrors.CaseWithoutProduct().Exception());
    }

    // An affected finding whose detail is empty still tells users something: that no fix is out yet.
    private static string? ActionOf(Finding f) =>
        VexStatuses.Of(f.State) == VexStatus.Affected && string.IsNullOrWhiteSpace(f.Detail) ? CsafVex.NoFixYet : null;

    private ExportFile Write(List<(ExportVersion Version, VexStatement Statement)> statements, VexDocumentHeader header, VexFormat kind, string name)
    {
        var file = string.Concat(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '-'));
        if (kind == VexFormat.Csaf)
            return new ExportFile(CsafVex.Write(statements, header), "application/json; charset=utf-8", AdvisoryComposer.FileName(header.TrackingId));
        var document = new VexDocument(Guid.CreateVersion7(), settings.PublisherName, 1, header.Now, [.. statements.Select(s => s.Statement)]);
        using var output = new MemoryStream();
        // Both writers check the document against the format's schema before they write a byte.
        if (kind == VexFormat.OpenVex)
        {
            OpenVexWriter.Write(document, output);
            return new ExportFile(output.ToArray(), "application/json; charset=utf-8", file + ".openvex.json");
        }
        CycloneDxVexWriter.Write(document, output);
        return new ExportFile(output.ToArray(), "application/vnd.cyclonedx+json; version=1.6", file + ".vex.cdx.json");
    }
}
