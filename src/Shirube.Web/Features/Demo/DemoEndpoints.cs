using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Data;
using Shirube.Data.Demo;
using Shirube.Formats.Portfolio;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Demo;

/// <summary>Loads and removes the example portfolio (administrators and PSIRT managers).</summary>
internal static class DemoEndpoints
{
    public static WebApplication MapDemoEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/demo").WithTags("Demo").RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy);
        group.MapPost("/", async Task<Results<Ok<DemoResult>, ProblemHttpResult>> (ShirubeDbContext db) =>
        {
            try
            {
                return TypedResults.Ok(await DemoLoader.LoadAsync(db, DemoPortfolio.Load()));
            }
            catch (InvalidOperationException e)
            {
                return Problems.Conflict(e.Message);
            }
        }).WithSummary("Load the example portfolio: two business units, five products in fields A–E.");
        group.MapDelete("/", async Task<Results<Ok<DemoResult>, ProblemHttpResult>> (ShirubeDbContext db) =>
        {
            try
            {
                return TypedResults.Ok(await DemoLoader.RemoveAsync(db));
            }
            catch (InvalidOperationException e)
            {
                return Problems.Conflict(e.Message);
            }
        }).WithSummary("Remove the example portfolio again.");
        return app;
    }
}
