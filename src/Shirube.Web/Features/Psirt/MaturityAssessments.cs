using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Accounts;
using Shirube.Domain.Psirt;

namespace Shirube.Web.Features.Psirt;

/// <summary>The maturity assessments as the API and the pages both use them: who may change what, start, load, compare.</summary>
internal static class MaturityAssessments
{
    /// <summary>May answer services of a draft.</summary>
    public static readonly string[] Editors = [Roles.Administrator, Roles.PsirtManager, Roles.PsirtAnalyst];

    /// <summary>May start and complete assessments: the assessment speaks for the whole company.</summary>
    public static readonly string[] Leads = [Roles.Administrator, Roles.PsirtManager];

    public static Task<MaturityAssessment?> LoadAsync(ShirubeDbContext db, Guid id, bool tracking = false)
    {
        var query = db.MaturityAssessments.Include(a => a.Answers).AsQueryable();
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id);
    }

    /// <summary>
    /// Starts an assessment, copying the latest completed one. Only one draft at a time, so that a re-assessment
    /// always compares with the assessment the company last agreed on.
    /// </summary>
    public static async Task<MaturityAssessment> StartAsync(ShirubeDbContext db, PsirtFramework framework, string? title, DateOnly assessedOn, string? assessedBy, string user, DateTime now)
    {
        if (await db.MaturityAssessments.AnyAsync(a => a.CompletedAt == null))
            throw new InvalidOperationException("An assessment is still in progress: complete it before starting another.");
        var latest = await db.MaturityAssessments.Include(a => a.Answers).AsNoTracking()
            .Where(a => a.CompletedAt != null).OrderByDescending(a => a.CompletedAt).FirstOrDefaultAsync();
        var assessment = MaturityAssessment.Start(framework, title ?? string.Empty, assessedOn, assessedBy ?? string.Empty, user, now, latest);
        db.MaturityAssessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment;
    }

    /// <summary>The assessment this one compares with.</summary>
    public static async Task<MaturityAssessment?> PreviousAsync(ShirubeDbContext db, MaturityAssessment assessment) =>
        assessment.PreviousId is { } p ? await LoadAsync(db, p) : null;

    /// <summary>Owner departments named before, for suggestions.</summary>
    /// <summary>
    /// Owner suggestions: the internal departments of the stakeholder registry, in the user's language, then the names
    /// used in earlier answers.
    /// </summary>
    public static async Task<List<string>> OwnersAsync(ShirubeDbContext db)
    {
        var japanese = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("ja", StringComparison.Ordinal);
        var departments = await db.Stakeholders.AsNoTracking().Where(s => s.Kind == Shirube.Domain.Stakeholders.StakeholderKind.Department)
            .Select(s => japanese ? s.NameJa : s.NameEn).ToListAsync();
        var used = await db.Set<MaturityAnswer>().AsNoTracking().Where(a => a.OwnerDepartment != null).Select(a => a.OwnerDepartment!).Distinct().ToListAsync();
        return [.. departments.Order(StringComparer.CurrentCulture).Concat(used.Order(StringComparer.CurrentCulture)).Distinct(StringComparer.Ordinal)];
    }
}
