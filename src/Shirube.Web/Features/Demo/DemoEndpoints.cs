using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Demo;

/// <summary>Loads and removes the example portfolio (administrators and PSIRT managers).</summary>
internal static class DemoEndpoints
{
    public static WebApplication MapDemoEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Demo").RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/", async (DemoCommands commands) => TypedResults.Ok(await commands.LoadAsync()))
            .WithSummary("Load the example portfolio: two business units, five products in fields A–E, their baselines and assessments, PSIRT cases, an incident, a maturity self-assessment, stakeholders and a course.");
        group.MapDelete("/", async (DemoCommands commands) => TypedResults.Ok(await commands.RemoveAsync()))
            .WithSummary("Remove the example portfolio again.");
        return app;
    }
}
