using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Formats.Disclosure;

namespace Shirube.Web.Features.Disclosure;

internal sealed record AdvisoryFixDto(Guid VersionId, string? Url, DateOnly? Date);

internal sealed record AdvisoryRevisionDto(int Number, DateTime Date, string SummaryJa, string SummaryEn, string Release, string PublishedBy, string ApprovedBy);

internal sealed record AdvisorySummaryDto(Guid Id, Guid CaseId, string TrackingId, string TitleJa, string TitleEn, string Status, string Tlp, int Revisions, DateTime LastEditedAt);

/// <summary>An advisory as the API shows it: the PSIRT's texts, where it stands, who did what, and its published revisions.</summary>
internal sealed record AdvisoryDto(Guid Id, Guid CaseId, Guid BusinessUnitId, string TrackingId, string Status, string Tlp,
    string TitleJa, string TitleEn, string? SummaryJa, string? SummaryEn, string? DetailsJa, string? DetailsEn,
    string? WorkaroundJa, string? WorkaroundEn, string? MitigationJa, string? MitigationEn, string? ImpactJa, string? ImpactEn,
    string? Acknowledgment, string? CweName, string? Cvss31Vector, string? RevisionSummaryJa, string? RevisionSummaryEn, AdvisoryFixDto[] Fixes,
    string LastEditedBy, DateTime LastEditedAt, string? SubmittedBy, string? ApprovedBy, int NextRevision, AdvisoryRevisionDto[] Revisions);

internal sealed record CsafResultDto(string Test, string Path, string Message);

/// <summary>The document as it would be published now (tracking status draft), and what the validator says of it.</summary>
internal sealed record AdvisoryPreviewDto(string Lang, JsonElement Csaf, bool Valid, CsafResultDto[] Errors, CsafResultDto[] Warnings, CsafResultDto[] Infos);

