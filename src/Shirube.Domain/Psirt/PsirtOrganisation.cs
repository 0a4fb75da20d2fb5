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

    /// <summary>Longest notes.</summary>
    public const int MaxNotes = 4000;

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
        Setup = Guard.Defined(setup, nameof(setup));
        Notes = Guard.OptionalText(notes, nameof(notes), MaxNotes);
    }
}

/// <summary>A person in the PSIRT: a user account or just a name, their department, role and share of time.</summary>
public sealed class PsirtMember
{
    /// <summary>Longest name or role.</summary>
    public const int MaxText = 200;

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

    /// <summary>Changes the details. A dedicated member works 100 %; a part-time one 1 to 99 % (<c>Psirt.PartTimeShare</c> otherwise).</summary>
    public void Change(string name, string? userId, Guid? departmentId, string role, PsirtCommitment commitment, int timeSharePercent)
    {
        name = Guard.Text(name, nameof(name), MaxText);
        role = Guard.Text(role, nameof(role), MaxText);
        Guard.Defined(commitment, nameof(commitment));
        if (commitment == PsirtCommitment.Dedicated)
            timeSharePercent = 100;
        else
            Guard.That(timeSharePercent is >= 1 and <= 99, PsirtErrors.PartTimeShare());
        Name = name;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId.Trim();
        DepartmentId = departmentId;
        Role = role;
        Commitment = commitment;
        TimeSharePercent = timeSharePercent;
    }
}
