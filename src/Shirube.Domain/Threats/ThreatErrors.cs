namespace Shirube.Domain.Threats;

/// <summary>The refusals of the threat register, as codes the web layer says in Japanese or English.</summary>
public static class ThreatErrors
{
    private const string Prefix = "Threats";

    /// <summary>Only one of the residual likelihood and impact is given; <paramref name="field"/> is the missing one.</summary>
    public static DomainError ResidualTogether(string field) => DomainError.Invalid(DomainError.CodeOf(Prefix), field);

    /// <summary>The residual likelihood is outside 1 to the likelihood before countermeasures.</summary>
    public static DomainError ResidualLikelihoodAbove(int likelihood) => DomainError.Invalid(DomainError.CodeOf(Prefix), "residualLikelihood", likelihood);

    /// <summary>The residual impact is outside 1 to the impact before countermeasures.</summary>
    public static DomainError ResidualImpactAbove(int impact) => DomainError.Invalid(DomainError.CodeOf(Prefix), "residualImpact", impact);

    /// <summary>An accepted risk without its justification (of <paramref name="min"/> to <paramref name="max"/> characters).</summary>
    public static DomainError JustificationRequired(int min, int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "justification", min, max);

    /// <summary>More than <paramref name="max"/> countermeasures.</summary>
    public static DomainError TooManyCountermeasures(int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "countermeasures", max);

    /// <summary>A countermeasure links more than <paramref name="max"/> baseline lines.</summary>
    public static DomainError TooManyRequirements(string field, int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, max);

    /// <summary>A countermeasure links <paramref name="key"/>, which is not a line of the product's baselines.</summary>
    public static DomainError NotABaselineLine(string field, string key) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, key);

    /// <summary>The actor may not change this product's threats (only the PSIRT and the product's owners do).</summary>
    public static DomainError NotAnEditor() => DomainError.Forbidden(DomainError.CodeOf(Prefix));

    /// <summary>No product <paramref name="id"/> in the actor's business units.</summary>
    public static DomainError ProductNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No threat <paramref name="id"/> in the actor's business units.</summary>
    public static DomainError ThreatNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);

    /// <summary>No baseline <paramref name="id"/> in the actor's business units.</summary>
    public static DomainError BaselineNotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);
}
