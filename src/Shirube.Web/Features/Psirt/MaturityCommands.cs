using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain;
using Shirube.Domain.Accounts;
using Shirube.Domain.Psirt;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Psirt;

internal sealed record StartAssessmentRequest(string? Title, DateOnly? AssessedOn, string? AssessedBy);

internal sealed record AnswerRequest(string? Practice, string? OwnerDepartment, string? Evidence, string? Level);

/// <summary>Changes to the maturity self-assessments, shared by the API and the pages: start, answer, complete.</summary>
internal sealed class MaturityCommands(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor, TimeProvider clock, PsirtFramework framework)
{
    /// <summary>May answer services of a draft.</summary>
    public static readonly string[] Editors = [Roles.Administrator, Roles.PsirtManager, Roles.PsirtAnalyst];

    /// <summary>May start and complete assessments: the assessment speaks for the whole company.</summary>
    public static readonly string[] Leads = [Roles.Administrator, Roles.PsirtManager];

    /// <summary>
    /// Starts an assessment, copying the latest completed one (never the example portfolio's, which is not the company's
    /// own and goes when the example is removed). Only one draft at a time (<c>Psirt.DraftOpen</c>), so that a
    /// re-assessment always compares with the assessment the company last agreed on. Returns its id.
    /// </summary>
    public async Task<Guid> StartAsync(string? title, DateOnly? assessedOn, string? assessedBy)
    {
        actor.Require(Leads);
        await using var db = await contexts.CreateDbContextAsync();
        Guard.That(!await db.MaturityAssessments.AnyAsync(a => a.CompletedAt == null), PsirtErrors.DraftOpen());
        var latest = await db.MaturityAssessments.Include(a => a.Answers).AsNoTracking()
            .Where(a => a.CompletedAt != null && !a.IsDemo).OrderByDescending(a => a.CompletedAt).FirstOrDefaultAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = MaturityAssessment.Start(framework, title ?? string.Empty, assessedOn ?? DateOnly.FromDateTime(now),
            assessedBy ?? actor.UserName, actor.UserName, now, latest);
        db.MaturityAssessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>Answers one service of a draft, from the API's names: unknown practice or level names are refused naming the field.</summary>
    public Task AnswerAsync(Guid id, string serviceId, AnswerRequest request)
    {
        var practice = Parse<ServicePractice>(request.Practice, "practice");
        MaturityLevel? level = string.IsNullOrEmpty(request.Level) ? null : Parse<MaturityLevel>(request.Level, "level");
        return AnswerAsync(id, serviceId, practice, request.OwnerDepartment, request.Evidence, level);
    }

    /// <summary>Answers one service of a draft; a completed assessment refuses (<c>Psirt.AssessmentCompleted</c>, 409).</summary>
    public async Task AnswerAsync(Guid id, string serviceId, ServicePractice practice, string? ownerDepartment, string? evidence, MaturityLevel? level)
    {
        actor.Require(Editors);
        await using var db = await contexts.CreateDbContextAsync();
        var assessment = await LoadAsync(db, id);
        Guard.That(framework.Service(serviceId) is not null, () => PsirtErrors.ServiceNotFound(serviceId, framework.Version));
        assessment.Answer(serviceId, practice, ownerDepartment, evidence, level);
        await db.SaveChangesAsync();
    }

    /// <summary>Completes an assessment: it is frozen from then on.</summary>
    public async Task CompleteAsync(Guid id)
    {
        actor.Require(Leads);
        await using var db = await contexts.CreateDbContextAsync();
        var assessment = await LoadAsync(db, id);
        assessment.Complete(actor.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static async Task<MaturityAssessment> LoadAsync(ShirubeDbContext db, Guid id) =>
        await db.MaturityAssessments.Include(a => a.Answers).SingleOrDefaultAsync(a => a.Id == id)
            ?? throw PsirtErrors.AssessmentNotFound(id).Exception();

    private static T Parse<T>(string? text, string field) where T : struct, Enum =>
        EnumNames.TryParse<T>(text, out var value) ? value
            : throw CommonErrors.UnknownValue(field, text ?? string.Empty, string.Join(", ", Enum.GetNames<T>())).Exception();
}
