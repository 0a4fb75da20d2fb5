namespace Shirube.Domain.Accounts;

/// <summary>The roles of Shirube and what each may do.</summary>
public static class Roles
{
    /// <summary>Runs the installation: accounts, business units, settings; sees every unit.</summary>
    public const string Administrator = "Administrator";
    /// <summary>Leads the PSIRT; sees every business unit.</summary>
    public const string PsirtManager = "PsirtManager";
    /// <summary>Handles cases and assessments in their business units.</summary>
    public const string PsirtAnalyst = "PsirtAnalyst";
    /// <summary>Owns products in their business units.</summary>
    public const string ProductOwner = "ProductOwner";
    /// <summary>Reads everything they may see, including the audit log; changes nothing.</summary>
    public const string Auditor = "Auditor";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, PsirtManager, PsirtAnalyst, ProductOwner, Auditor];

    /// <summary>Roles that may change domain data.</summary>
    public static IReadOnlyList<string> Writers { get; } = [Administrator, PsirtManager, PsirtAnalyst, ProductOwner];

    /// <summary>The PSIRT's own roles: they handle incidents (product owners and auditors read them).</summary>
    public static IReadOnlyList<string> Psirt { get; } = [Administrator, PsirtManager, PsirtAnalyst];

    /// <summary>Roles that see the data of every business unit.</summary>
    public static IReadOnlyList<string> SeeAllUnits { get; } = [Administrator, PsirtManager];

    /// <summary>Roles that run the PSIRT's set-up: the stakeholder registry and the PSIRT organisation.</summary>
    public static IReadOnlyList<string> PsirtLeads { get; } = [Administrator, PsirtManager];

    /// <summary>True when <paramref name="role"/> names a role of Shirube (case-sensitive, as stored).</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
