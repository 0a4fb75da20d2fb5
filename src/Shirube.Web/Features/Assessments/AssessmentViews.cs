using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;

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

/// <summary>Reads assessments through the unit filter and scores them; the API and the pages share it.</summary>
internal static class AssessmentViews
{
    /// <summary>A catalog line's title, summary, parts and controls (or our own title for own requirements).</summary>
    public static (string? GuidelineId, string RequirementId, LocalizedText Title, LocalizedText? Summary, IReadOnlyList<IotPart> Parts, IReadOnlyList<string> Controls) Describe(SnapshotLine line, Catalog catalog)
    {
        var slash = line.Key.IndexOf('/', StringComparison.Ordinal);
        var own = line.Key.StartsWith("own/", StringComparison.Ordinal);
        var guidelineId = own ? null : line.Key[..slash];
        var requirementId = line.Key[(slash + 1)..];
        var requirement = guidelineId is null ? null : catalog.Find(guidelineId)?.Find(requirementId);
        var title = new LocalizedText(line.TitleEn ?? requirement?.Title.En ?? line.Key, line.TitleJa ?? requirement?.Title.Ja ?? line.Key);
        return (guidelineId, requirementId, title, requirement?.Summary, requirement?.Parts ?? [], requirement?.Controls ?? []);
    }

    /// <summary>The lines of a baseline version: the published snapshot.</summary>
    public static async Task<IReadOnlyList<SnapshotLine>?> VersionLinesAsync(ShirubeDbContext db, Guid baselineId, int version) =>
        (await db.BaselineSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.BaselineId == baselineId && s.Version == version))?.Lines;

    /// <summary>Scores an assessment's entries against the included lines of its baseline version.</summary>
    public static AssessmentScore Score(Assessment assessment, IEnumerable<SnapshotLine> lines, Catalog catalog, RequirementLevel required) =>
        AssessmentScore.Compute(lines.Where(l => !l.Excluded).Select(l => new ScoredLine(l.Key, l.Level, Describe(l, catalog).Parts, assessment.Find(l.Key)?.Status)), required);

    /// <summary>Loads an assessment the actor may see, or null.</summary>
    public static async Task<AssessmentView?> LoadAsync(ShirubeDbContext db, Catalog catalog, Guid id)
    {
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
}
