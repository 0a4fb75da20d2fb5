using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;

namespace Shirube.Web.Features.Psirt;

internal sealed record AreaScoreDto(string AreaId, decimal? Score, int Counted, int InPlace, int Partial, int NotAssessed, decimal? Before, string Trend);

internal sealed record AnswerDto(string ServiceId, string AreaId, string Practice, string? OwnerDepartment, string? Evidence, string? Level, string? Before, string Trend);

internal sealed record AssessmentSummaryDto(Guid Id, string Title, DateOnly AssessedOn, string AssessedBy, DateTime? CompletedAt, decimal? Overall, AreaScoreDto[] Areas);

internal sealed record AssessmentDto(Guid Id, string Title, DateOnly AssessedOn, string AssessedBy, Guid? PreviousId, DateTime CreatedAt, string CreatedBy,
    DateTime? CompletedAt, string? CompletedBy, decimal? Overall, decimal? PreviousOverall, AreaScoreDto[] Areas, AnswerDto[] Answers);

/// <summary>The maturity page's list: every assessment newest first, the latest with the one it compares with, and the open draft.</summary>
internal sealed record MaturityOverview(IReadOnlyList<MaturityAssessment> Assessments, MaturityAssessment? Latest, MaturityAssessment? Previous, MaturityAssessment? Draft);

/// <summary>One assessment for its page: the assessment, the one it compares with, and owner suggestions.</summary>
internal sealed record MaturityDetail(MaturityAssessment Assessment, MaturityAssessment? Previous, IReadOnlyList<string> Owners);

/// <summary>Reads of the maturity self-assessments, shared by the API and the pages. Scores are computed from the answers, so assessments load whole.</summary>
internal sealed class MaturityViews(IDbContextFactory<ShirubeDbContext> contexts, PsirtFramework framework)
{
    /// <summary>Every assessment, newest first, with its overall score and the score per area.</summary>
    public async Task<AssessmentSummaryDto[]> ListAsync()
    {
        var all = await AllAsync();
        return [.. all.Select(a => new AssessmentSummaryDto(a.Id, a.Title, a.AssessedOn, a.AssessedBy, a.CompletedAt, MaturityScore.Overall(a), Areas(a, null)))];
    }

    /// <summary>The list page's data.</summary>
    public async Task<MaturityOverview> OverviewAsync()
    {
        var all = await AllAsync();
        var latest = all.FirstOrDefault();
        var previous = latest?.PreviousId is { } p ? all.FirstOrDefault(a => a.Id == p) : null;
        return new MaturityOverview(all, latest, previous, all.FirstOrDefault(a => !a.IsCompleted));
    }

    /// <summary>One assessment with answers, scores and progress (<c>Psirt.AssessmentNotFound</c> when there is none).</summary>
    public async Task<AssessmentDto> AssessmentAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var assessment = await LoadAsync(db, id) ?? throw PsirtErrors.AssessmentNotFound(id).Exception();
        var previous = assessment.PreviousId is { } p ? await LoadAsync(db, p) : null;
        var services = MaturityScore.Services(assessment, previous).ToDictionary(s => s.ServiceId, StringComparer.Ordinal);
        return new AssessmentDto(assessment.Id, assessment.Title, assessment.AssessedOn, assessment.AssessedBy, assessment.PreviousId, assessment.CreatedAt,
            assessment.CreatedBy, assessment.CompletedAt, assessment.CompletedBy, MaturityScore.Overall(assessment), previous is null ? null : MaturityScore.Overall(previous),
            Areas(assessment, previous),
            [.. framework.Services.Select(s => (Service: s, Answer: assessment.Answers.FirstOrDefault(x => x.ServiceId == s.Id))).Where(x => x.Answer is not null)
                .Select(x => new AnswerDto(x.Service.Id, x.Service.AreaId, x.Answer!.Practice.ToString(), x.Answer.OwnerDepartment, x.Answer.Evidence,
                    x.Answer.Level?.ToString(), services[x.Service.Id].Before?.ToString(), services[x.Service.Id].Trend.ToString()))]);
    }

    /// <summary>One assessment for its page; null when there is none.</summary>
    public async Task<MaturityDetail?> DetailAsync(Guid id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (await LoadAsync(db, id) is not { } assessment)
            return null;
        var previous = assessment.PreviousId is { } p ? await LoadAsync(db, p) : null;
        return new MaturityDetail(assessment, previous, await OwnersAsync(db));
    }

    private async Task<List<MaturityAssessment>> AllAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.MaturityAssessments.AsNoTracking().Include(a => a.Answers).OrderByDescending(a => a.CreatedAt).ToListAsync();
    }

    private static Task<MaturityAssessment?> LoadAsync(ShirubeDbContext db, Guid id) =>
        db.MaturityAssessments.AsNoTracking().Include(a => a.Answers).SingleOrDefaultAsync(a => a.Id == id);

    /// <summary>
    /// Owner suggestions: the internal departments of the stakeholder registry, in the user's language, then the names
    /// used in earlier answers.
    /// </summary>
    private static async Task<List<string>> OwnersAsync(ShirubeDbContext db)
    {
        var japanese = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("ja", StringComparison.Ordinal);
        var departments = await db.Stakeholders.AsNoTracking().Where(s => s.Kind == StakeholderKind.Department)
            .Select(s => japanese ? s.NameJa : s.NameEn).ToListAsync();
        var used = await db.Set<MaturityAnswer>().AsNoTracking().Where(a => a.OwnerDepartment != null).Select(a => a.OwnerDepartment!).Distinct().ToListAsync();
        return [.. departments.Order(StringComparer.CurrentCulture).Concat(used.Order(StringComparer.CurrentCulture)).Distinct(StringComparer.Ordinal)];
    }

    private AreaScoreDto[] Areas(MaturityAssessment a, MaturityAssessment? previous)
    {
        var progress = MaturityScore.Areas(framework, a, previous);
        return [.. MaturityScore.ByArea(framework, a).Zip(progress, (s, p) => new AreaScoreDto(s.AreaId, s.Score, s.Counted, s.InPlace, s.Partial, s.NotAssessed,
            p.Before, p.Trend.ToString()))];
    }
}
