using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Assessments;
using Shirube.Domain.Guidelines;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Guidelines;
using Shirube.Web.Features.Platform;

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
        app.MapPost("/api/baselines/{id:guid}/assessments", async Task<Results<Created<AssessmentDto>, ValidationProblem, ProblemHttpResult>> (
            Guid id, StartAssessmentRequest request, ShirubeDbContext db, Catalog catalog, ICurrentActor actor, TimeProvider clock) =>
        {
            var baseline = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            var product = await db.Products.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == baseline.ProductId);
            if (product is null)
                return Problems.Invalid("baseline", "A company baseline is not assessed; assess a product baseline.");
            var version = product.Versions.FirstOrDefault(v => v.Id == request.ProductVersionId
                || string.Equals(v.Version, request.ProductVersion, StringComparison.OrdinalIgnoreCase));
            if (version is null)
                return Problems.Invalid("productVersion", $"Name a version of {product.Name}: {string.Join(", ", product.Versions.Select(v => v.Version))}.");
            Assessment assessment;
            try
            {
                assessment = Assessment.Start(baseline, baseline.PublishedVersion, version.Id, actor.UserName, clock.GetUtcNow().UtcDateTime);
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "baseline", e.Message);
            }
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/assessments/{assessment.Id}", ToDto((await AssessmentViews.LoadAsync(db, catalog, assessment.Id))!));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithTags("Assessments")
          .WithSummary("Start assessing a product version against the latest published version of its baseline.");

        var group = app.MapGroup("/api/assessments").WithTags("Assessments").RequireAuthorization();
        group.MapGet("/", async (Guid? product, ShirubeDbContext db) =>
            TypedResults.Ok((await db.Assessments.AsNoTracking().Where(a => product == null || a.ProductId == product).OrderByDescending(a => a.StartedAt)
                .Select(a => new AssessmentSummaryDto(a.Id, a.BaselineId, a.BaselineVersion, a.ProductId, a.ProductVersionId, a.StartedAt, a.CompletedAt)).ToListAsync()).ToArray()))
            .WithSummary("Assessments of the caller's business units, newest first (product= to filter).");
        group.MapGet("/{id:guid}", async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, Catalog catalog) =>
            await AssessmentViews.LoadAsync(db, catalog, id) is { } view ? TypedResults.Ok(ToDto(view)) : NotFound(id))
            .WithSummary("An assessment: every line with status and evidence; share of MUST/SHOULD/BETTER met, the actual against the required level, and the gap list by level and part.");
        group.MapPut("/{id:guid}/entries", async Task<Results<Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult>> (
            Guid id, RecordEntryRequest request, ShirubeDbContext db, Catalog catalog, ICurrentActor actor, TimeProvider clock) =>
        {
            try
            {
                if (!await AssessmentCommands.RecordAsync(db, id, request.Key, AssessmentCommands.ParseStatus(request.Status), request.Justification,
                        request.Evidence, request.Links ?? [], actor.UserName, request.AssessedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
                    return NotFound(id);
            }
            catch (AssessmentChangeException e)
            {
                if (e.Conflict)
                    return Problems.Conflict(e.Message);
                return Problems.Invalid(e.Field, e.Message);
            }
            return TypedResults.Ok(ToDto((await AssessmentViews.LoadAsync(db, catalog, id))!));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Record one line: Implemented, Partial, NotImplemented or NotApplicable (with a justification), evidence text and links; the caller is the assessor.");
        group.MapPost("/{id:guid}/complete", async Task<Results<Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ShirubeDbContext db, Catalog catalog, TimeProvider clock) =>
        {
            try
            {
                if (!await AssessmentCommands.CompleteAsync(db, id, clock.GetUtcNow().UtcDateTime))
                    return NotFound(id);
            }
            catch (AssessmentChangeException e)
            {
                if (e.Conflict)
                    return Problems.Conflict(e.Message);
                return Problems.Invalid(e.Field, e.Message);
            }
            return TypedResults.Ok(ToDto((await AssessmentViews.LoadAsync(db, catalog, id))!));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Complete the assessment once every line is assessed.");

        group.MapPost("/{id:guid}/evidence", async Task<Results<Created<EvidenceFileDto>, ValidationProblem, ProblemHttpResult>> (
            Guid id, [FromForm] string? key, IFormFile? file, ShirubeDbContext db, ICurrentActor actor, TimeProvider clock) =>
        {
            if (file is null)
                return Problems.Invalid("file", "Attach the evidence file (multipart field 'file').");
            if (file.Length > EvidenceFile.MaxLength)
                return Problems.Invalid("file", $"'{file.FileName}' has {file.Length} bytes; an evidence file has at most {EvidenceFile.MaxLength / (1024 * 1024)} MiB.");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            try
            {
                return await AssessmentCommands.AddEvidenceAsync(db, id, key, file.FileName, file.ContentType, buffer.ToArray(), actor.UserName, clock.GetUtcNow().UtcDateTime) is { } evidence
                    ? TypedResults.Created($"/api/assessments/{id}/evidence/{evidence.Id}", FileDto(evidence))
                    : NotFound(id);
            }
            catch (AssessmentChangeException e)
            {
                if (e.Conflict)
                    return Problems.Conflict(e.Message);
                return Problems.Invalid(e.Field, e.Message);
            }
        }).RequireAuthorization(AccountsSetup.WriterPolicy).DisableAntiforgery()
          .WithMetadata(new RequestSizeLimitAttribute(EvidenceFile.MaxLength + 64 * 1024))
          .WithSummary("Upload an evidence file (multipart: key, file; at most 10 MiB) for one line.");
        group.MapGet("/{id:guid}/evidence/{fileId:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, Guid fileId, ShirubeDbContext db) =>
        {
            // The assessment is read through the unit filter first: its files are only served to those who may see it.
            if (!await db.Assessments.AnyAsync(a => a.Id == id))
                return NotFound(id);
            var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.AssessmentId == id);
            var blob = file is null ? null : await db.EvidenceBlobs.AsNoTracking().SingleOrDefaultAsync(b => b.Id == fileId);
            return file is null || blob is null
                ? Problems.NotFound($"No evidence file {fileId} in assessment {id}.")
                : TypedResults.File(blob.Content, "application/octet-stream", file.FileName);
        }).WithSummary("Download an evidence file (always as an attachment).");

        app.MapGet("/api/portfolio/heatmap", async Task<Results<Ok<HeatmapDto>, ValidationProblem>> (string? by, Guid? unit, string? field, ShirubeDbContext db, Catalog catalog) =>
        {
            by ??= PortfolioView.ByParts;
            if (by is not (PortfolioView.ByParts or PortfolioView.ByControls))
                return Problems.Invalid("by", "Expected parts or controls.");
            return TypedResults.Ok(await PortfolioView.BuildAsync(db, catalog, by, unit, field));
        }).RequireAuthorization().WithTags("Assessments")
          .WithSummary("Products × IoT part groups (by=parts) or × common controls (by=controls): the share met of what the required level asks for, from each product's latest assessment; worst first.");
        app.MapGet("/api/products/{id:guid}/history", async Task<Results<Ok<HistoryPoint[]>, ProblemHttpResult>> (Guid id, ShirubeDbContext db, Catalog catalog) =>
            await PortfolioView.HistoryAsync(db, catalog, id) is { } points ? TypedResults.Ok(points) : Problems.NotFound($"No product {id} in your business units."))
            .RequireAuthorization().WithTags("Assessments")
            .WithSummary("A product's assessments across its versions: required and actual level, share met per level.");
        return app;
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No assessment {id} in your business units.");

    internal static EvidenceFileDto FileDto(EvidenceFile f) => new(f.Id, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedBy, f.UploadedAt);

    internal static AssessmentDto ToDto(AssessmentView v)
    {
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
