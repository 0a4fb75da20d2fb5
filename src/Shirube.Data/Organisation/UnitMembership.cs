namespace Shirube.Data.Organisation;

/// <summary>A user belongs to a business unit.</summary>
public sealed class UnitMembership
{
    /// <summary>The user.</summary>
    public required string UserId { get; init; }
    /// <summary>The unit.</summary>
    public required Guid BusinessUnitId { get; init; }
}
