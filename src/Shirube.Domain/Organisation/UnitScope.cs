namespace Shirube.Domain.Organisation;

/// <summary>Which business units' data a user may see.</summary>
public sealed class UnitScope
{
    private UnitScope(bool seesAll, IReadOnlyCollection<Guid> unitIds)
    {
        SeesAllUnits = seesAll;
        UnitIds = unitIds;
    }

    /// <summary>Sees every unit: administrators, PSIRT managers, and the system itself.</summary>
    public static UnitScope All { get; } = new(true, []);

    /// <summary>Sees nothing: anonymous callers.</summary>
    public static UnitScope None { get; } = new(false, []);

    /// <summary>Sees the given units only.</summary>
    public static UnitScope Of(IEnumerable<Guid> unitIds) => new(false, unitIds.Distinct().ToArray());

    /// <summary>True when every unit is visible.</summary>
    public bool SeesAllUnits { get; }

    /// <summary>The visible units when <see cref="SeesAllUnits"/> is false.</summary>
    public IReadOnlyCollection<Guid> UnitIds { get; }

    /// <summary>True when data of <paramref name="unitId"/> is visible.</summary>
    public bool Allows(Guid unitId) => SeesAllUnits || UnitIds.Contains(unitId);
}
