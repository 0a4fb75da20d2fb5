using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Exploitation;
using Shirube.Domain.Cases;
using Shirube.Domain.Exploitation;
using Shirube.Domain.Scoring;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Cases;

internal sealed record ReportCreated(Guid Id, string TrackingToken);

internal sealed record MessageDto(string From, string Text, DateTime At);

internal sealed record TrackDto(string Number, string Title, string State, DateTime ReceivedAt, MessageDto[] Messages);

internal sealed record TransitionDto(string? From, string To, string By, DateTime At, string? Reason);

internal sealed record CommentDto(Guid Id, string Author, string Text, bool Shared, bool FromReporter, DateTime At);

internal sealed record CaseSummaryDto(Guid Id, string Number, string Title, string State, DateTime ReceivedAt, Guid? ProductId, Guid? BusinessUnitId);

internal sealed record CaseDto(Guid Id, string Number, string Title, string Description, string? ReportedProduct, string? ReporterEmail, string State,
    string[] Next, DateTime ReceivedAt, Guid? ProductId, Guid? BusinessUnitId, Guid[] AffectedVersions, string? Cwe, string? RootCause, string? CvssVector,
    decimal? CvssScore, string? CvssSeverity,
    string? RemediationPlan, DateOnly? PlannedRelease, DateOnly? EmbargoUntil, string? Credit, string? Resolution, TransitionDto[] Transitions, CommentDto[] Comments,
    string ResponseLevel, string[] ResponseReasons, SlaDto[] Sla, string? CveId, ExploitationDto Exploitation, Guid[] FixedVersions);

/// <summary>What is known of the case's exploitation: the PSIRT's flag, CISA KEV and FIRST EPSS (by the case's CVE id).</summary>
internal sealed record ExploitationDto(bool Flagged, DateOnly? KevDateAdded, bool? KevRansomware, decimal? Epss, decimal? EpssPercentile, DateOnly? EpssDate);

internal sealed record SlaDto(string Step, DateTime DueAt, DateTime? ReachedAt, string Status);

/// <summary>One line of the case list page: the product by its name when the actor may see it, else as reported.</summary>
internal sealed record CaseRowDto(Guid Id, string Number, string Title, CaseState State, string? Product, DateTime ReceivedAt);

/// <summary>A product a case may be assigned to, with its versions.</summary>
internal sealed record ProductChoiceDto(Guid Id, string Name, VersionChoiceDto[] Versions);

internal sealed record VersionChoiceDto(Guid Id, string Version);

internal sealed record AttachmentDto(string FileName, long Length, string Sha256);

/// <summary>What the case page shows: the case (detached), the products it may go to, its files, CRA clocks, response level and SLA.</summary>
internal sealed record CasePageDto(VulnerabilityCase Case, ProductChoiceDto[] Products, AttachmentDto[] Attachments, IReadOnlyList<CraDeadline> Deadlines,
    ResponseDecision Decision, IReadOnlyList<SlaTarget> Sla, ExploitationSignals Signals, CvssScore? Score);

