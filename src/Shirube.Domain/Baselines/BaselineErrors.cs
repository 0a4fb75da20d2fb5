namespace Shirube.Domain.Baselines;

/// <summary>The refusals of baselines: tailoring, inheriting, top-down decisions, publishing and comparing versions.</summary>
public static class BaselineErrors
{
    private const string Prefix = "Baselines";

    /// <summary>An own requirement lacks its English or Japanese title.</summary>
    public static DomainError OwnTitleRequired() => DomainError.Invalid(DomainError.CodeOf(Prefix), "titleEn");

    /// <summary>No common control has the id <paramref name="controlId"/>.</summary>
    public static DomainError UnknownControl(string controlId) => DomainError.Invalid(DomainError.CodeOf(Prefix), "controlId", controlId);

    /// <summary>A top-down decision does not say whether the control is needed.</summary>
    public static DomainError NeededRequired() => DomainError.Invalid(DomainError.CodeOf(Prefix), "needed");

    /// <summary><paramref name="level"/> is not MUST, SHOULD or BETTER.</summary>
    public static DomainError UnknownLevel(string level) => DomainError.Invalid(DomainError.CodeOf(Prefix), "level", level);

    /// <summary>The baseline has no line with the key <paramref name="key"/>.</summary>
    public static DomainError NoLine(string key) => DomainError.Invalid(DomainError.CodeOf(Prefix), "key", key);

    /// <summary>No baseline <paramref name="id"/> that the actor may see.</summary>
    public static DomainError NotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No product <paramref name="id"/> that the actor may see, to tailor a baseline for.</summary>
    public static DomainError ProductNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>Only those who see every business unit change a company baseline.</summary>
    public static DomainError CompanyBaselineLocked() => DomainError.Forbidden(DomainError.CodeOf(Prefix));

    /// <summary>No published company baseline of <paramref name="field"/> to inherit from.</summary>
    public static DomainError NothingToInherit(string field) => DomainError.Invalid(DomainError.CodeOf(Prefix), "inherit", field);

    /// <summary>The product has no guidelines chosen to tailor a baseline from.</summary>
    public static DomainError NoGuidelinesChosen() => DomainError.Invalid(DomainError.CodeOf(Prefix), "guidelines");

    /// <summary>A company baseline is created without naming its guidelines.</summary>
    public static DomainError GuidelinesRequired() => DomainError.Invalid(DomainError.CodeOf(Prefix), "guidelines");

    /// <summary>The baseline does not inherit from a company baseline.</summary>
    public static DomainError NoParent() => DomainError.Invalid(DomainError.CodeOf(Prefix), "parent");

    /// <summary>The company baseline it inherits has no published version.</summary>
    public static DomainError ParentUnpublished() => DomainError.Invalid(DomainError.CodeOf(Prefix), "parent");

    /// <summary>Version <paramref name="version"/> was never published (<paramref name="field"/>: from or to).</summary>
    public static DomainError VersionNotPublished(string field, int version) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, version);
}