/// <summary>Reads of advisories, through the unit filter: an advisory is seen by those who see its case's unit.</summary>
internal sealed class DisclosureViews(IDbContextFactory<ShirubeDbContext> contexts, DisclosureSettings settings, TimeProvider clock)
{
    /// <summary>The advisories the actor may see, most recently edited first.</summary>
    public async Task<AdvisorySummaryDto[]> ListAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var rows = await db.Advisories.AsNoTracking().OrderByDescending(a => a.LastEditedAt)
            .Select(a => new { a.Id, a.CaseId, a.TrackingId, a.TitleJa, a.TitleEn, a.Status, a.Tlp, Revisions = a.Revisions.Count, a.LastEditedAt })
            .ToListAsync();
        return [.. rows.Select(a => new AdvisorySummaryDto(a.Id, a.CaseId, a.TrackingId, a.TitleJa, a.TitleEn, a.Status.ToString(), a.Tlp.ToString(), a.Revisions, a.LastEditedAt))];
    }

    /// <summary>An advisory; <c>Advisories.NotFound</c> (404) when the actor may not see it.</summary>
    public async Task<AdvisoryDto> GetAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return ToDto(await LoadAsync(db, id, tracked: false) ?? throw AdvisoryErrors.NotFound(id).Exception());
    }

    /// <summary>The advisory of a case; <c>Advisories.NotFound</c> (404) when it has none or the actor may not see it.</summary>
    public async Task<AdvisoryDto> ForCaseAsync(Guid caseId) => await FindForCaseAsync(caseId) ?? throw AdvisoryErrors.NotFound(caseId).Exception();

    /// <summary>The advisory of a case, or null when it has none or the actor may not see it (the editor page offers to draft one).</summary>
    public async Task<AdvisoryDto?> FindForCaseAsync(Guid caseId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var advisory = await db.Advisories.AsNoTracking().Include(a => a.Revisions).SingleOrDefaultAsync(a => a.CaseId == caseId);
        return advisory is null ? null : ToDto(advisory);
    }

    /// <summary>
    /// The document in <paramref name="lang"/> as it would be published now, with the validator's results; with
    /// <paramref name="unsaved"/>, as it would be once that change is saved (the editor's live preview; nothing is saved).
    /// </summary>
    public async Task<AdvisoryPreviewDto> PreviewAsync(Guid id, string? lang, UpdateAdvisoryRequest? unsaved = null)
    {
        var language = Language(lang);
        await using var db = await contexts.CreateDbContextAsync();
        var advisory = await LoadAsync(db, id, tracked: false) ?? throw AdvisoryErrors.NotFound(id).Exception();
        var c = await CaseOfAsync(db, advisory);
        if (unsaved is not null)
            advisory.Edit(DisclosureCommands.ContentOf(advisory, c, unsaved), advisory.LastEditedBy, clock.GetUtcNow().UtcDateTime);
        var documents = await AdvisoryDocuments.ComposeAsync(db, advisory, c, settings, DocumentStatus.Draft, clock.GetUtcNow().UtcDateTime);
        var (json, report) = AdvisoryDocuments.WriteAndValidate(documents.In(language), advisory.TrackingId);
        static CsafResultDto[] Of(IEnumerable<CsafResult> results) => [.. results.Select(r => new CsafResultDto(r.Test, r.Path, r.Message))];
        return new AdvisoryPreviewDto(language, JsonDocument.Parse(json).RootElement.Clone(), report.Valid, Of(report.Errors), Of(report.Warnings), Of(report.Infos));
    }

    /// <summary>The published revisions, oldest first.</summary>
    public async Task<AdvisoryRevisionDto[]> RevisionsAsync(Guid id) => (await GetAsync(id)).Revisions;

    /// <summary>A revision's document in <paramref name="lang"/>, exactly as published.</summary>
    public async Task<string> DocumentAsync(Guid id, int number, string? lang)
    {
        var language = Language(lang);
        await using var db = await contexts.CreateDbContextAsync();
        var advisory = await LoadAsync(db, id, tracked: false) ?? throw AdvisoryErrors.NotFound(id).Exception();
        var revision = advisory.Revisions.SingleOrDefault(r => r.Number == number) ?? throw AdvisoryErrors.NoSuchRevision(number).Exception();
        return revision.Csaf(language);
    }

    /// <summary>ja or en (<c>Advisories.UnknownLanguage</c> otherwise); en when none is asked for.</summary>
    internal static string Language(string? lang) => lang switch
    {
        null or "" or "en" => "en",
        "ja" => "ja",
        _ => throw AdvisoryErrors.UnknownLanguage(lang).Exception(),
    };

    internal static Task<Advisory?> LoadAsync(ShirubeDbContext db, Guid id, bool tracked = true)
    {
        var advisories = tracked ? db.Advisories : db.Advisories.AsNoTracking();
        return advisories.Include(a => a.Revisions).SingleOrDefaultAsync(a => a.Id == id);
    }

    // The case is read through the unit filter too: an advisory is never shown beside a case the actor may not see.
    internal static async Task<VulnerabilityCase> CaseOfAsync(ShirubeDbContext db, Advisory advisory) =>
        await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == advisory.CaseId) ?? throw AdvisoryErrors.NotFound(advisory.Id).Exception();

    internal static AdvisoryDto ToDto(Advisory a) => new(a.Id, a.CaseId, a.BusinessUnitId, a.TrackingId, a.Status.ToString(), a.Tlp.ToString(),
        a.TitleJa, a.TitleEn, a.SummaryJa, a.SummaryEn, a.DetailsJa, a.DetailsEn, a.WorkaroundJa, a.WorkaroundEn, a.MitigationJa, a.MitigationEn,
        a.ImpactJa, a.ImpactEn, a.Acknowledgment, a.CweName, a.Cvss31Vector, a.RevisionSummaryJa, a.RevisionSummaryEn,
        [.. a.Fixes.Select(f => new AdvisoryFixDto(f.VersionId, f.Url?.ToString(), f.Date))],
        a.LastEditedBy, a.LastEditedAt, a.SubmittedBy, a.ApprovedBy, a.NextRevision,
        [.. a.Revisions.OrderBy(r => r.Number).Select(r => new AdvisoryRevisionDto(r.Number, r.Date, r.SummaryJa, r.SummaryEn, r.Release.ToString(), r.PublishedBy, r.ApprovedBy))]);
}
