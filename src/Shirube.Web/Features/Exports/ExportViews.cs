using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Exports;
using Shirube.Web.Features.Assessments;

namespace Shirube.Web.Features.Exports;

/// <summary>An export: a file to download, or an HTML page to show (<see cref="FileName"/> null).</summary>
internal sealed record ExportFile(byte[] Content, string ContentType, string? FileName);

/// <summary>
/// Baselines, and assessments with their baseline version, as Excel, PDF, HTML and OSCAL, read through the unit filter.
/// </summary>
internal sealed class ExportViews(IDbContextFactory<ShirubeDbContext> contexts, Catalog catalog, IConfiguration config, TimeProvider clock, PortfolioViews portfolio)
{
    /// <summary>The formats, in the order the pages offer them.</summary>
    public static readonly string[] Formats = ["xlsx", "pdf", "html", "oscal"];

    /// <summary>The baseline as it stands (its draft lines, its last published version number).</summary>
    /// <exception cref="ExportUnavailableException">The server cannot make a PDF (no Japanese font).</exception>
    public async Task<ExportFile> BaselineAsync(Guid id, string? format, string? lang)
    {
        var (kind, language) = Check(format, lang);
        await using var db = await contexts.CreateDbContextAsync();
        var doc = await ForBaselineAsync(db, catalog, id, language) ?? throw BaselineErrors.NotFound(id).Exception();
        return Render(doc, kind, language, assessment: false);
    }

    /// <summary>The assessment with its baseline version.</summary>
    /// <exception cref="ExportUnavailableException">The server cannot make a PDF (no Japanese font).</exception>
    public async Task<ExportFile> AssessmentAsync(Guid id, string? format, string? lang)
    {
        var (kind, language) = Check(format, lang);
        await using var db = await contexts.CreateDbContextAsync();
        var doc = await ForAssessmentAsync(db, catalog, id, language) ?? throw ExportErrors.AssessmentNotFound(id).Exception();
        if (doc is { Product: { } product, Assessment: { } assessment })
            doc = doc with { Assessment = assessment with { History = await HistoryAsync(product.Id, assessment) } };
        return Render(doc, kind, language, assessment: true);
    }

    // The product's completed assessments up to this one, for the export's history chart.
    private async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid productId, AssessmentInfo assessment)
    {
        var points = await portfolio.HistoryAsync(productId);
        return [.. points
            .Where(p => p.CompletedAt is not null && (p.AssessmentId == assessment.Id || p.StartedAt <= assessment.Started))
            .Select(p => new HistoryEntry(p.Version, p.CompletedAt!.Value,
                Enum.GetValues<RequirementLevel>().ToDictionary(l => l, l => p.Shares.GetValueOrDefault(l.ToString()))))];
    }

    private static (string Format, string Language) Check(string? format, string? lang)
    {
        format = (format ?? "xlsx").ToLowerInvariant();
        lang = (lang ?? "en").ToLowerInvariant();
        Guard.That(Formats.Contains(format), () => CommonErrors.UnknownValue("format", format, string.Join(", ", Formats)));
        Guard.That(lang is "ja" or "en", () => CommonErrors.UnknownValue("lang", lang, "ja, en"));
        return (format, lang);
    }

    private ExportFile Render(BaselineDocument doc, string format, string lang, bool assessment)
    {
        var stem = Slug(doc.Name) + (assessment && doc.Assessment is { } a ? $"-assessment-{Slug(a.ProductVersion)}" : $"-v{doc.Version}");
        var now = clock.GetUtcNow();
        switch (format)
        {
            case "xlsx":
            {
                using var output = new MemoryStream();
                BaselineXlsxWriter.Write(doc, output);
                return new ExportFile(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{stem}.xlsx");
            }
            case "pdf":
            {
                using var output = new MemoryStream();
                try
                {
                    BaselinePdfWriter.Write(doc, lang, output, new BaselinePdfOptions { FontPath = config["Shirube:Export:PdfFont"], BoldFontPath = config["Shirube:Export:PdfBoldFont"] });
                }
                catch (Exception e) when (e is InvalidOperationException or FileNotFoundException)
                {
                    // The server lacks a Japanese font: say which to install, rather than print boxes.
                    throw new ExportUnavailableException(e.Message, e);
                }
                return new ExportFile(output.ToArray(), "application/pdf", $"{stem}.{lang}.pdf");
            }
            case "html":
                return new ExportFile(System.Text.Encoding.UTF8.GetBytes(BaselineHtmlWriter.Write(doc, lang)), "text/html; charset=utf-8", null);
            default:
                var json = assessment ? OscalAssessmentResultsWriter.Write(doc, lang, now, catalog) : OscalProfileWriter.Write(doc, lang, now, catalog);
                return new ExportFile(System.Text.Encoding.UTF8.GetBytes(json), "application/json",
                    assessment ? $"{stem}.{lang}.oscal-assessment-results.json" : OscalProfileWriter.FileName(doc, lang));
        }
    }

    private static string Slug(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "baseline" : slug.Length > 60 ? slug[..60] : slug;
    }

    private static async Task<BaselineDocument?> ForBaselineAsync(ShirubeDbContext db, Catalog catalog, Guid id, string language)
    {
        var baseline = await db.Baselines.AsNoTracking().Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id);
        if (baseline is null)
            return null;
        var product = baseline.ProductId is { } pid ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid) : null;
        var lines = baseline.Items.Select(SnapshotLine.Of).Select(l => Line(l, catalog, null)).ToList();
        return await DocumentAsync(db, catalog, baseline, baseline.PublishedVersion, baseline.PublishedAt, product, lines, null, language);
    }

    private static async Task<BaselineDocument?> ForAssessmentAsync(ShirubeDbContext db, Catalog catalog, Guid id, string language)
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
            view.Score.Actual, view.Score.Levels.ToDictionary(l => l.Key, l => l.Value.Ratio),
            PartShares: view.Score.Groups.ToDictionary(g => g.Key, g => g.Value.Ratio));
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

/// <summary>The server cannot make the export (a PDF without a Japanese font); the message says what to install.</summary>
internal sealed class ExportUnavailableException(string message, Exception inner) : Exception(message, inner);
