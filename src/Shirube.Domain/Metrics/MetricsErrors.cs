namespace Shirube.Domain.Metrics;

/// <summary>The refusals of the case metrics, as codes <c>Metrics.*</c>.</summary>
public static class MetricsErrors
{
    private const string Prefix = "Metrics";

    /// <summary>The period ends before it starts.</summary>
    public static DomainError PeriodReversed() => DomainError.Invalid(DomainError.CodeOf(Prefix), "from");

    /// <summary>No business unit with that id among the actor's.</summary>
    public static DomainError UnitNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);
}
