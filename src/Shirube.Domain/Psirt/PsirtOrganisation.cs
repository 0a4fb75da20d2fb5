namespace Shirube.Domain.Psirt;

/// <summary>How the PSIRT is set up in the company.</summary>
public enum PsirtSetup
{
    /// <summary>One specialist team holds the PSIRT functions for every product.</summary>
    Centralised,
    /// <summary>A virtual team: business units handle their own products, a small PSIRT coordinates.</summary>
    Distributed,
    /// <summary>A central team for the shared functions, with people in the business units for product work.</summary>
    Hybrid,
}

/// <summary>Whether a member works for the PSIRT full-time or beside another job.</summary>
public enum PsirtCommitment
{
    /// <summary>Works only for the PSIRT.</summary>
    Dedicated,
    /// <summary>Works for the PSIRT for a share of their time.</summary>
    PartTime,
}

/// <summary>The PSIRT's set-up: one record per installation.</summary>
public sealed class PsirtOrganisation
{
    private PsirtOrganisation()
    {
    }

    /// <summary>The single record's identifier.</summary>
    public static readonly Guid SingletonId = new("5a1e0000-0000-4000-8000-000000000001");

    /// <summary>Identifier (always <see cref="SingletonId"/>).</summary>
    public Guid Id { get; private set; }
    /// <summary>The set-up.</summary>
    public PsirtSetup Setup { get; private set; }
    /// <summary>How the set-up works here, in the company's words.</summary>
    public string? Notes { get; private set; }

    /// <summary>A new organisation record with the given set-up.</summary>
    public static PsirtOrganisation Create(PsirtSetup setup, string? notes = null)
    {
        var organisation = new PsirtOrganisation { Id = SingletonId };
        organisation.Change(setup, notes);
        return organisation;
    }

    /// <summary>Changes the set-up and its notes.</summary>
    public void Change(PsirtSetup setup, string? notes)
    {
        if (!Enum.IsDefined(setup))
            throw new ArgumentException($"Unknown set-up {setup}.", nameof(setup));
        notes = notes?.Trim();
        if (notes?.Length > 4000)
            throw new ArgumentException("At most 4000 characters.", nameof(notes));
        Setup = setup;
        Notes = string.IsNullOrEmpty(notes) ? null : notes;
    }
}

/// <summary>A person in the PSIRT: a user account or just a name, their department, role and share of time.</summary>
public sealed class PsirtMember
{
    private PsirtMember()
    {
        Name = string.Empty;
        Role = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The user account, when the person has one.</summary>
    public string? UserId { get; private set; }
    /// <summary>The person's name as shown.</summary>
    public string Name { get; private set; }
    /// <summary>The internal department (a stakeholder of kind Department) they belong to.</summary>
    public Guid? DepartmentId { get; private set; }
    /// <summary>Their role in the PSIRT, e.g. "PSIRT lead", "triage", "liaison for the home appliances unit".</summary>
    public string Role { get; private set; }
    /// <summary>Dedicated or part-time.</summary>
    public PsirtCommitment Commitment { get; private set; }
    /// <summary>Share of working time for the PSIRT, in percent (100 when dedicated).</summary>
    public int TimeSharePercent { get; private set; }

    /// <summary>Full-time equivalents this member contributes.</summary>
    public decimal Fte => TimeSharePercent / 100m;

    /// <summary>Creates a member after checking the details.</summary>
    public static PsirtMember Create(string name, string? userId, Guid? departmentId, string role, PsirtCommitment commitment, int timeSharePercent)
    {
        var member = new PsirtMember { Id = Guid.CreateVersion7() };
        member.Change(name, userId, departmentId, role, commitment, timeSharePercent);
        return member;
    }

    /// <summary>Changes the details. A dedicated member works 100 %; a part-time one 1 to 99 %.</summary>
    public void Change(string name, string? userId, Guid? departmentId, string role, PsirtCommitment commitment, int timeSharePercent)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length is < 1 or > 200)
            throw new ArgumentException("A name has 1 to 200 characters.", nameof(name));
        role = (role ?? string.Empty).Trim();
        if (role.Length is < 1 or > 200)
            throw new ArgumentException("A role has 1 to 200 characters.", nameof(role));
        if (!Enum.IsDefined(commitment))
            throw new ArgumentException($"Unknown commitment {commitment}.", nameof(commitment));
        if (commitment == PsirtCommitment.Dedicated)
            timeSharePercent = 100;
        else if (timeSharePercent is < 1 or > 99)
            throw new ArgumentException("A part-time member works 1 to 99 % for the PSIRT.", nameof(timeSharePercent));
        Name = name;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId.Trim();
        DepartmentId = departmentId;
        Role = role;
        Commitment = commitment;
        TimeSharePercent = timeSharePercent;
    }
}
