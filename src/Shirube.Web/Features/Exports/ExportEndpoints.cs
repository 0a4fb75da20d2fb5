using Shirube.Data;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Exports;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Exports;

/// <summary>Baselines and assessments as Excel, PDF, HTML and OSCAL.</summary>
internal static class ExportEndpoints
{
    private static readonly string[] Formats = ["xlsx", "pdf", "html", "oscal"];

    public static WebApplication MapExportEndpoints(this WebApplication app)
    {
        app.MapGet("/api/baselines/{id:guid}/export", (Guid id, string? format, string? lang, ShirubeDbContext db, Catalog catalog, IConfiguration config, TimeProvider clock) =>
            ExportAsync(format, lang, config, clock, catalog, l => ExportDocuments.ForBaselineAsync(db, catalog, id, l), $"No baseline {id} in your business units.", assessment: false))
            .RequireAuthorization().WithTags("Exports")
            .WithSummary("The baseline as format=xlsx (ja and en columns, a sheet per IoT part), pdf or html (製品セキュリティガイドライン, lang=ja|en), or oscal (an OSCAL 1.0.6 profile over the guidelines' exported catalogs).");
        app.MapGet("/api/assessments/{id:guid}/export", (Guid id, string? format, string? lang, ShirubeDbContext db, Catalog catalog, IConfiguration config, TimeProvider clock) =>
            ExportAsync(format, lang, config, clock, catalog, l => ExportDocuments.ForAssessmentAsync(db, catalog, id, l), $"No assessment {id} in your business units.", assessment: true))
            .RequireAuthorization().WithTags("Exports")
            .WithSummary("The assessment with its baseline version as format=xlsx, pdf or html, or oscal (OSCAL 1.0.6 assessment-results).");
        return app;
    }

    private static async Task<IResult> ExportAsync(string? format, string? lang, IConfiguration config, TimeProvider clock, Catalog catalog,
        Func<string, Task<BaselineDocument?>> load, string notFound, bool assessment)
    {
        format = (format ?? "xlsx").ToLowerInvariant();
        lang = (lang ?? "en").ToLowerInvariant();
        if (!Formats.Contains(format))
            return Problems.Invalid("format", $"'{format}' is not an export format; expected one of: {string.Join(", ", Formats)}.");
        if (lang is not ("ja" or "en"))
            return Problems.Invalid("lang", "Expected ja or en.");
        if (await load(lang) is not { } doc)
            return Problems.NotFound(notFound);
        var stem = Slug(doc.Name) + (assessment && doc.Assessment is { } a ? $"-assessment-{Slug(a.ProductVersion)}" : $"-v{doc.Version}");
        var now = clock.GetUtcNow();
        switch (format)
        {
            case "xlsx":
            {
                using var output = new MemoryStream();
                BaselineXlsxWriter.Write(doc, output);
                return TypedResults.File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{stem}.xlsx");
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
                    return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PDF cannot be made on this server");
                }
                return TypedResults.File(output.ToArray(), "application/pdf", $"{stem}.{lang}.pdf");
            }
            case "html":
                return TypedResults.Text(BaselineHtmlWriter.Write(doc, lang), "text/html; charset=utf-8");
            default:
                var json = assessment ? OscalAssessmentResultsWriter.Write(doc, lang, now, catalog) : OscalProfileWriter.Write(doc, lang, now, catalog);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json",
                    assessment ? $"{stem}.{lang}.oscal-assessment-results.json" : OscalProfileWriter.FileName(doc, lang));
        }
    }

    private static string Slug(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "baseline" : slug.Length > 60 ? slug[..60] : slug;
    }
}
