using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Stakeholders;

/// <summary>The stakeholder registry: every signed-in role reads it; administrators and PSIRT managers change it.</summary>
internal static class StakeholderEndpoints
{
    public static WebApplication MapStakeholderEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/stakeholders").WithTags("Stakeholders").RequireAuthorization();

        group.MapGet("/", async (string? kind, string? q, StakeholderViews views) => TypedResults.Ok(await views.ListAsync(kind, q)))
            .WithSummary("Stakeholders, optionally of one kind (Department, Supplier, Coordinator, Customer, Regulator) and matching a search.");

        group.MapGet("/lookup", async (string? purl, string? cpe, StakeholderViews views) => TypedResults.Ok(await views.LookupAsync(purl, cpe)))
            .WithSummary("The suppliers to contact for a component given by ?purl= or ?cpe=, most specific match first, with why each matched.");

        group.MapGet("/{id:guid}", async (Guid id, StakeholderViews views) => TypedResults.Ok(await views.GetAsync(id)))
            .WithSummary("One stakeholder.");

        group.MapPost("/", async (SaveStakeholderRequest request, StakeholderCommands commands) =>
        {
            var created = await commands.CreateAsync(request);
            return TypedResults.Created($"/api/stakeholders/{created.Id}", created);
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Add a stakeholder.");

        group.MapPut("/{id:guid}", async (Guid id, SaveStakeholderRequest request, StakeholderCommands commands) => TypedResults.Ok(await commands.UpdateAsync(id, request)))
            .RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Change a stakeholder's details, keys and products.");

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, StakeholderCommands commands) =>
        {
            await commands.DeleteAsync(id);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.PsirtLeadPolicy).WithSummary("Remove a stakeholder (its RACI cells go with it; members keep their names).");

        return app;
    }
}
