using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Cases;
using Shirube.Domain.Scoring;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Cases;

internal sealed record ReportRequest(string? Title, string? Description, string? Product, string? ReporterEmail);

internal sealed record MessageRequest(string? Text);

internal sealed record UpdateCaseRequest(Guid? ProductId, Guid[]? AffectedVersions, string? Cwe, string? RootCause, string? CvssVector,
    string? RemediationPlan, DateOnly? PlannedRelease, DateOnly? EmbargoUntil, string? Credit, string? CveId, Guid[]? FixedVersions = null);

internal sealed record TransitionRequest(string? To, string? Reason);

internal sealed record CommentRequest(string? Text, bool Shared);

/// <summary>A file attached to a report on the public page.</summary>
internal sealed record ReportFile(string Name, string? ContentType, byte[] Content);

/// <summary>
/// The case page's analysis form, every field as shown: a blank one clears its value. The affected versions are those
/// of the chosen product among the selected ones.
/// </summary>
internal sealed record CaseEdit(Guid? ProductId, IReadOnlyCollection<Guid> AffectedVersions, string? CveId, string? Cwe, string? RootCause, string? CvssVector,
    string? RemediationPlan, DateOnly? PlannedRelease, DateOnly? EmbargoUntil, string? Credit, IReadOnlyCollection<Guid>? FixedVersions = null);

