using Shirube.Data;
using Shirube.Domain.Organisation;

namespace Shirube.Testing;

/// <summary>An actor with a fixed name and scope, for data tests.</summary>
public sealed record TestActor(string? UserId, string UserName, UnitScope Scope) : ICurrentActor
{
    public static TestActor InUnits(string name, params Guid[] units) => new(name, name, UnitScope.Of(units));
}
