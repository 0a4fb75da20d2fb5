using Microsoft.AspNetCore.Http.HttpResults;

namespace Shirube.Web.Features.Vulnerabilities.Suppliers;

/// <summary>Upstream CSAF providers of supplier advisories: configure, list, remove, sync.</summary>
internal static class SuppliersEndpoints
{
    public static WebApplication MapSuppliersEndpoints(this WebApplication app)
    {
        var suppliers = app.MapGroup("/api/vulnerabilities/suppliers").WithTags("Vulnerabilities").RequireAuthorization();
        suppliers.MapGet("/", async (SuppliersViews views, CancellationToken ct) => TypedResults.Ok(await views.ListAsync(ct)))
            .WithSummary("The configured supplier CSAF providers, each with its last sync: when, outcome, documents accepted, records imported, new findings, and every refused file with its reason and URL.");
        suppliers.MapGet("/{id:guid}", async (Guid id, SuppliersViews views, CancellationToken ct) => TypedResults.Ok(await views.GetAsync(id, ct)))
            .WithSummary("A supplier with its last sync.");
        suppliers.MapPost("/", async Task<Created<SupplierDto>> (SupplierRequest request, SuppliersCommands commands, SuppliersViews views, CancellationToken ct) =>
        {
            var id = await commands.CreateAsync(request, ct);
            return TypedResults.Created($"/api/vulnerabilities/suppliers/{id}", await views.GetAsync(id, ct));
        }).WithSummary("Configure a supplier: {\"name\", \"url\" (its provider-metadata.json, or its domain for https://<domain>/.well-known/csaf/provider-metadata.json), \"enabled\" (default true)}. PSIRT managers and administrators.");
        suppliers.MapPut("/{id:guid}/enabled", async (Guid id, SupplierRequest request, SuppliersCommands commands, SuppliersViews views, CancellationToken ct) =>
        {
            await commands.EnableAsync(id, request.Enabled ?? true, ct);
            return TypedResults.Ok(await views.GetAsync(id, ct));
        }).WithSummary("Turn a supplier's syncing on or off: {\"enabled\": bool}.");
        suppliers.MapDelete("/{id:guid}", async (Guid id, SuppliersCommands commands, CancellationToken ct) =>
        {
            await commands.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove a supplier; the vulnerability records it brought stay.");
        suppliers.MapPost("/{id:guid}/sync", async (Guid id, SuppliersCommands commands, SuppliersViews views, CancellationToken ct) =>
        {
            await commands.SyncAsync(id, ct);
            return TypedResults.Ok(await views.GetAsync(id, ct));
        }).WithSummary("Sync a supplier now: its documents are fetched and checked (hash, signature, TLP, validator), the accepted ones read and imported all at once → 200 with the outcome; refused files are listed with their reasons. 409 Suppliers.Disabled when it is turned off.");
        return app;
    }
}
