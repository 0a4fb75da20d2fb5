using Shirube.Domain.Cases;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Cases;

internal sealed record ExploitedRequest(bool Exploited);

internal sealed record DeadlineDto(string Kind, DateTime? DueAt, DateTime? SubmittedAt, string Status, double? HoursLeft, bool Provisional);

internal sealed record CraDto(bool Applies, bool EuMarket, DateTime? ExploitedSince, DeadlineDto[] Deadlines);

/// <summary>One CRA report due or overdue; <c>Subject</c> is "case" or "incident", <c>Href</c> the page it belongs to.</summary>
internal sealed record CraDueDto(string Subject, Guid Id, string Number, string Title, string? Product, string Kind, DateTime DueAt, string Status, double HoursLeft, bool Provisional)
{
    public string Href => Subject == "incident" ? $"/incidents/{Id}" : $"/cases/{Id}";
}

internal sealed record CraDraftDto(string Kind, string CaseNumber, string Product, string[] AffectedVersions, string Title, string Description,
    string? Cwe, string? CvssVector, decimal? CvssScore, DateTime? ExploitedSince, string? RemediationPlan, DateOnly? PlannedRelease, DateTime? CorrectiveMeasureAt);

/// <summary>EU CRA Article 14 reporting clocks on cases: flag, deadlines, report drafts assembled from the case, sent records.</summary>
internal static class CraEndpoints
{
    public static WebApplication MapCraEndpoints(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases/{id:guid}").WithTags("CRA").RequireAuthorization();
        cases.MapPut("/exploited", async (Guid id, ExploitedRequest request, CaseCommands commands, CraViews views) =>
        {
            await commands.MarkExploitedAsync(id, request.Exploited);
            return TypedResults.Ok(await views.OfCaseAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Flag the vulnerability as actively exploited (or not): on a product placed on the EU market this starts the CRA Article 14 clocks.");
        cases.MapGet("/cra", async (Guid id, CraViews views) => TypedResults.Ok(await views.OfCaseAsync(id)))
            .WithSummary("The CRA clocks of a case: early warning (24 h), notification (72 h), final report (14 days after the fix), with status and hours left.");
        cases.MapGet("/cra/{kind}", async (Guid id, string kind, CraViews views) =>
            TypedResults.Ok(await views.DraftAsync(id, Kind(kind))))
            .WithSummary("The content of one CRA report, assembled from the case: product and versions, the vulnerability, CWE and CVSS, exploitation, corrective measures.");
        cases.MapPost("/cra/{kind}", async (Guid id, string kind, CaseCommands commands, CraViews views) =>
        {
            await commands.RecordSentAsync(id, Kind(kind));
            return TypedResults.Ok(await views.OfCaseAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Record that a CRA report was sent.");

        app.MapGet("/api/cra/deadlines", async (CraViews views) => TypedResults.Ok(await views.DueAsync()))
            .RequireAuthorization().WithTags("CRA")
            .WithSummary("Every CRA report due or overdue on the cases and incidents the caller may see, soonest deadline first.");
        return app;
    }

    private static CraReportKind Kind(string kind) =>
        EnumNames.TryParse<CraReportKind>(kind, out var k) ? k : throw CaseErrors.UnknownReportKind(kind).Exception();
}
