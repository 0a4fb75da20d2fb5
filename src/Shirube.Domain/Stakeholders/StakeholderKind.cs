namespace Shirube.Domain.Stakeholders;

/// <summary>Who a stakeholder is to the PSIRT.</summary>
public enum StakeholderKind
{
    /// <summary>An internal department (quality assurance, legal, PR, management, development, support...).</summary>
    Department,
    /// <summary>A supplier of components, contacted when one of its components has a vulnerability.</summary>
    Supplier,
    /// <summary>A coordinator: a national CSIRT or coordination centre such as JPCERT/CC, IPA or CERT/CC.</summary>
    Coordinator,
    /// <summary>A customer, possibly linked to the products it uses.</summary>
    Customer,
    /// <summary>A regulator or authority that receives mandatory reports.</summary>
    Regulator,
    /// <summary>A security researcher or other finder who reports vulnerabilities and is credited in advisories.</summary>
    Researcher,
}
