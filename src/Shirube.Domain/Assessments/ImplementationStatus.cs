namespace Shirube.Domain.Assessments;

/// <summary>How far a product version implements one requirement of its baseline.</summary>
public enum ImplementationStatus
{
    /// <summary>Implemented in full.</summary>
    Implemented,
    /// <summary>Partially implemented: counts as not met.</summary>
    Partial,
    /// <summary>Not implemented.</summary>
    NotImplemented,
    /// <summary>Does not apply to this product version; needs a justification and leaves the requirement out of the shares.</summary>
    NotApplicable,
}
