namespace Shirube.Domain.Files;

/// <summary>The refusals of uploaded files as codes; <c>Error.Files.*</c> holds their texts.</summary>
public static class FileErrors
{
    private const string Prefix = "Files";

    /// <summary>A file needs a name of 1 to 200 characters without control characters.</summary>
    public static DomainError BadName(string field) => DomainError.Invalid(DomainError.CodeOf(Prefix), field);
}
