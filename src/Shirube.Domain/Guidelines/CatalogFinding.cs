namespace Shirube.Domain.Guidelines;

/// <summary>What a <see cref="CatalogFinding"/> is about.</summary>
public enum CatalogProblem
{
    /// <summary>A common control id appears twice.</summary>
    DuplicateControl,
    /// <summary>A guideline id appears twice.</summary>
    DuplicateGuideline,
    /// <summary>The guideline holds another number of requirements than its source.</summary>
    CountMismatch,
    /// <summary>A group id appears twice in one guideline.</summary>
    DuplicateGroup,
    /// <summary>A requirement id appears twice in one guideline.</summary>
    DuplicateRequirement,
    /// <summary>A requirement names a group the guideline does not have.</summary>
    UnknownGroup,
    /// <summary>A requirement links to a common control that does not exist.</summary>
    UnknownControl,
    /// <summary>A requirement carries a level outside the guideline's levels.</summary>
    UnknownLevel,
    /// <summary>A shipped requirement is tagged with no IoT part.</summary>
    NoPart,
    /// <summary>A shipped, verified requirement links to no common control.</summary>
    NoControl,
    /// <summary>A requirement enhances a requirement the guideline does not have.</summary>
    UnknownParent,
}

/// <summary>One thing in a catalog that does not hold together.</summary>
/// <param name="Problem">What kind of problem it is.</param>
/// <param name="Guideline">The guideline's id, or null for the common controls.</param>
/// <param name="Where">The requirement, group or common control it concerns, or null when it concerns the guideline as a whole.</param>
/// <param name="Message">The finding as one sentence naming the guideline and the place.</param>
public sealed record CatalogFinding(CatalogProblem Problem, string? Guideline, string? Where, string Message);
