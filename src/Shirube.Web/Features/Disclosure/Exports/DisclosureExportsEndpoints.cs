namespace Shirube.Web.Features.Disclosure.Exports;

/// <summary>
/// VEX of product versions and cases, CVE records and JVN exports of cases: GET, for every signed-in role, through the
/// unit filter (another unit's version or case is 404, as on the case and finding views).
/// </summary>
internal static class DisclosureExportsEndpoints
{
    public static WebApplication MapDisclosureExportsEndpoints(this WebApplication app)
    {
        var versions = app.MapGroup("/api/versions/{versionId:guid}").WithTags("Disclosure exports").RequireAuthorization();
        versions.MapGet("/vex", async (Guid versionId, string? format, DisclosureExports exports, CancellationToken ct) =>
            File(await exports.VersionVexAsync(versionId, format, ct)))
            .WithSummary("The version's VEX from its findings (format=cyclonedx (default), openvex or csaf): one statement per finding that is neither suppressed nor resolved by absence, the version named by its SBOM subject's purl and CPE; validated against the format's schema (CSAF: the validator, no error). 409 DisclosureExports.NothingToState without findings.");

        var cases = app.MapGroup("/api/cases/{caseId:guid}").WithTags("Disclosure exports").RequireAuthorization();
        cases.MapGet("/vex", async (Guid caseId, string? format, DisclosureExports exports, CancellationToken ct) =>
            File(await exports.CaseVexAsync(caseId, format, ct)))
            .WithSummary("The case's VEX (format=cyclonedx|openvex|csaf): its statement on each affected and fixed version; under_investigation until the case reaches remediation, not_affected once rejected.");
        cases.MapGet("/cve-record", async (Guid caseId, DisclosureExports exports, CancellationToken ct) =>
            File(await exports.CveRecordAsync(caseId, ct)))
            .WithSummary("The CVE JSON 5 CNA container {\"cnaContainer\": …} of the case's CVE, validated against the CVE record schema. 409 DisclosureExports.NoCve, NoCna (Shirube:Disclosure:CnaOrgId unset), NoReference (no advisory nor fix URL), Incomplete.");
        cases.MapGet("/jvn", async (Guid caseId, string? format, DisclosureExports exports, CancellationToken ct) =>
            File(await exports.JvnAsync(caseId, format, ct)))
            .WithSummary("What a JVN publication needs: format=vuldef (VULDEF 3.2 XML, the default) or statement (the vendor statement in Japanese, Markdown).");
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult File(ExportFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
