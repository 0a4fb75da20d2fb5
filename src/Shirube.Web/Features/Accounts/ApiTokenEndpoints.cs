using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Accounts;

internal static class ApiTokenEndpoints
{
    public static WebApplication MapApiTokenEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/auth/tokens").WithTags("API tokens");

        group.MapPost("/", async Task<Results<Created<CreatedToken>, ProblemHttpResult>> (CreateTokenRequest request, ApiTokenCommands commands) =>
        {
            var issue = await commands.IssueWithPasswordAsync(request);
            return issue.Token is { } token ? TypedResults.Created($"/api/auth/tokens/{token.Id}", token) : Problems.Unauthorized(issue.Refusal ?? string.Empty);
        }).AllowAnonymous().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Create an API token with username and password.")
            .WithDescription("Returns the token once. Use it as 'Authorization: Bearer <token>'. A wrong password gets 401; repeated failures lock the account.");

        group.MapGet("/", async (ApiTokenViews views) => TypedResults.Ok(await views.MineAsync()))
            .RequireAuthorization().WithSummary("List the caller's API tokens.");

        group.MapDelete("/{id:guid}", async (Guid id, ApiTokenCommands commands) =>
        {
            await commands.RevokeAsync(id);
            return TypedResults.NoContent();
        }).RequireAuthorization().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Revoke an API token.");

        return app;
    }
}
