using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Exports;
using Shirube.Web.Features.Assessments;

namespace Shirube.Web.Features.Exports;

/// <summary>Builds the export model of a baseline, or of an assessment with its baseline version, through the unit filter.</summary>
internal static class ExportDocuments
{
    public static async Task<BaselineDocument?> ForBaselineAsync(ShirubeDbContext db, Catalog catalog, Guid id, string language)
    {
        var baseline = await db.Baselines.AsNoTracking().Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id);
        if (baseline is null)
            return null;
        var product = baseline.ProductId is { } pid ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid) : null;
        var lines = baseline.Items.Select(SnapshotLine.Of).Select(l => Line(l, catalog, null)).ToList();
        return await DocumentAsync(db, catalog, baseline, baseline.PublishedVersion, baseline.PublishedAt, product, lines, null, language);
    }

    public static async Task<BaselineDocument?> ForAssessmentAsync(ShirubeDbContext db, Catalog catalog, Guid id, string language)
    {
        if (await AssessmentViews.LoadAsync(db, catalog, id) is not { } view)
            return null;
        var snapshot = await db.BaselineSnapshots.AsNoTracking().SingleAsync(s => s.BaselineId == view.Baseline.Id && s.Version == view.Assessment.BaselineVersion);
        var files = view.Lines.ToDictionary(l => l.Line.Key, l => l.Files);
        var lines = snapshot.Lines.Select(l =>
        {
            var entry = view.Assessment.Find(l.Key);
            var result = entry is null ? null : new LineResult(entry.Status, entry.Justification, entry.Evidence, entry.Links,
                [.. files.GetValueOrDefault(l.Key, []).Select(f => f.FileName)], entry.Assessor, entry.AssessedOn);
            return Line(l, catalog, result);
        }).ToList();
        var assessment = new AssessmentInfo(view.Assessment.Id, view.Version.Version, view.Assessment.StartedAt, view.Assessment.CompletedAt,
            view.Score.Actual, view.Score.Levels.ToDictionary(l => l.Key, l => l.Value.Ratio));
        return await DocumentAsync(db, catalog, view.Baseline, snapshot.Version, snapshot.PublishedAt, view.Product, lines, assessment, language);
    }

    private static BaselineLine Line(SnapshotLine line, Catalog catalog, LineResult? result)
    {
        var d = AssessmentViews.Describe(line, catalog);
        return new BaselineLine(line.Key, d.GuidelineId, d.RequirementId, d.Title, d.Summary, d.Parts, line.Level, line.Excluded, line.Reason, result);
    }

    private static async Task<BaselineDocument> DocumentAsync(ShirubeDbContext db, Catalog catalog, Baseline baseline, int version, DateTime? publishedAt,
        Product? product, List<BaselineLine> lines, AssessmentInfo? assessment, string language)
    {
        var unit = baseline.BusinessUnitId is { } uid ? await db.BusinessUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid) : null;
        var organisation = unit?.Name(language) ?? (language == "ja" ? "全社" : "Company-wide");
        var guidelines = lines.Select(l => l.GuidelineId).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(catalog.Find).OfType<Guideline>()
            .Select(g => new SourceGuideline(g.Id, g.ShortName, g.Name, g.Version ?? g.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        IReadOnlyList<IotPart> parts = product is not null ? product.Parts : [.. lines.SelectMany(l => l.Parts).Distinct().Order()];
        var info = product is null ? null : new ProductInfo(product.Id, product.Name, product.Sector, product.Markets, product.RiskClass, product.RequiredLevel);
        return new BaselineDocument(baseline.Id, baseline.Name, version, publishedAt, organisation, info, baseline.Field ?? product?.Field ?? string.Empty,
            parts, guidelines, lines, assessment);
    }
}
