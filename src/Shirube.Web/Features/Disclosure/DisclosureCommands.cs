using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Domain.Scoring;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Disclosure;

internal sealed record FixRequest(Guid VersionId, string? Url, DateOnly? Date);

/// <summary>A change of an advisory's texts: fields left out (null) keep their value, a blank one clears it; fixes, when given, replace them all.</summary>
internal sealed record UpdateAdvisoryRequest(string? Tlp, string? TitleJa, string? TitleEn, string? SummaryJa, string? SummaryEn, string? DetailsJa, string? DetailsEn,
    string? WorkaroundJa, string? WorkaroundEn, string? MitigationJa, string? MitigationEn, string? ImpactJa, string? ImpactEn,
    string? Acknowledgment, string? CweName, string? Cvss31Vector, string? RevisionSummaryJa, string? RevisionSummaryEn, FixRequest[]? Fixes);

internal sealed record PublishRequest(string? Release);

/// <summary>
/// Changes to advisories, shared by the API and the editor page: writers draft and edit within their units, a PSIRT
/// role approves (never the last editor) and publishes (never during the case's embargo, never an invalid document).
/// Every change is saved with its audit entries.
/// </summary>
internal sealed class DisclosureCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock, DisclosureSettings settings)
{
    /// <summary>
    /// Drafts the advisory of a case: titles from the case's, acknowledgment from its credit, a vendor fix for each fixed
    /// version, the next tracking id of the year. <c>Advisories.AlreadyExists</c> when the case has one.
    /// </summary>
    public async Task<Guid> CreateAsync(Guid caseId)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId) ?? throw CaseErrors.NotFound(caseId).Exception();
        Guard.That(c.ProductId is not null && c.BusinessUnitId is not null, AdvisoryErrors.CaseWithoutProduct());
        // Across units: the tracking id and the one-advisory-per-case rule hold for the whole company.
        var all = db.Advisories.IgnoreQueryFilters();
        Guard.That(!await all.AnyAsync(a => a.CaseId == caseId), () => AdvisoryErrors.AlreadyExists(caseId));
        var now = Now;
        var start = TrackingId.YearStart(settings.Prefix, now.Year);
        var taken = await all.Where(a => a.TrackingId.StartsWith(start)).Select(a => a.TrackingId).ToListAsync();
        var sequence = taken.Select(t => int.TryParse(t[start.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var advisory = Advisory.Draft(caseId, c.BusinessUnitId.Value, TrackingId.Format(settings.Prefix, now.Year, sequence), new AdvisoryContent
        {
            TitleJa = c.Title,
            TitleEn = c.Title,
            Acknowledgment = c.Credit,
            Fixes = [.. c.FixedVersions.Select(v => new AdvisoryFix(v, null, c.PlannedRelease))],
        }, actor.UserName, now);
        db.Advisories.Add(advisory);
        await db.SaveChangesAsync();
        return advisory.Id;
    }

    /// <summary>Edits the texts; an advisory in review or approved goes back to draft, a published one starts its next revision.</summary>
    public Task UpdateAsync(Guid id, UpdateAdvisoryRequest request) => ChangeAsync(id, Roles.Writers, (_, a, c) =>
    {
        a.Edit(ContentOf(a, c, request), actor.UserName, Now);
        return Task.CompletedTask;
    });

    /// <summary>
    /// The advisory's texts with a change applied (fields left out keep their value), checked as a save checks them;
    /// the editor's live preview composes from it without saving.
    /// </summary>
    public static AdvisoryContent ContentOf(Advisory a, VulnerabilityCase c, UpdateAdvisoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        var old = a.Content;
        var tlp = old.Tlp;
        if (request.Tlp is not null && !EnumNames.TryParse(request.Tlp, out tlp))
            throw CommonErrors.UnknownValue("tlp", request.Tlp, string.Join(", ", Enum.GetNames<TlpLabel>())).Exception();
        var fixes = old.Fixes;
        if (request.Fixes is { } given)
        {
            var notFixed = given.FirstOrDefault(f => !c.FixedVersions.Contains(f.VersionId));
            Guard.That(notFixed is null, () => AdvisoryErrors.NotAFixedVersion(notFixed!.VersionId));
            fixes = [.. given.Select(f => new AdvisoryFix(f.VersionId, Url(f.Url), f.Date))];
        }
        var vector = request.Cvss31Vector ?? old.Cvss31Vector;
        if (!string.IsNullOrWhiteSpace(vector))
            vector = Cvss3Vector.TryParse(vector.Trim(), out var parsed, out var error) && parsed.Version == CvssVersion.V31
                ? parsed.ToString()
                : throw AdvisoryErrors.NotACvss31Vector(error ?? vector).Exception();
        var cweName = request.CweName ?? old.CweName;
        Guard.That(string.IsNullOrWhiteSpace(cweName) || c.Cwe is not null, AdvisoryErrors.CweNameWithoutCwe());
        return new AdvisoryContent
        {
            Tlp = tlp,
            TitleJa = request.TitleJa ?? old.TitleJa,
            TitleEn = request.TitleEn ?? old.TitleEn,
            SummaryJa = request.SummaryJa ?? old.SummaryJa,
            SummaryEn = request.SummaryEn ?? old.SummaryEn,
            DetailsJa = request.DetailsJa ?? old.DetailsJa,
            DetailsEn = request.DetailsEn ?? old.DetailsEn,
            WorkaroundJa = request.WorkaroundJa ?? old.WorkaroundJa,
            WorkaroundEn = request.WorkaroundEn ?? old.WorkaroundEn,
            MitigationJa = request.MitigationJa ?? old.MitigationJa,
            MitigationEn = request.MitigationEn ?? old.MitigationEn,
            ImpactJa = request.ImpactJa ?? old.ImpactJa,
            ImpactEn = request.ImpactEn ?? old.ImpactEn,
            Acknowledgment = request.Acknowledgment ?? old.Acknowledgment,
            CweName = cweName,
            Cvss31Vector = vector,
            RevisionSummaryJa = request.RevisionSummaryJa ?? old.RevisionSummaryJa,
            RevisionSummaryEn = request.RevisionSummaryEn ?? old.RevisionSummaryEn,
            Fixes = fixes,
        };
    }

    /// <summary>Submits the draft for review.</summary>
    public Task SubmitAsync(Guid id) => ChangeAsync(id, Roles.Writers, (_, a, _) =>
    {
        a.Submit(actor.UserName);
        return Task.CompletedTask;
    });

    /// <summary>Sends the advisory in review back to its editors.</summary>
    public Task SendBackAsync(Guid id) => ChangeAsync(id, Roles.Psirt, (_, a, _) =>
    {
        a.SendBack();
        return Task.CompletedTask;
    });

    /// <summary>Approves the advisory in review: a PSIRT role, and not its last editor (<c>Advisories.SameReviewer</c>).</summary>
    public Task ApproveAsync(Guid id) => ChangeAsync(id, Roles.Psirt, (_, a, _) =>
    {
        a.Approve(actor.UserName, Now);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Publishes the approved advisory as a final or interim revision: both documents are made, validated (any error
    /// refuses, <c>Advisories.NotValid</c>) and frozen in the revision. Refused during the case's embargo.
    /// </summary>
    public Task PublishAsync(Guid id, string? release) => ChangeAsync(id, Roles.Psirt, async (db, a, c) =>
    {
        if (!EnumNames.TryParse<AdvisoryRelease>(release ?? nameof(AdvisoryRelease.Final), out var how))
            throw CommonErrors.UnknownValue("release", release ?? "", string.Join(", ", Enum.GetNames<AdvisoryRelease>())).Exception();
        var now = Now;
        Guard.That(a.Status == AdvisoryStatus.Approved, () => AdvisoryErrors.WrongStatus(a.Status, AdvisoryStatus.Approved));
        Guard.That(c.EmbargoUntil is not { } until || DateOnly.FromDateTime(now) >= until, () => AdvisoryErrors.Embargoed(c.EmbargoUntil!.Value));
        var documents = await AdvisoryDocuments.ComposeAsync(db, a, c, settings, how == AdvisoryRelease.Final ? DocumentStatus.Final : DocumentStatus.Interim, now);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            var (json, report) = AdvisoryDocuments.WriteAndValidate(documents.In(language), a.TrackingId);
            var errors = report.Errors.ToList();
            Guard.That(errors.Count == 0, () => AdvisoryErrors.NotValid(language, errors.Count, $"{errors[0].Test} {errors[0].Path}: {errors[0].Message}"));
            texts[language] = System.Text.Encoding.UTF8.GetString(json);
        }
        a.Publish(how, c.EmbargoUntil, actor.UserName, now, texts["ja"], texts["en"]);
    });

    private static readonly string[] Languages = ["ja", "en"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Uri? Url(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url
        : throw AdvisoryErrors.NotAUrl(text).Exception();

    // A change by one of the roles to an advisory the actor may see, with its case (also through the unit filter);
    // the advisory follows the case's unit. Saved with the audit entries.
    private async Task ChangeAsync(Guid id, IEnumerable<string> roles, Func<ShirubeDbContext, Advisory, VulnerabilityCase, Task> change)
    {
        actor.Require(roles);
        await using var db = await contexts.CreateDbContextAsync();
        var advisory = await DisclosureViews.LoadAsync(db, id) ?? throw AdvisoryErrors.NotFound(id).Exception();
        var c = await DisclosureViews.CaseOfAsync(db, advisory);
        await change(db, advisory, c);
        if (c.BusinessUnitId is { } unit)
            advisory.MoveTo(unit);
        await db.SaveChangesAsync();
    }
}
