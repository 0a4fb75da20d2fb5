using Shirube.Domain.Psirt;

namespace Shirube.Web.Features.Psirt;

/// <summary>The FIRST PSIRT Services Framework and the company's maturity self-assessments against it.</summary>
internal static class MaturityEndpoints
{
    public static WebApplication MapMaturityEndpoints(this WebApplication app)
    {
        var psirt = app.MapGroup("/api/psirt").WithTags("PSIRT maturity").RequireAuthorization();
        psirt.MapGet("/framework", (PsirtFramework framework) => TypedResults.Ok(new { framework.Version, framework.Levels, framework.Areas }))
            .WithSummary("The FIRST PSIRT Services Framework 1.1: service areas, services, functions and maturity levels; 'verify' marks names not confirmed against FIRST's text.");

        var maturity = psirt.MapGroup("/maturity");
        maturity.MapGet("/", async (MaturityViews views) => TypedResults.Ok(await views.ListAsync()))
            .WithSummary("Every maturity assessment, newest first, with its overall score and the score per service area.");

        maturity.MapPost("/", async (StartAssessmentRequest request, MaturityCommands commands, MaturityViews views) =>
        {
            var id = await commands.StartAsync(request.Title, request.AssessedOn, request.AssessedBy);
            return TypedResults.Created($"/api/psirt/maturity/{id}", await views.AssessmentAsync(id));
        }).RequireAuthorization(p => p.RequireRole(MaturityCommands.Leads))
          .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Start an assessment: a copy of the latest completed one (a re-assessment), or empty for the first. One draft at a time.");

        maturity.MapGet("/{id:guid}", async (Guid id, MaturityViews views) => TypedResults.Ok(await views.AssessmentAsync(id)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One assessment: answers per service, scores per area and overall, and progress against the assessment it was copied from.");

        maturity.MapPut("/{id:guid}/answers/{serviceId}", async (Guid id, string serviceId, AnswerRequest request, MaturityCommands commands, MaturityViews views) =>
        {
            await commands.AnswerAsync(id, serviceId, request);
            return TypedResults.Ok(await views.AssessmentAsync(id));
        }).RequireAuthorization(p => p.RequireRole(MaturityCommands.Editors))
          .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Answer one service of a draft: practice (InPlace, Partial, NotInPlace, NotApplicable), owner department, evidence, believed maturity level. A completed assessment gives 409.");

        maturity.MapPost("/{id:guid}/complete", async (Guid id, MaturityCommands commands, MaturityViews views) =>
        {
            await commands.CompleteAsync(id);
            return TypedResults.Ok(await views.AssessmentAsync(id));
        }).RequireAuthorization(p => p.RequireRole(MaturityCommands.Leads))
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Complete an assessment: it is frozen from then on, and the next one starts from a copy of it.");
        return app;
    }
}
