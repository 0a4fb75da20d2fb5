using Shirube.Domain;

namespace Shirube.Web.Features.Exports;

/// <summary>The refusals of exports that are not the baseline's own.</summary>
internal static class ExportErrors
{
    private const string Prefix = "Exports";

    /// <summary>No assessment <paramref name="id"/> that the actor may see.</summary>
    public static DomainError AssessmentNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);
}
