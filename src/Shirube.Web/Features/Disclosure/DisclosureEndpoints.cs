using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Disclosure;

/// <summary>Security advisories of cases: draft, edit, preview with the validator's results, review, approval, publication, revisions.</summary>
internal static class DisclosureEndpoints
{
    public static WebApplication MapDisclosureEndpoints(this WebApplication app)
    {
        var ofCase = app.MapGroup("/api/cases/{caseId:guid}/advisory").WithTags("Advisories").RequireAuthorization();
        ofCase.MapPost("/", async Task<Created<AdvisoryDto>> (Guid caseId, DisclosureCommands commands, DisclosureViews views) =>
        {
            var id = await commands.CreateAsync(caseId);
            return TypedResults.Created($"/api/advisories/{id}", await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Draft the case's CSAF advisory: product tree from the portfolio, CVE, CWE, CVSS and product status from the case; titles and acknowledgment to edit.");
        ofCase.MapGet("/", async (Guid caseId, DisclosureViews views) => TypedResults.Ok(await views.ForCaseAsync(caseId)))
            .WithSummary("The case's advisory.");

        var advisories = app.MapGroup("/api/advisories").WithTags("Advisories").RequireAuthorization();
        advisories.MapGet("/", async (DisclosureViews views) => TypedResults.Ok(await views.ListAsync()))
            .WithSummary("Advisories of the caller's business units, most recently edited first.");
        advisories.MapGet("/{id:guid}", async (Guid id, DisclosureViews views) => TypedResults.Ok(await views.GetAsync(id)))
            .WithSummary("An advisory with its revisions.");
        advisories.MapPut("/{id:guid}", async (Guid id, UpdateAdvisoryRequest request, DisclosureCommands commands, DisclosureViews views) =>
        {
            await commands.UpdateAsync(id, request);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Edit the texts (ja and en), TLP, fixes (URL and date per fixed version), acknowledgment, CWE name, a CVSS v3.1 vector beside a v4.0 one, the revision summary. Fields left out keep their value. Review and approval start again.");
        advisories.MapGet("/{id:guid}/preview", async (Guid id, string? lang, DisclosureViews views) => TypedResults.Ok(await views.PreviewAsync(id, lang)))
            .WithSummary("The CSAF 2.0 document as it would be published now (lang=ja|en), with the validator's errors, warnings and infos.");
        advisories.MapPost("/{id:guid}/submit", async (Guid id, DisclosureCommands commands, DisclosureViews views) =>
        {
            await commands.SubmitAsync(id);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Submit the draft for review (summaries and revision summary in both languages needed).");
        advisories.MapPost("/{id:guid}/send-back", async (Guid id, DisclosureCommands commands, DisclosureViews views) =>
        {
            await commands.SendBackAsync(id);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.PsirtPolicy).WithSummary("Send the advisory in review back to draft.");
        advisories.MapPost("/{id:guid}/approve", async (Guid id, DisclosureCommands commands, DisclosureViews views) =>
        {
            await commands.ApproveAsync(id);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.PsirtPolicy).WithSummary("Approve the advisory in review: a PSIRT role other than its last editor.");
        advisories.MapPost("/{id:guid}/publish", async (Guid id, PublishRequest request, DisclosureCommands commands, DisclosureViews views) =>
        {
            await commands.PublishAsync(id, request.Release);
            return TypedResults.Ok(await views.GetAsync(id));
        }).RequireAuthorization(AccountsSetup.PsirtPolicy)
          .WithSummary("Publish the approved advisory (release: final or interim): refused during the case's embargo or when a document has validator errors; the documents are frozen in the new revision.");
        advisories.MapGet("/{id:guid}/revisions", async (Guid id, DisclosureViews views) => TypedResults.Ok(await views.RevisionsAsync(id)))
            .WithSummary("The published revisions, oldest first.");
        advisories.MapGet("/{id:guid}/revisions/{number:int}/csaf", async (Guid id, int number, string? lang, DisclosureViews views) =>
            TypedResults.Text(await views.DocumentAsync(id, number, lang), "application/json; charset=utf-8"))
            .WithSummary("A revision's CSAF document (lang=ja|en) exactly as published.");
        return app;
    }
}
