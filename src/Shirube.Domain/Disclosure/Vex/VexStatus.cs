using Shirube.Domain.Components;

namespace Shirube.Domain.Disclosure.Vex;

/// <summary>
/// The status a VEX statement gives a product for a vulnerability: the four statuses OpenVEX, CSAF (product status)
/// and CISA's minimum requirements for VEX share. CycloneDX says them with its own analysis states.
/// </summary>
public enum VexStatus
{
    /// <summary><c>not_affected</c>: the product is not affected; a justification or an impact statement says why.</summary>
    NotAffected,
    /// <summary><c>affected</c>: the product is affected; an action statement says what to do.</summary>
    Affected,
    /// <summary><c>fixed</c>: these product versions contain a fix.</summary>
    Fixed,
    /// <summary><c>under_investigation</c>: not yet known.</summary>
    UnderInvestigation,
}

/// <summary>What a CycloneDX analysis response recommends (<c>analysis.response</c>).</summary>
public enum VexResponse
{
    /// <summary><c>can_not_fix</c>.</summary>
    CanNotFix,
    /// <summary><c>will_not_fix</c>.</summary>
    WillNotFix,
    /// <summary><c>update</c>: update to a fixed version.</summary>
    Update,
    /// <summary><c>rollback</c>: go back to an unaffected version.</summary>
    Rollback,
    /// <summary><c>workaround_available</c>.</summary>
    WorkaroundAvailable,
}

/// <summary>The mapping from a finding's analysis state (CycloneDX vocabulary) to a VEX status.</summary>
public static class VexStatuses
{
    /// <summary>
    /// The VEX status of a finding's state: in_triage → under_investigation, exploitable → affected,
    /// not_affected and false_positive → not_affected, resolved → fixed. A false positive loses its own name (no
    /// other VEX vocabulary has it); <see cref="VexStatement.FromFinding"/> keeps it as the justification
    /// <see cref="FindingJustification.CodeNotPresent"/> and says so in the impact statement.
    /// </summary>
    public static VexStatus Of(FindingState state) => state switch
    {
        FindingState.InTriage => VexStatus.UnderInvestigation,
        FindingState.Exploitable => VexStatus.Affected,
        FindingState.FalsePositive => VexStatus.NotAffected,
        FindingState.NotAffected => VexStatus.NotAffected,
        FindingState.Resolved => VexStatus.Fixed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a finding state."),
    };

    /// <summary>
    /// The CycloneDX analysis state that says a VEX status: not_affected, exploitable, resolved or in_triage (the way
    /// back from <see cref="Of"/>, where false_positive becomes not_affected).
    /// </summary>
    public static FindingState ToFindingState(VexStatus status) => status switch
    {
        VexStatus.NotAffected => FindingState.NotAffected,
        VexStatus.Affected => FindingState.Exploitable,
        VexStatus.Fixed => FindingState.Resolved,
        VexStatus.UnderInvestigation => FindingState.InTriage,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a VEX status."),
    };
}
