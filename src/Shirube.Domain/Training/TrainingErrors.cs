namespace Shirube.Domain.Training;

/// <summary>The refusals of training (courses, assignments, completions), as codes the web layer says in Japanese or English.</summary>
public static class TrainingErrors
{
    private const string Prefix = "Training";

    /// <summary><paramref name="role"/> is not a role of Shirube.</summary>
    public static DomainError UnknownRole(string role) => DomainError.Invalid(DomainError.CodeOf(Prefix), "role", role);

    /// <summary>An assignment names both a role and a user, or neither.</summary>
    public static DomainError RoleOrUser() => DomainError.Invalid(DomainError.CodeOf(Prefix), "role");

    /// <summary><paramref name="serviceId"/> is not a service of the FIRST PSIRT Services Framework <paramref name="version"/>.</summary>
    public static DomainError NotAFirstService(string serviceId, string version) => DomainError.Invalid(DomainError.CodeOf(Prefix), "firstServiceId", serviceId, version);

    /// <summary>The course a request names does not exist.</summary>
    public static DomainError UnknownCourse(Guid id) => DomainError.Invalid(DomainError.CodeOf(Prefix), "courseId", id);

    /// <summary>The user a request names does not exist.</summary>
    public static DomainError UnknownUser(string id) => DomainError.Invalid(DomainError.CodeOf(Prefix), "userId", id);

    /// <summary>Only managers record training for someone else.</summary>
    public static DomainError RecordForOthers() => DomainError.Forbidden(DomainError.CodeOf(Prefix));

    /// <summary>No course <paramref name="id"/>.</summary>
    public static DomainError CourseNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No assignment <paramref name="id"/>.</summary>
    public static DomainError AssignmentNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);
}
