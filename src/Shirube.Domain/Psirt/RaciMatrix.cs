namespace Shirube.Domain.Psirt;

/// <summary>A RACI letter: who does the work, who answers for it, who is asked, who is told.</summary>
public enum RaciRole
{
    /// <summary>Responsible: does the work.</summary>
    R,
    /// <summary>Accountable: answers for the result; one per service.</summary>
    A,
    /// <summary>Consulted: asked before decisions.</summary>
    C,
    /// <summary>Informed: told of decisions and results.</summary>
    I,
}

/// <summary>What is wrong with one service's row of the RACI matrix.</summary>
public enum RaciWarning
{
    /// <summary>No department is accountable.</summary>
    NoAccountable,
    /// <summary>More than one department is accountable.</summary>
    SeveralAccountable,
    /// <summary>No department is responsible.</summary>
    NoResponsible,
}

/// <summary>One cell of the RACI matrix: a FIRST service, an internal department and a letter.</summary>
public sealed class RaciAssignment
{
    private RaciAssignment()
    {
        ServiceId = string.Empty;
    }

    /// <summary>The FIRST service id, e.g. "2.1".</summary>
    public string ServiceId { get; private set; }
    /// <summary>The internal department (a stakeholder of kind Department).</summary>
    public Guid DepartmentId { get; private set; }
    /// <summary>The letter.</summary>
    public RaciRole Role { get; private set; }

    /// <summary>A cell for a known FIRST service (<c>Psirt.UnknownService</c> otherwise).</summary>
    public static RaciAssignment Create(string serviceId, Guid departmentId, RaciRole role)
    {
        Guard.That(FirstServices.Find(serviceId) is not null, () => PsirtErrors.UnknownService(serviceId, FirstServices.FrameworkVersion));
        Guard.Defined(role, nameof(role));
        return new RaciAssignment { ServiceId = serviceId, DepartmentId = departmentId, Role = role };
    }

    /// <summary>Changes the letter.</summary>
    public void Change(RaciRole role)
    {
        Role = Guard.Defined(role, nameof(role));
    }
}

/// <summary>The checks of a RACI matrix: every service needs exactly one accountable and at least one responsible.</summary>
public static class RaciMatrix
{
    /// <summary>The warnings for one service, given the cells of its row.</summary>
    public static IReadOnlyList<RaciWarning> Warnings(IEnumerable<RaciRole> row)
    {
        var letters = row.ToList();
        var warnings = new List<RaciWarning>();
        var accountable = letters.Count(r => r == RaciRole.A);
        if (accountable == 0)
            warnings.Add(RaciWarning.NoAccountable);
        else if (accountable > 1)
            warnings.Add(RaciWarning.SeveralAccountable);
        if (!letters.Contains(RaciRole.R))
            warnings.Add(RaciWarning.NoResponsible);
        return warnings;
    }

    /// <summary>The warnings of every FIRST service, by service id, for the given cells.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RaciWarning>> Warnings(IEnumerable<RaciAssignment> cells)
    {
        var byService = cells.ToLookup(c => c.ServiceId, StringComparer.Ordinal);
        return FirstServices.Services.ToDictionary(s => s.Id, s => Warnings(byService[s.Id].Select(c => c.Role)), StringComparer.Ordinal);
    }
}