/// <summary>
/// Changes to vulnerability cases, shared by the API and the pages: the public intake and the reporter's messages
/// (anyone with the tracking token), and the PSIRT's work on a case (writers only, through the unit filter).
/// </summary>
internal sealed class CaseCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock, CaseIntake intake,
    IEnumerable<ICaseFollower> followers)
{
    /// <summary>
    /// Opens a case from what the PSIRT found itself: product, affected versions, CVE id and CVSS vector filled in, moved
    /// on to triage. <paramref name="alongside"/> runs in the same transaction before the last save (it links the source).
    /// </summary>
    public async Task<CaseOpened> OpenAsync(CaseOpening opening, Func<ShirubeDbContext, VulnerabilityCase, Task> alongside)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(alongside);
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == opening.ProductId)
            ?? throw CaseErrors.NoSuchProduct(opening.ProductId).Exception();
        var (opened, _) = await intake.ReceiveAsync(db, opening.Title, opening.Description, product.Name, null);
        opened.Assign(product.Id, product.BusinessUnitId, opening.AffectedVersions);
        opened.Identify(opening.CveId);
        opened.Analyse(null, null, Normalized(opening.CvssVector));
        opened.MoveTo(CaseState.Acknowledged, actor.UserName, Now, null);
        opened.MoveTo(CaseState.Triage, actor.UserName, Now, null);
        await alongside(db, opened);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new CaseOpened(opened.Id, opened.Number);
    }

    /// <summary>Files a report as a new case, with its attachments; returns it with the reporter's tracking token.</summary>
    public async Task<ReportCreated> ReportAsync(string? title, string? description, string? product, string? reporterEmail, IReadOnlyList<ReportFile>? files = null)
    {
        files ??= [];
        Guard.That(files.Count <= CaseAttachment.MaxFiles, () => CaseErrors.TooManyFiles(CaseAttachment.MaxFiles, CaseAttachment.MaxLength));
        await using var db = await contexts.CreateDbContextAsync();
        var (received, token) = await intake.ReceiveAsync(db, title, description, product, reporterEmail,
            [.. files.Where(f => f.Content.Length > 0).Select(f => (Func<Guid, CaseAttachment>)(id => CaseAttachment.Create(id, f.Name, f.ContentType, f.Content)))]);
        return new ReportCreated(received.Id, token);
    }

    /// <summary>The reporter writes to the PSIRT about their report; <c>Cases.TrackingNotFound</c> (404) for an unknown token.</summary>
    public async Task<TrackDto> ReplyAsync(string token, string? text)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var c = await CaseViews.FindByTokenAsync(db, token) ?? throw CaseErrors.TrackingNotFound().Exception();
        c.Comment("reporter", text ?? string.Empty, shared: true, fromReporter: true, Now);
        await db.SaveChangesAsync();
        return CaseViews.Track(c);
    }

    /// <summary>Triage and analysis from the API: fields left out (null) keep their value.</summary>
    public Task UpdateAsync(Guid id, UpdateCaseRequest request) => ChangeAsync(id, async (db, c) =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ProductId is { } productId)
        {
            // The product is read through the unit filter: a case can only go to a product the caller may see.
            var product = await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == productId)
                ?? throw CaseErrors.NoSuchProduct(productId).Exception();
            var versions = request.AffectedVersions ?? [.. c.AffectedVersions];
            var unknown = versions.FirstOrDefault(v => product.Versions.All(pv => pv.Id != v));
            Guard.That(unknown == Guid.Empty, () => CaseErrors.NotAVersionOf(unknown, product.Name));
            c.Assign(product.Id, product.BusinessUnitId, versions);
        }
        if (request.FixedVersions is { } fixedVersions)
        {
            var product = await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == c.ProductId)
                ?? throw CaseErrors.ProductRequired(c.State).Exception();
            var unknown = fixedVersions.FirstOrDefault(v => product.Versions.All(pv => pv.Id != v));
            Guard.That(unknown == Guid.Empty, () => CaseErrors.NotAVersionOf(unknown, product.Name).For("fixedVersions"));
            c.RecordFixes(fixedVersions);
        }
        var vector = Normalized(request.CvssVector ?? c.CvssVector);
        if (request.CveId is not null)
            c.Identify(request.CveId);
        c.Analyse(request.Cwe ?? c.Cwe, request.RootCause ?? c.RootCause, vector);
        c.Plan(request.RemediationPlan ?? c.RemediationPlan, request.PlannedRelease ?? c.PlannedRelease, request.EmbargoUntil ?? c.EmbargoUntil, request.Credit ?? c.Credit);
    });

    /// <summary>The case page's analysis form: every field as shown, a blank one clears it.</summary>
    public Task SaveAsync(Guid id, CaseEdit edit) => ChangeAsync(id, async (db, c) =>
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.ProductId is { } productId)
        {
            var product = await db.Products.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == productId)
                ?? throw CaseErrors.NoSuchProduct(productId).Exception();
            // Versions picked for another product before the product changed are left out.
            c.Assign(product.Id, product.BusinessUnitId, edit.AffectedVersions.Where(v => product.Versions.Any(pv => pv.Id == v)));
            if (edit.FixedVersions is { } fixedVersions)
                c.RecordFixes(fixedVersions.Where(v => product.Versions.Any(pv => pv.Id == v)));
        }
        var vector = Normalized(edit.CvssVector);
        c.Identify(edit.CveId);
        c.Analyse(edit.Cwe, edit.RootCause, vector);
        c.Plan(edit.RemediationPlan, edit.PlannedRelease, edit.EmbargoUntil, edit.Credit);
    });

    /// <summary>Moves the case to its next state, by the state's name as a request gives it (<c>Cases.UnknownState</c> otherwise).</summary>
    public Task MoveAsync(Guid id, string? to, string? reason) => ChangeAsync(id, async (db, c) =>
    {
        if (!EnumNames.TryParse<CaseState>(to, out var state))
            throw CaseErrors.UnknownState(to, string.Join(", ", CaseWorkflow.NextOf(c.State))).Exception();
        await MoveAndFollowAsync(db, c, state, reason);
    });

    /// <summary>Moves the case to its next state (guarded: rejected and duplicate need a reason, analysis the product…).</summary>
    public Task MoveAsync(Guid id, CaseState to, string? reason) => ChangeAsync(id, (db, c) => MoveAndFollowAsync(db, c, to, reason));

    // The move and what follows the case (linked findings) are saved together.
    private async Task MoveAndFollowAsync(ShirubeDbContext db, VulnerabilityCase c, CaseState to, string? reason)
    {
        var transition = c.MoveTo(to, actor.UserName, Now, reason);
        foreach (var follower in followers)
            await follower.FollowAsync(db, c, transition.Reason);
    }

    /// <summary>Comments on the case: internal, or shared with the reporter.</summary>
    public Task CommentAsync(Guid id, string? text, bool shared) => ChangeAsync(id, (_, c) =>
    {
        c.Comment(actor.UserName, text ?? string.Empty, shared, fromReporter: false, Now);
        return Task.CompletedTask;
    });

    /// <summary>Flags the vulnerability as actively exploited (or not): on a product on the EU market this starts the CRA clocks.</summary>
    public Task MarkExploitedAsync(Guid id, bool exploited) => ChangeAsync(id, (_, c) =>
    {
        c.MarkExploited(exploited, Now);
        return Task.CompletedTask;
    });

    /// <summary>Records that a CRA report was sent.</summary>
    public Task RecordSentAsync(Guid id, CraReportKind kind) => ChangeAsync(id, (_, c) =>
    {
        c.RecordSent(kind, Now);
        return Task.CompletedTask;
    });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // The vector is stored normalized, as the scorer writes it; one that does not parse is refused.
    private static string? Normalized(string? vector)
    {
        if (string.IsNullOrWhiteSpace(vector))
            return null;
        return CvssVector.TryParse(vector.Trim(), out var parsed, out var error)
            ? parsed.Score().Vector
            : throw CaseErrors.NotACvssVector(error).Exception();
    }

    // A writer's change to a case the actor may see (Cases.NotFound otherwise), saved with its audit entries.
    private async Task ChangeAsync(Guid id, Func<ShirubeDbContext, VulnerabilityCase, Task> change)
    {
        actor.Require(Roles.Writers);
        await using var db = await contexts.CreateDbContextAsync();
        var c = await CaseViews.LoadAsync(db, id) ?? throw CaseErrors.NotFound(id).Exception();
        await change(db, c);
        await db.SaveChangesAsync();
    }
}
