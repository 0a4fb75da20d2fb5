namespace Shirube.Domain.Assessments;

/// <summary>The refusals of assessments as codes; <c>Error.Assessments.*</c> holds their texts.</summary>
public static class AssessmentErrors
{
    private const string Prefix = "Assessments";

    /// <summary>A company baseline was named; only product baselines are assessed.</summary>
    public static DomainError CompanyBaseline() => DomainError.Invalid(DomainError.CodeOf(Prefix), "baseline");

    /// <summary>The baseline version is not published.</summary>
    public static DomainError NotPublished() => DomainError.Invalid(DomainError.CodeOf(Prefix), "baselineVersion");

    /// <summary>The line is not one of the baseline version's included lines.</summary>
    public static DomainError NoLine(string key, int version) => DomainError.Invalid(DomainError.CodeOf(Prefix), "key", key, version);

    /// <summary>Some included lines are not assessed yet.</summary>
    public static DomainError NotAllAssessed(int missing, string example) => DomainError.Conflict(DomainError.CodeOf(Prefix), missing, example);

    /// <summary>The assessment is completed and frozen.</summary>
    public static DomainError Completed() => DomainError.Conflict(DomainError.CodeOf(Prefix));

    /// <summary>A line marked not applicable needs a justification of 3 characters or more.</summary>
    public static DomainError JustificationRequired() => DomainError.Invalid(DomainError.CodeOf(Prefix), "justification");

    /// <summary>More evidence links than allowed.</summary>
    public static DomainError TooManyLinks(int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "links", max);

    /// <summary>An evidence link is not an http or https address.</summary>
    public static DomainError NotALink(string link) => DomainError.Invalid(DomainError.CodeOf(Prefix), "links", link);

    /// <summary>An evidence file is empty or larger than <paramref name="maxMiB"/> MiB.</summary>
    public static DomainError FileSize(string fileName, int maxMiB) => DomainError.Invalid(DomainError.CodeOf(Prefix), "file", fileName, maxMiB);

    /// <summary>No assessment of that id in the actor's business units.</summary>
    public static DomainError AssessmentNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No baseline of that id in the actor's business units.</summary>
    public static DomainError BaselineNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No evidence file of that id in the assessment.</summary>
    public static DomainError EvidenceNotFound(Guid fileId) => DomainError.NotFound(DomainError.CodeOf(Prefix), fileId);

    /// <summary>The request names no version of the product; the text lists its versions.</summary>
    public static DomainError UnknownVersion(string product, string versions) => DomainError.Invalid(DomainError.CodeOf(Prefix), "productVersion", product, versions);
}
