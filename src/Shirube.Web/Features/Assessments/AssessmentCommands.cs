using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Assessments;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Assessments;
using Shirube.Domain.Files;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Assessments;

/// <summary>
/// Changes to assessments, shared by the API and the pages (the assessment page, the baseline editor's "start");
/// every change goes through the unit filter and is made by the current actor, a writer.
/// </summary>
internal sealed class AssessmentCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock)
{
    /// <summary>
    /// Starts assessing a product version, named by id or by name, against the latest published version of the
    /// baseline; returns the new assessment's id.
    /// </summary>
    public async Task<Guid> StartAsync(Guid baselineId, Guid? productVersionId, string? productVersion)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var baseline = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.Id == baselineId)
            ?? throw AssessmentErrors.BaselineNotFound(baselineId).Exception();
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == baseline.ProductId)
            ?? throw AssessmentErrors.CompanyBaseline().Exception();
        var version = product.Versions.FirstOrDefault(v => v.Id == productVersionId
            || string.Equals(v.Version, productVersion, StringComparison.OrdinalIgnoreCase))
            ?? throw AssessmentErrors.UnknownVersion(product.Name, string.Join(", ", product.Versions.OrderBy(v => v.ReleaseDate).Select(v => v.Version))).Exception();
        var assessment = Assessment.Start(baseline, baseline.PublishedVersion, version.Id, actor.UserName, clock.GetUtcNow().UtcDateTime);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>Records one line as assessed by the actor, today unless <paramref name="assessedOn"/> says otherwise.</summary>
    public async Task RecordAsync(Guid id, string? key, ImplementationStatus status, string? justification, string? evidence,
        IEnumerable<string> links, DateOnly? assessedOn = null)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var assessment = await db.Assessments.Include(a => a.Entries).SingleOrDefaultAsync(a => a.Id == id)
            ?? throw AssessmentErrors.AssessmentNotFound(id).Exception();
        var lines = await AssessmentViews.VersionLinesAsync(db, assessment.BaselineId, assessment.BaselineVersion) ?? [];
        assessment.Record([.. lines.Where(l => !l.Excluded).Select(l => l.Key)], key ?? string.Empty, status, justification, evidence, links,
            actor.UserName, assessedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    /// <summary>Stores an evidence file for one line, uploaded by the actor.</summary>
    public async Task<EvidenceFile> AddEvidenceAsync(Guid id, string? key, string fileName, string? contentType, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id)
            ?? throw AssessmentErrors.AssessmentNotFound(id).Exception();
        var lines = await AssessmentViews.VersionLinesAsync(db, assessment.BaselineId, assessment.BaselineVersion) ?? [];
        Guard.That(lines.Any(l => !l.Excluded && l.Key == key), () => AssessmentErrors.NoLine(key ?? string.Empty, assessment.BaselineVersion));
        var evidence = EvidenceFile.Describe(id, key!, fileName, contentType, bytes.LongLength, UploadedFile.Sha256(bytes), actor.UserName, clock.GetUtcNow().UtcDateTime);
        db.EvidenceFiles.Add(evidence);
        db.EvidenceBlobs.Add(new EvidenceBlob { Id = evidence.Id, Content = bytes });
        await db.SaveChangesAsync();
        return evidence;
    }

    /// <summary>Completes an assessment once every included line is assessed.</summary>
    public async Task CompleteAsync(Guid id)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var assessment = await db.Assessments.Include(a => a.Entries).SingleOrDefaultAsync(a => a.Id == id)
            ?? throw AssessmentErrors.AssessmentNotFound(id).Exception();
        var lines = await AssessmentViews.VersionLinesAsync(db, assessment.BaselineId, assessment.BaselineVersion) ?? [];
        assessment.Complete(lines.Where(l => !l.Excluded).Select(l => l.Key), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    /// <summary>Parses a status name (case-insensitive, names only; <c>Common.UnknownValue</c> otherwise).</summary>
    public static ImplementationStatus ParseStatus(string? status) =>
        EnumNames.TryParse<ImplementationStatus>(status, out var parsed)
            ? parsed
            : throw CommonErrors.UnknownValue("status", status ?? string.Empty, string.Join(", ", Enum.GetNames<ImplementationStatus>())).Exception();
}
