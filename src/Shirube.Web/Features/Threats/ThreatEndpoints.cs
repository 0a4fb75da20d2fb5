using Microsoft.AspNetCore.Http.HttpResults;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Threats;

/// <summary>The threat register of a product: threats per IoT part and STRIDE category, with countermeasures linked to baseline lines.</summary>
internal static class ThreatEndpoints
{
    public static WebApplication MapThreatEndpoints(this WebApplication app)
    {
        var products = app.MapGroup("/api/products/{productId:guid}/threats").WithTags("Threats").RequireAuthorization();
        products.MapGet("/", async (Guid productId, ThreatViews views) => TypedResults.Ok(await views.RegisterAsync(productId)))
            .WithSummary("The product's threat register: every threat with its risk before and after countermeasures (from the current matrix), and the STRIDE × part group summary with counts and the highest risk.");
        products.MapPost("/", async (Guid productId, ThreatRequest request, ThreatCommands commands) =>
        {
            var threat = await commands.CreateAsync(productId, request);
            return TypedResults.Created($"/api/threats/{threat.Id}", threat);
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Add a threat: title, description, part (device, network-local, …), STRIDE category, likelihood and impact (1–5), residual likelihood and impact, owner, decision (Mitigate, Accept with justification, Transfer, Avoid), countermeasures with status and the keys of the baseline lines they fulfil.");

        var threats = app.MapGroup("/api/threats").WithTags("Threats").RequireAuthorization();
        threats.MapGet("/{id:guid}", async (Guid id, ThreatViews views) => TypedResults.Ok(await views.ThreatAsync(id)))
            .WithSummary("A threat with its countermeasures and its risk from the current matrix.");
        threats.MapPut("/{id:guid}", async (Guid id, ThreatRequest request, ThreatCommands commands) => TypedResults.Ok(await commands.UpdateAsync(id, request)))
            .RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Replace a threat with the body (as for adding one).");
        threats.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ThreatCommands commands) =>
        {
            await commands.DeleteAsync(id);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Delete a threat.");

        app.MapGet("/api/baselines/{id:guid}/threats", async (Guid id, ThreatViews views) => TypedResults.Ok(await views.ForBaselineAsync(id)))
            .RequireAuthorization().WithTags("Threats").WithSummary("Which of the product's threats each line of a product baseline counters (through countermeasures linked to it).");
        return app;
    }
}
