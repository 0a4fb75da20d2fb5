using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Risk;

/// <summary>The risk-level definitions: the likelihood × impact matrix, read by everyone, changed by administrators and PSIRT managers.</summary>
internal static class RiskMatrixEndpoints
{
    public static WebApplication MapRiskMatrixEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/risk-matrix").WithTags("Threats").RequireAuthorization();
        group.MapGet("/", async (RiskMatrixViews views) => TypedResults.Ok(await views.MatrixAsync()))
            .WithSummary("The likelihood × impact matrix: the steps of each axis with their names and meanings (ja/en), and the risk level of every cell.");
        group.MapPut("/", async Task<Results<Ok<RiskMatrixDto>, ValidationProblem>> (RiskMatrixRequest request, RiskMatrixCommands commands, ErrorText text) =>
        {
            var change = await commands.ChangeAsync(request);
            if (change.Saved is { } saved)
                return TypedResults.Ok(saved);
            // One error per offending cell, so a client can point at it.
            var errors = change.Violations.Select(v => v.Error()).GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => g.Select(text.For).ToArray());
            return TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["code"] = "Risk.LowerThanNeighbour" });
        }).RequireAuthorization(AccountsSetup.SeeAllUnitsPolicy)
          .WithSummary("Change cell levels and step names (administrators and PSIRT managers). Refused with one error per cell when a cell would be lower than a cell with less likelihood or impact.");
        return app;
    }
}
