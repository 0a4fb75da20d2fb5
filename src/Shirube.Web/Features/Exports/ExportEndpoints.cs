namespace Shirube.Web.Features.Exports;

/// <summary>Baselines and assessments as Excel, PDF, HTML and OSCAL.</summary>
internal static class ExportEndpoints
{
    public static WebApplication MapExportEndpoints(this WebApplication app)
    {
        app.MapGet("/api/baselines/{id:guid}/export", async (Guid id, string? format, string? lang, ExportViews exports) =>
            await RespondAsync(() => exports.BaselineAsync(id, format, lang)))
            .RequireAuthorization().WithTags("Exports")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The baseline as format=xlsx (ja and en columns, a sheet per IoT part), pdf or html (製品セキュリティガイドライン, lang=ja|en), or oscal (an OSCAL 1.0.6 profile over the guidelines' exported catalogs).");
        app.MapGet("/api/assessments/{id:guid}/export", async (Guid id, string? format, string? lang, ExportViews exports) =>
            await RespondAsync(() => exports.AssessmentAsync(id, format, lang)))
            .RequireAuthorization().WithTags("Exports")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The assessment with its baseline version as format=xlsx, pdf or html, or oscal (OSCAL 1.0.6 assessment-results).");
        return app;
    }

    private static async Task<IResult> RespondAsync(Func<Task<ExportFile>> export)
    {
        try
        {
            var file = await export();
            return file.FileName is null
                ? TypedResults.Text(file.Content, file.ContentType)
                : TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (ExportUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PDF cannot be made on this server");
        }
    }
}
