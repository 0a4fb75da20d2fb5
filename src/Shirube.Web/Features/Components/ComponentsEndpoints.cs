using Shirube.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;
using Shirube.Domain.Components;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Components;

/// <summary>SBOMs per product version, findings and their triage, cases from findings, and "am I affected?".</summary>
internal static class ComponentsEndpoints
{
    public static WebApplication MapComponentsEndpoints(this WebApplication app)
    {
        var versions = app.MapGroup("/api/versions/{versionId:guid}").WithTags("Components").RequireAuthorization();
        versions.MapPost("/sbom", async (Guid versionId, HttpContext http, ComponentsCommands commands, CancellationToken ct) =>
        {
            var (content, fileName) = await Uploads.ReadAsync(http, ComponentsCommands.MaxSbomBytes, ct);
            await using (content)
            {
                var imported = await commands.ImportAsync(versionId, content, fileName, ct);
                return TypedResults.Created($"/api/versions/{versionId}/sbom", imported);
            }
        }).RequireAuthorization(AccountsSetup.WriterPolicy).DisableAntiforgery()
          .WithMetadata(new RequestSizeLimitAttribute(ComponentsCommands.MaxSbomBytes))
          .WithSummary("Import the version's SBOM (CycloneDX 1.2–1.6 JSON/XML, SPDX 2.2/2.3 JSON or tag-value, SPDX 3.0 JSON-LD), as multipart/form-data field \"file\" or as the raw body (?fileName= names it). Replaces the version's previous SBOM and sets its findings, all or nothing → 201 {sbom, findings: {added, kept, vanished}}.");
        versions.MapGet("/sbom", async (Guid versionId, ComponentsViews views, CancellationToken ct) =>
            TypedResults.Ok((await views.VersionAsync(versionId, ct)).Sbom ?? throw ComponentsErrors.NoSbom(versionId).Exception()))
            .WithSummary("The version's SBOM: format, specification version, file, who imported it when, counts.");
        versions.MapGet("/sbom/cyclonedx", async (Guid versionId, ComponentsViews views, CancellationToken ct) =>
        {
            var (content, fileName) = await views.ExportCycloneDxAsync(versionId, ct);
            return TypedResults.File(content, "application/vnd.cyclonedx+json; version=1.6", fileName);
        }).WithSummary("The version's SBOM exported as CycloneDX 1.6 JSON (valid against the official 1.6 schema): the kept components, nested ones under their parent, and the dependency graph.");
        versions.MapGet("/components", async (Guid versionId, ComponentsViews views, CancellationToken ct) => TypedResults.Ok(await views.VersionAsync(versionId, ct)))
            .WithSummary("The version's SBOM with its components (purl, CPE, supplier, licences, hashes, parent) and dependency edges.");
        versions.MapGet("/findings", async (Guid versionId, string? severity, string? state, bool? kev, bool? open, ComponentsViews views, CancellationToken ct) =>
            TypedResults.Ok(await views.FindingsAsync(new FindingFilter(VersionId: versionId, Severity: severity, State: state, Kev: kev == true, OpenOnly: open == true), ct)))
            .WithSummary("The version's findings, the worst first; severity=, state= (VEX name), kev=true, open=true filter.");
        versions.MapPost("/reevaluate", async (Guid versionId, ComponentsCommands commands, CancellationToken ct) => TypedResults.Ok(await commands.ReevaluateAsync(versionId, ct)))
            .RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Match the version's stored SBOM again against the vulnerability data and set its findings.");

        var findings = app.MapGroup("/api/findings").WithTags("Components").RequireAuthorization();
        findings.MapGet("/", async (Guid? productId, Guid? versionId, string? severity, string? state, bool? kev, bool? open, ComponentsViews views, CancellationToken ct) =>
            TypedResults.Ok(await views.FindingsAsync(new FindingFilter(productId, versionId, severity, state, kev == true, open == true), ct)))
            .WithSummary("Findings of the caller's business units, the worst first (CVSS, then KEV, then EPSS); productId=, versionId=, severity= (Critical, High, Medium, Low, None, unscored), state= (in_triage, exploitable, false_positive, not_affected, resolved), kev=true, open=true filter.");
        findings.MapGet("/summary", async (Guid? productId, Guid? versionId, ComponentsViews views, CancellationToken ct) => TypedResults.Ok(await views.CountsAsync(productId, versionId, ct)))
            .WithSummary("Open findings by severity (and how many are in KEV): of a version, a product, or the whole portfolio.");
        findings.MapGet("/by-product", async (ComponentsViews views, CancellationToken ct) => TypedResults.Ok(await views.PortfolioAsync(ct)))
            .WithSummary("Open findings by severity for each product, the worst first.");
        findings.MapGet("/new", async (int? days, ComponentsViews views, CancellationToken ct) => TypedResults.Ok(await views.NewCriticalOrKevAsync(days ?? 7, 50, ct)))
            .WithSummary("Open critical or KEV findings first seen in the last days= days (default 7).");
        findings.MapGet("/{id:guid}", async (Guid id, ComponentsViews views, CancellationToken ct) => TypedResults.Ok(await views.FindingAsync(id, ct)))
            .WithSummary("A finding with its history.");
        findings.MapPatch("/{id:guid}", async (Guid id, TriageRequest request, ComponentsCommands commands, ComponentsViews views, CancellationToken ct) =>
        {
            await commands.TriageAsync(id, request, ct);
            return TypedResults.Ok(await views.FindingAsync(id, ct));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Triage a finding: {\"state\": in_triage|exploitable|false_positive|not_affected|resolved, \"justification\": code_not_present|… (not_affected only), \"detail\"}. not_affected needs a justification or a detail.");
        findings.MapPost("/triage", async (BulkTriageRequest request, ComponentsCommands commands, CancellationToken ct) =>
            TypedResults.Ok(new { triaged = await commands.TriageAsync(request, ct) }))
            .RequireAuthorization(AccountsSetup.WriterPolicy)
            .WithSummary("Triage many findings at once, all or none: {\"ids\": [...], \"state\", \"justification\", \"detail\"} → {\"triaged\": N}.");
        findings.MapPost("/{id:guid}/suppression", async (Guid id, SuppressRequest request, ComponentsCommands commands, ComponentsViews views, CancellationToken ct) =>
        {
            await commands.SuppressAsync(id, request.Reason, ct);
            return TypedResults.Ok(await views.FindingAsync(id, ct));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Suppress a finding for a reason (3–1000 characters); audited and kept in its history.");
        findings.MapDelete("/{id:guid}/suppression", async (Guid id, ComponentsCommands commands, ComponentsViews views, CancellationToken ct) =>
        {
            await commands.UnsuppressAsync(id, ct);
            return TypedResults.Ok(await views.FindingAsync(id, ct));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Lift a finding's suppression.");
        findings.MapPost("/{id:guid}/case", async (Guid id, ComponentsCommands commands, CancellationToken ct) =>
        {
            var opened = await commands.OpenCaseAsync(id, ct);
            return TypedResults.Created($"/api/cases/{opened.Id}", opened);
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Open a vulnerability case from the finding (product, version, component, CVE and CVSS filled in, in triage) → 201 {\"id\", \"number\"}. The finding follows the case: remediation → exploitable, release → resolved, rejected → not_affected.");

        app.MapGet("/api/affected", async (string? q, ComponentsViews views, CancellationToken ct) => TypedResults.Ok(await views.AffectedAsync(q, ct)))
            .RequireAuthorization().WithTags("Components")
            .WithSummary("Am I affected? q= a package name, a purl (with or without version), a CPE 2.3 name or a vulnerability id → {\"query\", \"kind\", \"hits\": [{product, version, component, componentVersion, purl, cpe, vulnerabilityId, state}]}.");
        return app;
    }

    // Multipart with a "file" field, or the raw body named by ?fileName=.
}
