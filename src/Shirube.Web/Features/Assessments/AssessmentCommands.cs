using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Assessments;
using Shirube.Domain.Assessments;
using Shirube.Domain.Files;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Assessments;

/// <summary>What went wrong with a change to an assessment; <see cref="Field"/> names the request field.</summary>
internal sealed class AssessmentChangeException(string field, string message, bool conflict = false) : Exception(message)
{
    public string Field { get; } = field;
    public bool Conflict { get; } = conflict;
}

/// <summary>Changes to assessments, shared by the API and the pages; every change goes through the unit filter.</summary>
internal static class AssessmentCommands
{
    /// <summary>Records one line; returns false when the assessment is not visible to the actor.</summary>
    public static async Task<bool> RecordAsync(ShirubeDbContext db, Guid id, string? key, ImplementationStatus status, string? justification,
        string? evidence, IEnumerable<string> links, string assessor, DateOnly assessedOn)
    {
        var assessment = await db.Assessments.Include(a => a.Entries).SingleOrDefaultAsync(a => a.Id == id);
        if (assessment is null)
            return false;
        if (assessment.CompletedAt is not null)
            throw new AssessmentChangeException("assessment", "The assessment is completed; start a new one to change it.", conflict: true);
        var lines = await AssessmentViews.VersionLinesAsync(db, assessment.BaselineId, assessment.BaselineVersion) ?? [];
        try
        {
            assessment.Record([.. lines.Where(l => !l.Excluded).Select(l => l.Key)], key ?? string.Empty, status, justification, evidence, links, assessor, assessedOn);
        }
        catch (ArgumentException e)
        {
            throw new AssessmentChangeException(e.ParamName ?? "body", e.Message);
        }
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Stores an evidence file for one line; returns null when the assessment is not visible to the actor.</summary>
    public static async Task<EvidenceFile?> AddEvidenceAsync(ShirubeDbContext db, Guid id, string? key, string fileName, string? contentType,
        byte[] bytes, string uploadedBy, DateTime now)
    {
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        if (assessment is null)
            return null;
        var lines = await AssessmentViews.VersionLinesAsync(db, assessment.BaselineId, assessment.BaselineVersion) ?? [];
        if (!lines.Any(l => !l.Excluded && l.Key == key))
            throw new AssessmentChangeException("key", $"No line '{key}' in version {assessment.BaselineVersion} of the baseline.");
        EvidenceFile evidence;
        try
        {
            evidence = EvidenceFile.Describe(id, key!, fileName, contentType, bytes.LongLength, UploadedFile.Sha256(bytes), uploadedBy, now);
        }
        catch (ArgumentException e)
        {
            throw new AssessmentChangeException("file", $"'{fileName}': {e.Message}");
        }
        db.EvidenceFiles.Add(evidence);
        db.EvidenceBlobs.Add(new EvidenceBlob { Id = evidence.Id, Content = bytes });
        await db.SaveChangesAsync();
        return evidence;
    }

    /// <summary>Completes an assessment; returns false when it is not visible to the actor.</summary>
    public static async Task<bool> CompleteAsync(ShirubeDbContext db, Guid id, DateTime now)
    {
        var assessment = await db.Assessments.Include(a => a.Entries).SingleOrDefaultAsync(a => a.Id == id);
        if (assessment is null)
            return false;
        var lines = await AssessmentViews.VersionLinesAsync(db, assessment.BaselineId, assessment.BaselineVersion) ?? [];
        try
        {
            assessment.Complete(lines.Where(l => !l.Excluded).Select(l => l.Key), now);
        }
        catch (InvalidOperationException e)
        {
            throw new AssessmentChangeException("assessment", e.Message, conflict: true);
        }
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Parses a status name (case-insensitive, names only).</summary>
    public static ImplementationStatus ParseStatus(string? status) =>
        EnumNames.TryParse<ImplementationStatus>(status, out var parsed)
            ? parsed
            : throw new AssessmentChangeException("status", $"'{status}' is not a status; expected Implemented, Partial, NotImplemented or NotApplicable.");
}
