using Microsoft.AspNetCore.Mvc;
using Shirube.Domain;
using Shirube.Domain.Assessments;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Guidelines;

namespace Shirube.Web.Features.Assessments;

internal sealed record StartAssessmentRequest(Guid? ProductVersionId, string? ProductVersion);

internal sealed record RecordEntryRequest(string? Key, string? Status, string? Justification, string? Evidence, string[]? Links, DateOnly? AssessedOn);

internal sealed record EvidenceFileDto(Guid Id, string FileName, string ContentType, long Length, string Sha256, string UploadedBy, DateTime UploadedAt);

internal sealed record AssessmentLineDto(string Key, string? GuidelineId, string RequirementId, TextDto Title, string Level, string[] Parts,
    string? Status, string? Justification, string? Evidence, string[] Links, EvidenceFileDto[] Files, string? Assessor, DateOnly? AssessedOn);

internal sealed record ShareDto(int Applicable, int Met, double Ratio);

internal sealed record GapDto(string Key, string Level, string Group, string? Status, TextDto Title);

internal sealed record AssessmentDto(Guid Id, Guid BaselineId, string Baseline, int BaselineVersion, Guid ProductId, string Product,
    Guid ProductVersionId, string ProductVersion, string StartedBy, DateTime StartedAt, DateTime? CompletedAt, string RequiredLevel,
    string? ActualLevel, bool MeetsRequired, Dictionary<string, ShareDto> Levels, Dictionary<string, ShareDto> Groups, GapDto[] Gaps,
    AssessmentLineDto[] Lines);

internal sealed record AssessmentSummaryDto(Guid Id, Guid BaselineId, int BaselineVersion, Guid ProductId, Guid ProductVersionId, DateTime StartedAt, DateTime? CompletedAt);

/// <summary>Assessments: required against actual for a product version, with evidence; the portfolio heat map.</summary>
internal static class AssessmentEndpoints
{
    public static WebApplication MapAssessmentEndpoints(this WebApplication app)
    {
        app.MapPost("/api/baselines/{id:guid}/assessments", async (Guid id, StartAssessmentRequest request, AssessmentCommands commands, AssessmentViews views) =>
        {
            var started = await commands.StartAsync(id, request.ProductVersionId, request.ProductVersion);
            return TypedResults.Created($"/api/assessments/{started}", await views.GetAsync(started));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithTags("Assessments")
          .WithSummary("Start assessing a product version against the latest published version of its baseline.");

        var group = app.MapGroup("/api/assessments").WithTags("Assessments").RequireAuthorization();
        group.MapGet("/", async (Guid? product, AssessmentViews views) => TypedResults.Ok(await views.ListAsync(product)))
            .WithSummary("Assessments of the caller's business units, newest first (product= to filter).");
        group.MapGet("/{id:guid}", async (Guid id, AssessmentViews views) => TypedResults.Ok(await views.GetAsync(id)))
            .WithSummary("An assessment: every line with status and evidence; share of MUST/SHOULD/BETTER met, the actual against the required level, and the gap list by level and part.");
        group.MapPut("/{id:guid}/entries", async (Guid id, RecordEntryRequest request, AssessmentCommands commands, AssessmentViews views) =>
        {
            await commands.RecordAsync(id, request.Key, AssessmentCommands.ParseStatus(request.Status), request.Justification, request.Evidence,
                request.Links ?? [], request.AssessedOn);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Record one line: Implemented, Partial, NotImplemented or NotApplicable (with a justification), evidence text and links; the caller is the assessor.");
        group.MapPost("/{id:guid}/complete", async (Guid id, AssessmentCommands commands, AssessmentViews views) =>
        {
            await commands.CompleteAsync(id);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Complete the assessment once every line is assessed.");

        group.MapPost("/{id:guid}/evidence", async (Guid id, [FromForm] string? key, IFormFile? file, AssessmentCommands commands) =>
        {
            Guard.That(file is not null, CommonErrors.Required("file"));
            Guard.That(file.Length <= EvidenceFile.MaxLength, () => AssessmentErrors.FileSize(file.FileName, (int)(EvidenceFile.MaxLength / (1024 * 1024))));
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            var evidence = await commands.AddEvidenceAsync(id, key, file.FileName, file.ContentType, buffer.ToArray());
            return TypedResults.Created($"/api/assessments/{id}/evidence/{evidence.Id}", AssessmentViews.FileDto(evidence));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).DisableAntiforgery()
          .WithMetadata(new RequestSizeLimitAttribute(EvidenceFile.MaxLength + 64 * 1024))
          .WithSummary("Upload an evidence file (multipart: key, file; at most 10 MiB) for one line.");
        group.MapGet("/{id:guid}/evidence/{fileId:guid}", async (Guid id, Guid fileId, AssessmentViews views) =>
        {
            var file = await views.EvidenceAsync(id, fileId);
            return TypedResults.File(file.Content, "application/octet-stream", file.FileName);
        }).WithSummary("Download an evidence file (always as an attachment).");

        app.MapGet("/api/portfolio/heatmap", async (string? by, Guid? unit, string? field, PortfolioViews portfolio) =>
            TypedResults.Ok(await portfolio.HeatmapAsync(by, unit, field)))
          .RequireAuthorization().WithTags("Assessments")
          .WithSummary("Products × IoT part groups (by=parts) or × common controls (by=controls): the share met of what the required level asks for, from each product's latest assessment; worst first.");
        app.MapGet("/api/products/{id:guid}/history", async (Guid id, PortfolioViews portfolio) => TypedResults.Ok(await portfolio.HistoryAsync(id)))
            .RequireAuthorization().WithTags("Assessments")
            .WithSummary("A product's assessments across its versions: required and actual level, share met per level.");
        return app;
    }
}
