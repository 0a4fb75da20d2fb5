namespace Shirube.Domain.Psirt;

/// <summary>The refusals of the PSIRT feature: maturity assessments, the PSIRT's organisation and its RACI matrix.</summary>
public static class PsirtErrors
{
    private const string Prefix = "Psirt";

    /// <summary>A re-assessment must start from a completed assessment.</summary>
    public static DomainError PreviousNotCompleted() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>An assessment is still a draft: complete it before starting another.</summary>
    public static DomainError DraftOpen() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>The assessment <paramref name="title"/> was completed on <paramref name="completedOn"/> and is frozen.</summary>
    public static DomainError AssessmentCompleted(string title, DateOnly completedOn) => DomainError.Conflict(DomainError.CodeOf(Prefix), title, completedOn);

    /// <summary>The service is not one of the assessment's answers.</summary>
    public static DomainError ServiceNotInAssessment(string serviceId) => DomainError.Invalid(DomainError.CodeOf(Prefix), "serviceId", serviceId);

    /// <summary>There is no maturity assessment with this id.</summary>
    public static DomainError AssessmentNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>The FIRST PSIRT Services Framework has no service with this id (a route naming it: 404).</summary>
    public static DomainError ServiceNotFound(string serviceId, string version) => DomainError.NotFound(DomainError.CodeOf(Prefix), serviceId, version);

    /// <summary>The FIRST PSIRT Services Framework has no service with this id (a field naming it: 400).</summary>
    public static DomainError UnknownService(string serviceId, string version) => DomainError.Invalid(DomainError.CodeOf(Prefix), "serviceId", serviceId, version);

    /// <summary>A part-time member works 1 to 99 % for the PSIRT.</summary>
    public static DomainError PartTimeShare() => DomainError.Invalid(DomainError.CodeOf(Prefix), "timeSharePercent", 1, 99);

    /// <summary>There is no PSIRT member with this id.</summary>
    public static DomainError MemberNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No internal department (a stakeholder of kind Department) has this id.</summary>
    public static DomainError UnknownDepartment(Guid id) => DomainError.Invalid(DomainError.CodeOf(Prefix), "departmentId", id);

    /// <summary>No user account has this id.</summary>
    public static DomainError UnknownUser(string userId) => DomainError.Invalid(DomainError.CodeOf(Prefix), "userId", userId);
}
