using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Web.Features.Guidelines;

namespace Shirube.Web.Features.Assessments;

/// <summary>One included line of the assessed baseline version, with what the catalog says of it.</summary>
internal sealed record AssessedLine(SnapshotLine Line, string? GuidelineId, string RequirementId, LocalizedText Title, LocalizedText? Summary,
    IReadOnlyList<IotPart> Parts, IReadOnlyList<string> Controls, AssessmentEntry? Entry, IReadOnlyList<EvidenceFile> Files)
{
    public ScoredLine Scored => new(Line.Key, Line.Level, Parts, Entry?.Status);
}

/// <summary>An assessment read whole: the product, the baseline version, every included line and the score.</summary>
internal sealed record AssessmentView(Assessment Assessment, Baseline Baseline, Product Product, ProductVersion Version,
    IReadOnlyList<AssessedLine> Lines, AssessmentScore Score)
{
    public IReadOnlyCollection<string> Keys => [.. Lines.Select(l => l.Line.Key)];
}

/// <summary>An evidence file to download: its name and bytes.</summary>
internal sealed record EvidenceDownload(string FileName, byte[] Content);

/// <summary>Reads assessments through the unit filter and scores them; the API and the pages share it.</summary>
internal sealed class AssessmentViews(IDbContextFactory<ShirubeDbContext> contexts, Catalog catalog)
{
    /// <summary>An assessment the actor may see, read whole for the page; null when there is none.</summary>
    public async Task<AssessmentView?> FindAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await LoadAsync(db, catalog, id);
    }

    /// <summary>An assessment as the API shows it (<c>Assessments.AssessmentNotFound</c> when the actor cannot see it).</summary>
    public async Task<AssessmentDto> GetAsync(Guid id) =>
        await FindAsync(id) is { } view ? ToDto(view) : throw Shirube.Domain.Assessments.AssessmentErrors.AssessmentNotFound(id).Exception();

    /// <summary>The assessments of the actor's business units, newest first; of one product when <paramref name="product"/> is set.</summary>
    public async Task<AssessmentSummaryDto[]> ListAsync(Guid? product)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Assessments.AsNoTracking().Where(a => product == null || a.ProductId == product).OrderByDescending(a => a.StartedAt)
            .Select(a => new AssessmentSummaryDto(a.Id, a.BaselineId, a.BaselineVersion, a.ProductId, a.ProductVersionId, a.StartedAt, a.CompletedAt))
            .ToArrayAsync();
    }

    /// <summary>An evidence file of an assessment the actor may see (<c>Assessments.AssessmentNotFound</c>, <c>Assessments.EvidenceNotFound</c> otherwise).</summary>
    public async Task<EvidenceDownload> EvidenceAsync(Guid id, Guid fileId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        // The assessment is read through the unit filter first: its files are only served to those who may see it.
        if (!await db.Assessments.AnyAsync(a => a.Id == id))
            throw AssessmentErrors.AssessmentNotFound(id).Exception();
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == fileId && f.AssessmentId == id)
            .Select(f => new { f.FileName, Content = db.EvidenceBlobs.Where(b => b.Id == f.Id).Select(b => b.Content).FirstOrDefault() })
            .SingleOrDefaultAsync();
        return file?.Content is { } content ? new EvidenceDownload(file.FileName, content) : throw AssessmentErrors.EvidenceNotFound(fileId).Exception();
    }

    /// <summary>A catalog line's title, summary, parts and controls (or our own title for own requirements).</summary>
    public static (string? GuidelineId, string RequirementId, LocalizedText Title, LocalizedText? Summary, IReadOnlyList<IotPart> Parts, IReadOnlyList<string> Controls) Describe(SnapshotLine line, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(catalog);
        var slash = line.Key.IndexOf('/', StringComparison.Ordinal);
        var own = line.Key.StartsWith("own/", StringComparison.Ordinal);
        var guidelineId = own ? null : line.Key[..slash];
        var requirementId = line.Key[(slash + 1)..];
        var requirement = guidelineId is null ? null : catalog.Find(guidelineId)?.Find(requirementId);
        var title = new LocalizedText(line.TitleEn ?? requirement?.Title.En ?? line.Key, line.TitleJa ?? requirement?.Title.Ja ?? line.Key);
        return (guidelineId, requirementId, title, requirement?.Summary, requirement?.Parts ?? [], requirement?.Controls ?? []);
    }

    /// <summary>The lines of a baseline version: the published snapshot.</summary>
    public static async Task<IReadOnlyList<SnapshotLine>?> VersionLinesAsync(ShirubeDbContext db, Guid baselineId, int version)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.BaselineSnapshots.AsNoTracking().Where(s => s.BaselineId == baselineId && s.Version == version).Select(s => s.Lines).SingleOrDefaultAsync();
    }

    /// <summary>Scores an assessment's entries against the included lines of its baseline version.</summary>
    public static AssessmentScore Score(Assessment assessment, IEnumerable<SnapshotLine> lines, Catalog catalog, RequirementLevel required)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return AssessmentScore.Compute(lines.Where(l => !l.Excluded).Select(l => new ScoredLine(l.Key, l.Level, Describe(l, catalog).Parts, assessment.Find(l.Key)?.Status)), required);
    }

    /// <summary>Loads an assessment the actor may see, or null (for other features that hold a context: the exports).</summary>
    public static async Task<AssessmentView?> LoadAsync(ShirubeDbContext db, Catalog catalog, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Entries).SingleOrDefaultAsync(a => a.Id == id);
        if (assessment is null)
            return null;
        var baseline = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.Id == assessment.BaselineId);
        var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == assessment.ProductId);
        var lines = await VersionLinesAsync(db, assessment.BaselineId, assessment.BaselineVersion);
        if (baseline is null || product is null || lines is null)
            return null;
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.AssessmentId == id).OrderBy(f => f.UploadedAt).ToListAsync();
        var assessed = lines.Where(l => !l.Excluded).Select(l =>
        {
            var d = Describe(l, catalog);
            return new AssessedLine(l, d.GuidelineId, d.RequirementId, d.Title, d.Summary, d.Parts, d.Controls, assessment.Find(l.Key),
                [.. files.Where(f => f.Key == l.Key)]);
        }).ToList();
        var version = product.Versions.Single(v => v.Id == assessment.ProductVersionId);
        return new AssessmentView(assessment, baseline, product, version, assessed,
            AssessmentScore.Compute(assessed.Select(l => l.Scored), product.RequiredLevel));
    }

    /// <summary>An evidence file as the API shows it.</summary>
    public static EvidenceFileDto FileDto(EvidenceFile f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Id, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedBy, f.UploadedAt);
    }

    /// <summary>An assessment as the API shows it.</summary>
    public static AssessmentDto ToDto(AssessmentView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var titles = v.Lines.ToDictionary(l => l.Line.Key, l => l.Title);
        return new(v.Assessment.Id, v.Baseline.Id, v.Baseline.Name, v.Assessment.BaselineVersion, v.Product.Id, v.Product.Name, v.Version.Id, v.Version.Version,
            v.Assessment.StartedBy, v.Assessment.StartedAt, v.Assessment.CompletedAt, v.Score.Required.ToString(), v.Score.Actual?.ToString(), v.Score.MeetsRequired,
            v.Score.Levels.ToDictionary(l => l.Key.ToString(), l => Share(l.Value)),
            v.Score.Groups.ToDictionary(g => g.Key.ToString(), g => Share(g.Value)),
            [.. v.Score.Gaps.Select(g => new GapDto(g.Key, g.Level.ToString(), g.Group.ToString(), g.Status?.ToString(), Text(titles[g.Key])))],
            [.. v.Lines.Select(l => new AssessmentLineDto(l.Line.Key, l.GuidelineId, l.RequirementId, Text(l.Title), l.Line.Level.ToString(),
                [.. l.Parts.Select(p => p.ToId())], l.Entry?.Status.ToString(), l.Entry?.Justification, l.Entry?.Evidence, [.. l.Entry?.Links ?? []],
                [.. l.Files.Select(FileDto)], l.Entry?.Assessor, l.Entry?.AssessedOn))]);
    }

    private static ShareDto Share(Share s) => new(s.Applicable, s.Met, Math.Round(s.Ratio, 3));

    private static TextDto Text(LocalizedText t) => new(t.En, t.Ja);
}