/// <summary>Reads of vulnerability cases, shared by the API, the case pages, the reporter's tracking page and the metrics.</summary>
internal sealed class CaseViews(IDbContextFactory<ShirubeDbContext> contexts, ResponsePolicy policy, TimeProvider clock)
{
    /// <summary>The cases the actor may see, newest first; <paramref name="state"/> (a state's name, any case) filters, an unknown one finds none.</summary>
    public async Task<CaseSummaryDto[]> ListAsync(string? state = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var query = db.Cases.AsNoTracking();
        if (state is not null)
        {
            if (!EnumNames.TryParse<CaseState>(state, out var s))
                return [];
            query = query.Where(c => c.State == s);
        }
        var rows = await query.OrderByDescending(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.Number, c.Title, c.State, c.ReceivedAt, c.ProductId, c.BusinessUnitId })
            .ToListAsync();
        return [.. rows.Select(c => new CaseSummaryDto(c.Id, c.Number, c.Title, c.State.ToString(), c.ReceivedAt, c.ProductId, c.BusinessUnitId))];
    }

    /// <summary>The case list page: every visible case, newest first, with its product's name.</summary>
    public async Task<CaseRowDto[]> RowsAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().OrderByDescending(c => c.ReceivedAt)
            .Select(c => new CaseRowDto(c.Id, c.Number, c.Title, c.State,
                c.ProductId == null ? c.ReportedProduct : db.Products.Where(p => p.Id == c.ProductId).Select(p => p.Name).FirstOrDefault(),
                c.ReceivedAt))
            .ToArrayAsync();
    }

    /// <summary>A case as the API shows it; <c>Cases.NotFound</c> (404) when the actor may not see it.</summary>
    public async Task<CaseDto> GetAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var c = await LoadAsync(db, id, tracked: false) ?? throw CaseErrors.NotFound(id).Exception();
        var riskClass = c.ProductId is { } pid ? await db.Products.Where(p => p.Id == pid).Select(p => p.RiskClass).SingleOrDefaultAsync() : null;
        var (decision, signals) = await DecideAsync(db, c, policy, riskClass);
        return ToDto(c, decision, ResponsePolicy.Sla(c, decision.Level, clock.GetUtcNow().UtcDateTime), Score(c), signals);
    }

    /// <summary>The case page, or null when the actor may not see the case.</summary>
    public async Task<CasePageDto?> PageAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var c = await LoadAsync(db, id, tracked: false);
        if (c is null)
            return null;
        var products = await db.Products.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Name).ToListAsync();
        var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == id)
            .Select(a => new AttachmentDto(a.FileName, a.Length, a.Sha256)).ToArrayAsync();
        var product = products.FirstOrDefault(p => p.Id == c.ProductId);
        var now = clock.GetUtcNow().UtcDateTime;
        var deadlines = CraClock.For(c, CraViews.OnEuMarket(product), now);
        var (decision, signals) = await DecideAsync(db, c, policy, product?.RiskClass);
        return new CasePageDto(c, [.. products.Select(p => new ProductChoiceDto(p.Id, p.Name, [.. p.Versions.Select(v => new VersionChoiceDto(v.Id, v.Version))]))], attachments, deadlines,
            decision, ResponsePolicy.Sla(c, decision.Level, now), signals, Score(c));
    }

    /// <summary>The reporter's view of their report, or null when no report has that tracking token.</summary>
    public async Task<TrackDto?> TrackAsync(string token)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await FindByTokenAsync(db, token, tracked: false) is { } c ? Track(c) : null;
    }

    /// <summary>A case with its transitions and comments, through the unit filter.</summary>
    internal static Task<VulnerabilityCase?> LoadAsync(ShirubeDbContext db, Guid id, bool tracked = true)
    {
        var cases = tracked ? db.Cases : db.Cases.AsNoTracking();
        return cases.Include(c => c.Transitions).Include(c => c.Comments).SingleOrDefaultAsync(c => c.Id == id);
    }

    /// <summary>The case a tracking token belongs to, whoever may see it (the token is the reporter's key), or null.</summary>
    internal static Task<VulnerabilityCase?> FindByTokenAsync(ShirubeDbContext db, string token, bool tracked = true)
    {
        var hash = VulnerabilityCase.HashToken(token);
        var cases = tracked ? db.Cases : db.Cases.AsNoTracking();
        return cases.IgnoreQueryFilters().Include(c => c.Comments).SingleOrDefaultAsync(c => c.TrackingHash == hash);
    }

    /// <summary>The case's CVSS score, from its stored (valid) vector.</summary>
    public static CvssScore? Score(VulnerabilityCase c) => CvssVector.TryParse(c.CvssVector, out var v) ? v.Score() : null;

    /// <summary>The reporter's view: the report, its state and the messages shared with them, nothing else.</summary>
    internal static TrackDto Track(VulnerabilityCase c) => new(c.Number, c.Title, c.State.ToString(), c.ReceivedAt,
        [.. c.Comments.Where(m => m.Shared).OrderBy(m => m.At).Select(m => new MessageDto(m.FromReporter ? "reporter" : "psirt", m.Text, m.At))]);

    /// <summary>The case's response level from its score, what is known of its exploitation, and its product's risk class.</summary>
    private static async Task<(ResponseDecision Decision, ExploitationSignals Signals)> DecideAsync(ShirubeDbContext db, VulnerabilityCase c, ResponsePolicy policy, int? riskClass)
    {
        var signals = await ExploitationStore.SignalsAsync(db, c.CveId, c.ExploitedSince is not null);
        return (policy.Decide(Score(c)?.Score, signals, riskClass), signals);
    }

    private static CaseDto ToDto(VulnerabilityCase c, ResponseDecision decision, IReadOnlyList<SlaTarget> sla, CvssScore? score, ExploitationSignals signals) => new(c.Id, c.Number, c.Title, c.Description, c.ReportedProduct, c.ReporterEmail, c.State.ToString(),
        [.. CaseWorkflow.NextOf(c.State).Select(s => s.ToString())], c.ReceivedAt, c.ProductId, c.BusinessUnitId, [.. c.AffectedVersions], c.Cwe, c.RootCause,
        c.CvssVector, score?.Score, score?.Severity.ToString(), c.RemediationPlan, c.PlannedRelease, c.EmbargoUntil, c.Credit, c.Resolution,
        [.. c.Transitions.OrderBy(t => t.At).Select(t => new TransitionDto(t.From?.ToString(), t.To.ToString(), t.By, t.At, t.Reason))],
        [.. c.Comments.OrderBy(m => m.At).Select(m => new CommentDto(m.Id, m.Author, m.Text, m.Shared, m.FromReporter, m.At))],
        decision.Level.Name, [.. decision.Reasons], [.. sla.Select(t => new SlaDto(t.Step, t.DueAt, t.ReachedAt, t.Status.ToString()))], c.CveId,
        new ExploitationDto(signals.KnownExploited, signals.Kev?.DateAdded, signals.Kev?.KnownRansomwareUse, signals.Epss?.Probability, signals.Epss?.Percentile, signals.Epss?.ScoreDate),
        [.. c.FixedVersions]);
}
