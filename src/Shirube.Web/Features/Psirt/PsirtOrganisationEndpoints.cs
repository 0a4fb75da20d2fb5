using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Psirt;

/// <summary>The PSIRT's organisation: every signed-in role reads it; administrators and PSIRT managers change it.</summary>
internal static class PsirtOrganisationEndpoints
{
    public static WebApplication MapPsirtOrganisationEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/psirt").WithTags("PsirtOrganisation").RequireAuthorization();

        group.MapGet("/organisation", async (PsirtOrganisationViews views) => TypedResults.Ok(await views.ViewAsync()))
            .WithSummary("The set-up, the members with their total FTE, and the RACI matrix of FIRST services with each row's warnings.");

        group.MapPut("/organisation", async (SetupRequest request, PsirtOrganisationCommands commands, PsirtOrganisationViews views) =>
        {
            await commands.SetSetupAsync(request);
            return TypedResults.Ok(await views.ViewAsync());
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).ProducesValidationProblem()
          .WithSummary("Set the set-up: Centralised, Distributed or Hybrid, with notes.");

        group.MapPost("/members", async (SaveMemberRequest request, PsirtOrganisationCommands commands) =>
        {
            var member = await commands.AddMemberAsync(request);
            return TypedResults.Created($"/api/psirt/members/{member.Id}", member);
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).ProducesValidationProblem()
          .WithSummary("Add a member: a user account or a name, department, role, Dedicated or PartTime with a share of time.");

        group.MapPut("/members/{id:guid}", async (Guid id, SaveMemberRequest request, PsirtOrganisationCommands commands) =>
            TypedResults.Ok(await commands.UpdateMemberAsync(id, request)))
            .RequireAuthorization(AccountsSetup.PsirtLeadPolicy).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a member.");

        group.MapDelete("/members/{id:guid}", async (Guid id, PsirtOrganisationCommands commands) =>
        {
            await commands.RemoveMemberAsync(id);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Remove a member.");

        group.MapPut("/raci/{serviceId}/{departmentId:guid}", async (string serviceId, Guid departmentId, RaciCellRequest request, PsirtOrganisationCommands commands) =>
            TypedResults.Ok(await commands.SetCellAsync(serviceId, departmentId, request.Role)))
            .RequireAuthorization(AccountsSetup.PsirtLeadPolicy).ProducesValidationProblem()
            .WithSummary("Set one RACI cell to R, A, C or I (empty clears it); returns the row's warnings.");

        return app;
    }
}
