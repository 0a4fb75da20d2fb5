namespace Shirube.Web.Features.Accounts;

internal static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (AccountCommands commands) =>
        {
            await commands.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        // Who am I: for scripts checking their token.
        app.MapGet("/api/me", (HttpContext http) =>
        {
            var user = http.User;
            return TypedResults.Ok(new MeResponse(
                user.Identity!.Name ?? string.Empty,
                user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToArray(),
                user.FindAll(ShirubeClaims.Unit).Select(c => c.Value).ToArray(),
                CurrentActor.ScopeOf(user).SeesAllUnits));
        }).RequireAuthorization().WithTags("Accounts").WithSummary("The calling user, their roles and business units.");

        return app;
    }
}

internal sealed record MeResponse(string UserName, string[] Roles, string[] BusinessUnits, bool SeesAllUnits);
