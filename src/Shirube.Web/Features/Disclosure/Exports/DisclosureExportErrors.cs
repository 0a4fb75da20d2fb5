using Shirube.Domain;

namespace Shirube.Web.Features.Disclosure.Exports;

/// <summary>The refusals of the VEX, CVE record and JVN exports, as codes <c>DisclosureExports.*</c>.</summary>
internal static class DisclosureExportErrors
{
    private const string Prefix = "DisclosureExports";

    /// <summary>Nothing to state: the version has no finding (suppressed ones and vanished components are left out), or the case lists no version.</summary>
    public static DomainError NothingToState(string subject) => DomainError.Conflict(DomainError.CodeOf(Prefix), subject);

    /// <summary>The case has no CVE id, so there is no CVE record to write.</summary>
    public static DomainError NoCve(string caseNumber) => DomainError.Conflict(DomainError.CodeOf(Prefix), caseNumber);

    /// <summary>Shirube:Disclosure:CnaOrgId is not set to the CNA's organisation UUID.</summary>
    public static DomainError NoCna() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>The record would have no reference: the case has no advisory (whose URL is the vendor advisory) and no fix URL.</summary>
    public static DomainError NoReference(string caseNumber) => DomainError.Conflict(DomainError.CodeOf(Prefix), caseNumber);

    /// <summary>The case lacks what the record needs: <paramref name="field"/> and why.</summary>
    public static DomainError Incomplete(string format, string field, string reason) => DomainError.Conflict(DomainError.CodeOf(Prefix), format, field, reason);
}
