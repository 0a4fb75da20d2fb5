using Shirube.Domain.Organisation;

namespace Shirube.Data;

/// <summary>Who is acting: the audit log records them, and the query filters show only their units' data.</summary>
public interface ICurrentActor
{
    /// <summary>The user's id, or null for the system (start-up, CLI on a local database).</summary>
    string? UserId { get; }

    /// <summary>The name to record in the audit log.</summary>
    string UserName { get; }

    /// <summary>Which business units the actor may see.</summary>
    UnitScope Scope { get; }
}

/// <summary>The system itself: sees every unit and is recorded as "system".</summary>
public sealed class SystemActor : ICurrentActor
{
    /// <summary>The one instance.</summary>
    public static SystemActor Instance { get; } = new();

    /// <inheritdoc />
    public string? UserId => null;

    /// <inheritdoc />
    public string UserName => "system";

    /// <inheritdoc />
    public UnitScope Scope => UnitScope.All;
}
