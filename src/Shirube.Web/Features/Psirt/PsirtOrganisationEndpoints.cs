using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Data;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Psirt;

/// <summary>The PSIRT's organisation: every signed-in role reads it; administrators and PSIRT managers change it.</summary>
internal static class PsirtOrganisationEndpoints
{
    public static WebApplication MapPsirtOrganisationEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/psirt").WithTags("PsirtOrganisation").RequireAuthorization();

        group.MapGet("/organisation", async (ShirubeDbContext db) => TypedResults.Ok(await PsirtOrganisationCommands.ViewAsync(db)))
            .WithSummary("The set-up, the members with their total FTE, and the RACI matrix of FIRST services with each row's warnings.");

        group.MapPut("/organisation", async Task<Results<Ok<PsirtOrganisationView>, ValidationProblem>> (SetupRequest request, ShirubeDbContext db) =>
        {
            try
            {
                await PsirtOrganisationCommands.SetSetupAsync(db, request);
                return TypedResults.Ok(await PsirtOrganisationCommands.ViewAsync(db));
            }
            catch (PsirtChangeException e)
            {
                return Problems.Invalid(e.Field, e.Message);
            }
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Set the set-up: Centralised, Distributed or Hybrid, with notes.");

        group.MapPost("/members", async Task<Results<Created<PsirtMemberDto>, ValidationProblem>> (SaveMemberRequest request, ShirubeDbContext db) =>
        {
            try
            {
                var m = await PsirtOrganisationCommands.AddMemberAsync(db, request);
                return TypedResults.Created($"/api/psirt/members/{m.Id}", ToDto(m));
            }
            catch (PsirtChangeException e)
            {
                return Problems.Invalid(e.Field, e.Message);
            }
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Add a member: a user account or a name, department, role, Dedicated or PartTime with a share of time.");

        group.MapPut("/members/{id:guid}", async Task<Results<Ok<PsirtMemberDto>, ValidationProblem, ProblemHttpResult>> (Guid id, SaveMemberRequest request, ShirubeDbContext db) =>
        {
            try
            {
                return await PsirtOrganisationCommands.UpdateMemberAsync(db, id, request) is { } m ? TypedResults.Ok(ToDto(m)) : Problems.NotFound($"No member {id}.");
            }
            catch (PsirtChangeException e)
            {
                return Problems.Invalid(e.Field, e.Message);
            }
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Change a member.");

        group.MapDelete("/members/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
        {
            if (!await PsirtOrganisationCommands.RemoveMemberAsync(db, id))
                return Problems.NotFound($"No member {id}.");
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Remove a member.");

        group.MapPut("/raci/{serviceId}/{departmentId:guid}", async Task<Results<Ok<string[]>, ValidationProblem>> (string serviceId, Guid departmentId, RaciCellRequest request, ShirubeDbContext db) =>
        {
            try
            {
                return TypedResults.Ok(await PsirtOrganisationCommands.SetCellAsync(db, serviceId, departmentId, request.Role));
            }
            catch (PsirtChangeException e)
            {
                return Problems.Invalid(e.Field, e.Message);
            }
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Set one RACI cell to R, A, C or I (empty clears it); returns the row's warnings.");

        return app;
    }

    private static PsirtMemberDto ToDto(Domain.Psirt.PsirtMember m) =>
        new(m.Id, m.Name, m.UserId, m.DepartmentId, m.Role, m.Commitment.ToString(), m.TimeSharePercent);
}
