using Shirube.Domain.Cases;

namespace Shirube.Domain.Incidents;

/// <summary>The refusals of incident response: the incident, its workflow, statements, CRA reports and the notification matrix.</summary>
public static class IncidentErrors
{
    private const string Prefix = "Incidents";

    /// <summary>No incident <paramref name="id"/> among those the actor may see.</summary>
    public static DomainError NotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>The PSIRT became aware of the incident before it was detected.</summary>
    public static DomainError AwareBeforeDetected() => DomainError.Invalid(DomainError.CodeOf(Prefix), "becameAwareAt");

    /// <summary>A product was given without its business unit, or a unit without a product.</summary>
    public static DomainError ProductWithoutUnit() => DomainError.Invalid(DomainError.CodeOf(Prefix), "productId");

    /// <summary>The incident cannot move from <paramref name="from"/> to <paramref name="to"/>: only to the next state, never back.</summary>
    public static DomainError CannotMove(IncidentState from, IncidentState to) => DomainError.Conflict(DomainError.CodeOf(Prefix), from, to);

    /// <summary>Containment needs an action in the timeline.</summary>
    public static DomainError ContainmentNeedsAction() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>Closure needs a decision in the timeline.</summary>
    public static DomainError ClosureNeedsDecision() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>A statement language other than ja or en.</summary>
    public static DomainError UnknownLanguage(string language) => DomainError.Invalid(DomainError.CodeOf(Prefix), "language", language);

    /// <summary>There is no saved statement in <paramref name="language"/> to approve.</summary>
    public static DomainError NoStatementToApprove(string language) => DomainError.Conflict(DomainError.CodeOf(Prefix), language);

    /// <summary>The statement in <paramref name="language"/> is approved already.</summary>
    public static DomainError StatementApprovedAlready(string language) => DomainError.Conflict(DomainError.CodeOf(Prefix), language);

    /// <summary>The incident is not flagged severe: no CRA report is due.</summary>
    public static DomainError NotSevere() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>The final report follows the incident notification.</summary>
    public static DomainError FinalReportBeforeNotification() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>The CRA report <paramref name="kind"/> was sent already.</summary>
    public static DomainError ReportSentAlready(CraReportKind kind) => DomainError.Conflict(DomainError.CodeOf(Prefix), kind);

    /// <summary>The case to link is not among those the actor may see.</summary>
    public static DomainError CaseNotVisible(Guid caseId) => DomainError.Invalid(DomainError.CodeOf(Prefix), "caseId", caseId);

    /// <summary>The product is not among those the actor may see.</summary>
    public static DomainError ProductNotVisible(Guid productId) => DomainError.Invalid(DomainError.CodeOf(Prefix), "productId", productId);

    /// <summary>A version named is not a version of the product.</summary>
    public static DomainError NotAVersionOf(Guid versionId, string product) => DomainError.Invalid(DomainError.CodeOf(Prefix), "affectedVersions", versionId, product);

    /// <summary>An incident without a product would be visible only to those who see every unit; the actor does not.</summary>
    public static DomainError ProductNeeded() => DomainError.Invalid(DomainError.CodeOf(Prefix), "productId");

    /// <summary>More matrix rules than <paramref name="max"/> were sent.</summary>
    public static DomainError TooManyRules(int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "rules", max);

    /// <summary>The matrix names a severity and group twice.</summary>
    public static DomainError RuleGivenTwice(string field, IncidentSeverity severity, StakeholderGroup group) =>
        DomainError.Invalid(DomainError.CodeOf(Prefix), field, severity, group);
}
