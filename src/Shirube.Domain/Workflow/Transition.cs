namespace Shirube.Domain.Workflow;

/// <summary>
/// One state change of a workflow (a vulnerability case, an incident): from which state to which, who made it, when
/// and why. Every workflow of the domain records its steps with this one type.
/// </summary>
/// <typeparam name="TState">The states of the workflow.</typeparam>
public sealed class Transition<TState> where TState : struct, Enum
{
    private Transition() => By = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>What moved: the case or the incident.</summary>
    public Guid OwnerId { get; private set; }
    /// <summary>From (null for the first state, when the case was reported or the incident opened).</summary>
    public TState? From { get; private set; }
    /// <summary>To.</summary>
    public TState To { get; private set; }
    /// <summary>Who.</summary>
    public string By { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime At { get; private set; }
    /// <summary>Why, where given.</summary>
    public string? Reason { get; private set; }

    internal static Transition<TState> Create(Guid ownerId, TState? from, TState to, string by, DateTime at, string? reason) =>
        new() { Id = Guid.CreateVersion7(), OwnerId = ownerId, From = from, To = to, By = by, At = at, Reason = reason };
}
