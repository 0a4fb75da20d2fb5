using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Cases;
using Shirube.Domain.Components;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Vulnerabilities.Matching;
using Shirube.Formats.Components;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Cases;

namespace Shirube.Web.Features.Components;

internal sealed record TriageRequest(string? State, string? Justification, string? Detail);

internal sealed record BulkTriageRequest(Guid[]? Ids, string? State, string? Justification, string? Detail);

internal sealed record SuppressRequest(string? Reason);

/// <summary>What an import or a re-evaluation did to a version's findings.</summary>
internal sealed record FindingsChanged(int Added, int Kept, int Vanished);

/// <summary>An imported SBOM with what matching found.</summary>
internal sealed record SbomImported(SbomDto Sbom, FindingsChanged Findings);

/// <summary>
/// Changes to SBOMs and findings, shared by the API and the pages: writers only, through the unit filter (a version,
/// a finding of another unit is not found). Every change is audited by the context; findings keep their own history.
/// </summary>
internal sealed class ComponentsCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock,
    SbomParser parse, IComponentMatcher matcher, CaseCommands cases)
{
    /// <summary>The largest SBOM accepted.</summary>
    public const long MaxSbomBytes = 64L * 1024 * 1024;

    /// <summary>The most findings one bulk triage changes.</summary>
    public const int MaxBulk = 1000;

    /// <summary>Reads an uploaded SBOM and imports it (see <see cref="ImportAsync(Guid, Sbom, string, CancellationToken)"/>).</summary>
    public async Task<SbomImported> ImportAsync(Guid versionId, Stream content, string? fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        actor.Require(Roles.Writers);
        var name = string.IsNullOrWhiteSpace(fileName) ? "sbom" : Path.GetFileName(fileName);
        await RequireVersionAsync(versionId, ct);
        Sbom sbom;
        try
        {
            sbom = parse(content, name);
        }
        catch (SbomFormatException e)
        {
            throw ComponentsErrors.SbomUnreadable(e.File, e.Path, e.Reason).Exception();
        }
        return await ImportAsync(versionId, sbom, name, ct);
    }

    /// <summary>
    /// Keeps <paramref name="sbom"/> as the version's SBOM, replacing the one it had, and sets the version's findings
    /// from what the matcher finds in it: all in one transaction, so a failure leaves the previous SBOM and findings.
    /// </summary>
    public async Task<SbomImported> ImportAsync(Guid versionId, Sbom sbom, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sbom);
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (product, version) = await ComponentsViews.FindVersionAsync(db, versionId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = ProductSbom.Import(product.BusinessUnitId, product.Id, version.Id, sbom, fileName, actor.UserName, Now);
        await SbomStore.ReplaceAsync(db, stored, ct);
        var changed = await ApplyAsync(db, product, version.Id, await matcher.MatchAsync(db, stored.ToSbomComponents(), ct), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SbomImported(ComponentsViews.ToDto(stored, product, version), changed);
    }

    /// <summary>Matches the version's stored SBOM again (after new vulnerability data) and sets its findings.</summary>
    public async Task<FindingsChanged> ReevaluateAsync(Guid versionId, CancellationToken ct = default)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (product, version) = await ComponentsViews.FindVersionAsync(db, versionId, ct);
        var sbom = await db.Sboms.AsNoTracking().Include(s => s.Components).SingleOrDefaultAsync(s => s.ProductVersionId == versionId, ct)
            ?? throw ComponentsErrors.NoSbom(versionId).Exception();
        var changed = await ApplyAsync(db, product, version.Id, await matcher.MatchAsync(db, sbom.ToSbomComponents(), ct), ct);
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>
    /// Sets a version's findings from <paramref name="matches"/>: new ones are added in triage; those found again keep
    /// their triage and take what the record says now; those no match finds any more are resolved by absence (kept
    /// with their history, and back in triage should they match again).
    /// </summary>
    public async Task<FindingsChanged> SetFindingsAsync(Guid versionId, IReadOnlyList<ComponentMatch> matches, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(matches);
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (product, version) = await ComponentsViews.FindVersionAsync(db, versionId, ct);
        var changed = await ApplyAsync(db, product, version.Id, matches, ct);
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>Sets one finding's analysis.</summary>
    public Task TriageAsync(Guid id, TriageRequest request, CancellationToken ct = default) =>
        TriageAsync(new BulkTriageRequest([id], request?.State, request?.Justification, request?.Detail), ct);

    /// <summary>Sets the same analysis on many findings, all or none (<c>Components.FindingNotFound</c> names the first one not found).</summary>
    public async Task<int> TriageAsync(BulkTriageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.Require(Roles.Writers);
        var ids = (request.Ids ?? []).Distinct().ToList();
        Guard.That(ids.Count is > 0 and <= MaxBulk, () => ComponentsErrors.BulkSize(MaxBulk));
        if (!VexNames.TryParse<FindingState>(request.State, out var state))
            throw ComponentsErrors.UnknownState(request.State, VexNames.All<FindingState>()).Exception();
        FindingJustification? justification = null;
        if (!string.IsNullOrWhiteSpace(request.Justification))
        {
            if (!VexNames.TryParse<FindingJustification>(request.Justification, out var j))
                throw ComponentsErrors.UnknownJustification(request.Justification, VexNames.All<FindingJustification>()).Exception();
            justification = j;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var findings = await db.Findings.Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        var missing = ids.FirstOrDefault(id => findings.All(f => f.Id != id));
        Guard.That(missing == Guid.Empty, () => ComponentsErrors.FindingNotFound(missing));
        foreach (var finding in findings)
            finding.Triage(state, justification, request.Detail, actor.UserName, Now);
        await db.SaveChangesAsync(ct);
        return findings.Count;
    }

    /// <summary>Suppresses a finding for a reason (audited, and kept in its history).</summary>
    public Task SuppressAsync(Guid id, string? reason, CancellationToken ct = default) =>
        ChangeAsync(id, f => f.Suppress(reason, actor.UserName, Now), ct);

    /// <summary>Lifts a finding's suppression.</summary>
    public Task UnsuppressAsync(Guid id, CancellationToken ct = default) =>
        ChangeAsync(id, f => f.Unsuppress(actor.UserName, Now), ct);

    /// <summary>
    /// Opens a vulnerability case from a finding, through the Cases feature: product, version, component, CVE and CVSS
    /// filled in; the finding is linked to it in the same transaction and from then on follows its outcome.
    /// </summary>
    public async Task<CaseOpened> OpenCaseAsync(Guid findingId, CancellationToken ct = default)
    {
        actor.Require(Roles.Writers);
        Finding finding;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            finding = await db.Findings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == findingId, ct) ?? throw ComponentsErrors.FindingNotFound(findingId).Exception();
            if (finding.CaseId is { } existing)
            {
                var number = await db.Cases.Where(c => c.Id == existing).Select(c => c.Number).SingleOrDefaultAsync(ct);
                throw ComponentsErrors.CaseExists(number ?? existing.ToString()).Exception();
            }
        }
        var component = finding.ComponentVersion is null ? finding.ComponentName : $"{finding.ComponentName} {finding.ComponentVersion}";
        var title = $"{finding.VulnerabilityId} in {component}";
        if (title.Length > VulnerabilityCase.MaxTitle)
            title = title[..(VulnerabilityCase.MaxTitle - 1)] + "…";
        var description = string.Join('\n', new[]
        {
            finding.Summary ?? finding.VulnerabilityId,
            string.Empty,
            $"Component: {component}" + (finding.ComponentPurl is null ? string.Empty : $" ({finding.ComponentPurl})"),
            finding.ComponentCpe is null ? null : $"CPE: {finding.ComponentCpe}",
            finding.Aliases.Count == 0 ? null : $"Aliases: {string.Join(", ", finding.Aliases)}",
            $"Matched by: {finding.MatchedBy}",
            finding.CvssScore is { } score ? string.Create(CultureInfo.InvariantCulture, $"CVSS: {score:0.0} {finding.CvssVector}") : null,
            $"Finding: {finding.Id}",
        }.Where(l => l is not null));
        return await cases.OpenAsync(
            new CaseOpening(title, description, finding.ProductId, [finding.ProductVersionId], finding.CveId, finding.CvssVector),
            async (db, opened) =>
            {
                var linked = await db.Findings.SingleOrDefaultAsync(f => f.Id == findingId, ct) ?? throw ComponentsErrors.FindingNotFound(findingId).Exception();
                linked.LinkCase(opened.Id, opened.Number, actor.UserName, Now);
            });
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<FindingsChanged> ApplyAsync(ShirubeDbContext db, Product product, Guid versionId, IReadOnlyList<ComponentMatch> matches, CancellationToken ct)
    {
        var outcome = await FindingStore.ApplyAsync(db, product.BusinessUnitId, product.Id, versionId, matches, actor.UserName, Now, ct);
        return new FindingsChanged(outcome.Added, outcome.Kept, outcome.Vanished);
    }

    private async Task ChangeAsync(Guid id, Action<Finding> change, CancellationToken ct)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw ComponentsErrors.FindingNotFound(id).Exception();
        change(finding);
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireVersionAsync(Guid versionId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await ComponentsViews.FindVersionAsync(db, versionId, ct);
    }
}

/// <summary>Findings follow the case opened from them: remediation makes them exploitable, the fix's release resolves them, a rejection makes them not affected.</summary>
internal sealed class FindingsFollowCases(CurrentActor actor, TimeProvider clock) : ICaseFollower
{
    public async Task FollowAsync(ShirubeDbContext db, VulnerabilityCase movedCase, string? reason)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(movedCase);
        if (Finding.StateAfter(movedCase.State) is null)
            return;
        var linked = await db.Findings.Where(f => f.CaseId == movedCase.Id).ToListAsync();
        foreach (var finding in linked)
            finding.FollowCase(movedCase.State, movedCase.Number, reason, actor.UserName, clock.GetUtcNow().UtcDateTime);
    }
}
