using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Organisation;

/// <summary>Business units and user accounts. Administrators manage them; everyone sees the units they belong to.</summary>
internal static class OrganisationEndpoints
{
    public static WebApplication MapOrganisationEndpoints(this WebApplication app)
    {
        var units = app.MapGroup("/api/business-units").WithTags("Organisation").RequireAuthorization();
        units.MapGet("/", async (OrganisationViews views) => TypedResults.Ok(await views.UnitsAsync()))
            .WithSummary("Business units the caller may see.");

        units.MapPost("/", async (SaveBusinessUnitRequest request, OrganisationCommands commands) =>
        {
            var unit = await commands.CreateUnitAsync(request);
            return TypedResults.Created($"/api/business-units/{unit.Id}", unit);
        }).RequireAuthorization(AccountsSetup.AdministratorPolicy).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Create a business unit.");

        units.MapDelete("/{id:guid}", async (Guid id, OrganisationCommands commands) =>
        {
            await commands.DeleteUnitAsync(id);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.AdministratorPolicy).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Delete an empty business unit.");

        var users = app.MapGroup("/api/users").WithTags("Organisation").RequireAuthorization(AccountsSetup.AdministratorPolicy);
        users.MapGet("/", async (OrganisationViews views) => TypedResults.Ok(await views.UsersAsync()))
            .WithSummary("Every account, with roles and business units.");
        users.MapPost("/", async (CreateUserRequest request, OrganisationCommands commands) =>
        {
            var user = await commands.CreateUserAsync(request);
            return TypedResults.Created($"/api/users/{user.Id}", user);
        }).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
          .WithSummary("Create an account with roles and business units.");
        users.MapPut("/{id}", async (string id, UpdateUserRequest request, OrganisationCommands commands) =>
            TypedResults.Ok(await commands.UpdateUserAsync(id, request)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change an account's name, roles and business units.");
        return app;
    }
}
