using Shirube.Domain;

namespace Shirube.Web.Features.Demo;

/// <summary>Why the example portfolio was not loaded or removed.</summary>
internal static class DemoErrors
{
    private const string Prefix = "Demo";

    /// <summary>A business unit already has the code <paramref name="code"/> that an example unit needs.</summary>
    public static DomainError UnitCodeTaken(string code) => DomainError.Conflict(DomainError.CodeOf(Prefix), code);

    /// <summary>Products of one's own are in the example units, so they are not removed.</summary>
    public static DomainError OwnProductsInExampleUnits() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>Baselines of one's own inherit from an example company baseline, so it is not removed.</summary>
    public static DomainError OwnBaselinesInheritExample() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>Cases or incidents of one's own concern example products or cases, so they are not removed.</summary>
    public static DomainError OwnCasesOnExample() => DomainError.Conflict(DomainError.CodeOf(Prefix));
}
