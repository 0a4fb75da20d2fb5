using Microsoft.AspNetCore.Mvc;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Vulnerabilities;

/// <summary>Vulnerability data: import a file of OSV, NVD or JVN records, or a supplier's CSAF advisory.</summary>
internal static class VulnerabilitiesEndpoints
{
    public static WebApplication MapVulnerabilitiesEndpoints(this WebApplication app)
    {
        app.MapPost("/api/vulnerabilities/import", async (HttpContext http, VulnerabilitiesCommands commands, CancellationToken ct) =>
        {
            var (content, fileName) = await Uploads.ReadAsync(http, VulnerabilitiesCommands.MaxUploadBytes, ct);
            await using (content)
                return TypedResults.Ok(await commands.ImportAsync(content, fileName, ct));
        }).RequireAuthorization().DisableAntiforgery().WithTags("Vulnerabilities")
          .WithMetadata(new RequestSizeLimitAttribute(VulnerabilitiesCommands.MaxUploadBytes))
          .WithSummary("Import vulnerability data (an OSV record or all.zip archive, an NVD CVE API 2.0 page, JVN VULDEF or JVNRSS XML, a supplier's CSAF 2.0 advisory or VEX — valid, TLP:WHITE, CLEAR or GREEN), recognised by its content, as multipart field \"file\" or the raw body; all or nothing. The product versions that carry a named package are matched again → 200 {source, records, added, updated, unchanged, versionsReevaluated, newFindings, skippedProducts (CSAF products naming no purl or CPE with a version)}. PSIRT managers and administrators.");
        app.MapGet("/api/vulnerabilities", async (VulnerabilitiesViews views, CancellationToken ct) => TypedResults.Ok(await views.DataAsync(ct)))
            .RequireAuthorization().WithTags("Vulnerabilities")
            .WithSummary("The stored vulnerability data → {sources:[{source, records, withdrawn}], sync:{running, current, currentBytes, lastRun, sources:[…]}}.");
        app.MapGet("/api/vulnerabilities/sync", (VulnerabilitiesViews views) => TypedResults.Ok(views.Sync))
            .RequireAuthorization().WithTags("Vulnerabilities")
            .WithSummary("The sync of vulnerability data: whether it runs, the source and bytes it is reading, and each configured source's last outcome (Imported, NotModified, Failed) with counts.");
        app.MapPost("/api/vulnerabilities/sync", async Task<IResult> (VulnerabilitySync sync, CurrentActor actor, CancellationToken ct) =>
                await sync.RunAsync(actor, ct) ? TypedResults.Ok(sync.Status) : TypedResults.Conflict(sync.Status))
            .RequireAuthorization().WithTags("Vulnerabilities")
            .WithSummary("Sync every configured source now → 200 with the status; 409 when a sync already runs (here or in another instance sharing the database). PSIRT managers and administrators.");
        return app;
    }
}
