using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Demo;

/// <summary>Loads and removes the example portfolio (administrators and PSIRT managers).</summary>
internal static class DemoEndpoints
{
    public static WebApplication MapDemoEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Demo").RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy);
        group.MapPost("/", async (DemoCommands demo) => TypedResults.Ok(await demo.LoadAsync()))
            .WithSummary("Load the example portfolio: two business units, five products in fields A–E.");
        group.MapDelete("/", async (DemoCommands demo) => TypedResults.Ok(await demo.RemoveAsync()))
            .WithSummary("Remove the example portfolio again.");
        return app;
    }
}
