using Shirube.Domain.Guidelines;
using Shirube.Domain.Risk;

namespace Shirube.Domain.Threats;

/// <summary>The STRIDE categories of threats.</summary>
public enum StrideCategory
{
    /// <summary>Pretending to be someone or something else.</summary>
    Spoofing,
    /// <summary>Changing data or code without authority.</summary>
    Tampering,
    /// <summary>Denying having done something, with nothing to prove otherwise.</summary>
    Repudiation,
    /// <summary>Exposing information to those who should not have it.</summary>
    InformationDisclosure,
    /// <summary>Making the product or service unavailable.</summary>
    DenialOfService,
    /// <summary>Gaining rights one should not have.</summary>
    ElevationOfPrivilege,
}

/// <summary>How far a countermeasure has come.</summary>
public enum CountermeasureStatus
{
    /// <summary>Decided, not built yet.</summary>
    Planned,
    /// <summary>Built into the product.</summary>
    Implemented,
    /// <summary>Built and shown to work (tested, reviewed).</summary>
    Verified,
}

/// <summary>What the product does about a threat.</summary>
public enum ThreatDecision
{
    /// <summary>Reduce the risk with countermeasures.</summary>
    Mitigate,
    /// <summary>Live with the risk, for a stated reason.</summary>
    Accept,
    /// <summary>Pass the risk on (insurance, a supplier, the operator by contract).</summary>
    Transfer,
    /// <summary>Remove the cause: drop the feature or the interface.</summary>
    Avoid,
}

/// <summary>A countermeasure as entered: what, how far, and the baseline lines (keys) it fulfils.</summary>
/// <param name="Text">What is done.</param>
/// <param name="Status">Planned, implemented or verified.</param>
/// <param name="RequirementKeys">Keys of lines of the product's baselines ("guideline/requirement" or "own/OWN-n").</param>
public sealed record CountermeasureDraft(string Text, CountermeasureStatus Status, IReadOnlyList<string> RequirementKeys);

/// <summary>A threat as entered, before it is checked.</summary>
/// <param name="Title">Short name.</param>
/// <param name="Description">What could happen, how.</param>
/// <param name="Part">The IoT part it concerns.</param>
/// <param name="Stride">The STRIDE category.</param>
/// <param name="Likelihood">Likelihood step before countermeasures.</param>
/// <param name="Impact">Impact step before countermeasures.</param>
/// <param name="ResidualLikelihood">Likelihood step after countermeasures, if assessed.</param>
/// <param name="ResidualImpact">Impact step after countermeasures, if assessed.</param>
/// <param name="Owner">Who is responsible.</param>
/// <param name="Decision">Mitigate, accept, transfer or avoid.</param>
/// <param name="Justification">Why: needed when the risk is accepted.</param>
/// <param name="Countermeasures">The countermeasures.</param>
public sealed record ThreatDraft(string Title, string? Description, IotPart Part, StrideCategory Stride, int Likelihood, int Impact,
    int? ResidualLikelihood, int? ResidualImpact, string? Owner, ThreatDecision Decision, string? Justification, IReadOnlyList<CountermeasureDraft> Countermeasures);

/// <summary>A threat's risk before and after countermeasures, read from the current matrix.</summary>
/// <param name="Inherent">Before countermeasures.</param>
/// <param name="Residual">After countermeasures, when assessed.</param>
public sealed record ThreatRisk(RiskLevel Inherent, RiskLevel? Residual);

/// <summary>
/// A threat to a product, assumed before shipping (function ①): the IoT part it concerns, its STRIDE category, its
/// likelihood and impact (and so its risk, always read from the current matrix, never stored), the countermeasures
/// with the baseline requirements they fulfil, the residual likelihood and impact, the owner and the decision.
/// </summary>
public sealed class Threat
{
    /// <summary>The most countermeasures a threat takes.</summary>
    public const int MaxCountermeasures = 30;

    /// <summary>The shortest justification of an accepted risk.</summary>
    public const int MinJustification = 3;

    /// <summary>The longest justification.</summary>
    public const int MaxJustification = 2000;

    private readonly List<Countermeasure> _countermeasures = [];

    private Threat() => Title = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The product.</summary>
    public Guid ProductId { get; private set; }
    /// <summary>The product's business unit (for scoping).</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>Short name.</summary>
    public string Title { get; private set; }
    /// <summary>What could happen, how.</summary>
    public string? Description { get; private set; }
    /// <summary>The IoT part it concerns.</summary>
    public IotPart Part { get; private set; }
    /// <summary>The STRIDE category.</summary>
    public StrideCategory Stride { get; private set; }
    /// <summary>Likelihood step (1 to <see cref="RiskMatrix.Size"/>) before countermeasures.</summary>
    public int Likelihood { get; private set; }
    /// <summary>Impact step before countermeasures.</summary>
    public int Impact { get; private set; }
    /// <summary>Likelihood step after countermeasures, if assessed.</summary>
    public int? ResidualLikelihood { get; private set; }
    /// <summary>Impact step after countermeasures, if assessed.</summary>
    public int? ResidualImpact { get; private set; }
    /// <summary>Who is responsible.</summary>
    public string? Owner { get; private set; }
    /// <summary>What the product does about it.</summary>
    public ThreatDecision Decision { get; private set; }
    /// <summary>Why (required for an accepted risk).</summary>
    public string? Justification { get; private set; }
    /// <summary>The countermeasures, in the order entered.</summary>
    public IReadOnlyList<Countermeasure> Countermeasures => _countermeasures;

    /// <summary>A new threat of a product, checked as <see cref="Update"/> checks it.</summary>
    public static Threat Create(Guid productId, Guid businessUnitId, ThreatDraft draft, IReadOnlySet<string> baselineKeys)
    {
        var threat = new Threat { Id = Guid.CreateVersion7(), ProductId = productId, BusinessUnitId = businessUnitId };
        threat.Update(draft, baselineKeys);
        return threat;
    }

    /// <summary>
    /// Replaces everything with the draft. Likelihood and impact are steps of the matrix; the residual values come
    /// together and never exceed the values before countermeasures; an accepted risk needs its justification; each
    /// countermeasure's requirement keys must be lines of the product's baselines (<paramref name="baselineKeys"/>).
    /// </summary>
    public void Update(ThreatDraft draft, IReadOnlySet<string> baselineKeys)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(baselineKeys);
        var title = Guard.Text(draft.Title, "title", 3, 200);
        var description = Guard.OptionalText(draft.Description, "description", 4000);
        Guard.Defined(draft.Part, "part");
        Guard.Defined(draft.Stride, "stride");
        Guard.That(RiskMatrix.IsStep(draft.Likelihood), CommonErrors.OutOfRange("likelihood", 1, RiskMatrix.Size));
        Guard.That(RiskMatrix.IsStep(draft.Impact), CommonErrors.OutOfRange("impact", 1, RiskMatrix.Size));
        Guard.That(draft.ResidualLikelihood.HasValue == draft.ResidualImpact.HasValue,
            () => ThreatErrors.ResidualTogether(draft.ResidualLikelihood.HasValue ? "residualImpact" : "residualLikelihood"));
        if (draft.ResidualLikelihood is { } rl)
            Guard.That(RiskMatrix.IsStep(rl) && rl <= draft.Likelihood, ThreatErrors.ResidualLikelihoodAbove(draft.Likelihood));
        if (draft.ResidualImpact is { } ri)
            Guard.That(RiskMatrix.IsStep(ri) && ri <= draft.Impact, ThreatErrors.ResidualImpactAbove(draft.Impact));
        Guard.Defined(draft.Decision, "decision");
        var justification = Guard.OptionalText(draft.Justification, "justification", MaxJustification);
        Guard.That(draft.Decision != ThreatDecision.Accept || justification?.Length >= MinJustification,
            () => ThreatErrors.JustificationRequired(MinJustification, MaxJustification));
        var owner = Guard.OptionalText(draft.Owner, "owner", 256);
        var countermeasures = draft.Countermeasures ?? [];
        Guard.That(countermeasures.Count <= MaxCountermeasures, () => ThreatErrors.TooManyCountermeasures(MaxCountermeasures));
        var built = countermeasures.Select((c, n) => Countermeasure.Create(Id, n, c, baselineKeys)).ToList();

        Title = title;
        Description = description;
        Part = draft.Part;
        Stride = draft.Stride;
        Likelihood = draft.Likelihood;
        Impact = draft.Impact;
        ResidualLikelihood = draft.ResidualLikelihood;
        ResidualImpact = draft.ResidualImpact;
        Owner = owner;
        Decision = draft.Decision;
        Justification = justification;
        _countermeasures.Clear();
        _countermeasures.AddRange(built);
    }

    /// <summary>The risk before and after countermeasures, from the matrix as it is now.</summary>
    public ThreatRisk RiskIn(RiskMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var residual = ResidualLikelihood is { } l && ResidualImpact is { } i ? matrix.LevelOf(l, i) : (RiskLevel?)null;
        return new ThreatRisk(matrix.LevelOf(Likelihood, Impact), residual);
    }

}

/// <summary>A countermeasure against a threat, linked to the baseline requirements it fulfils.</summary>
public sealed class Countermeasure
{
    /// <summary>The most baseline lines one countermeasure links.</summary>
    public const int MaxLinks = 50;

    private readonly List<string> _requirementKeys = [];

    private Countermeasure() => Text = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The threat.</summary>
    public Guid ThreatId { get; private set; }
    /// <summary>Position in the threat's list.</summary>
    public int Order { get; private set; }
    /// <summary>What is done.</summary>
    public string Text { get; private set; }
    /// <summary>Planned, implemented or verified.</summary>
    public CountermeasureStatus Status { get; private set; }
    /// <summary>Keys of the baseline lines it fulfils ("guideline/requirement" or "own/OWN-n"): a line's key survives re-inheriting and republishing.</summary>
    public IReadOnlyList<string> RequirementKeys => _requirementKeys;

    internal static Countermeasure Create(Guid threatId, int order, CountermeasureDraft draft, IReadOnlySet<string> baselineKeys)
    {
        ArgumentNullException.ThrowIfNull(draft);
        // Field names as the API and the edit dialog know them.
        var field = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"countermeasures[{order}]");
        var text = Guard.Text(draft.Text, field + ".text", 3, 2000);
        Guard.Defined(draft.Status, field + ".status");
        var keys = (draft.RequirementKeys ?? []).Select(k => (k ?? string.Empty).Trim()).Distinct(StringComparer.Ordinal).ToList();
        Guard.That(keys.Count <= MaxLinks, () => ThreatErrors.TooManyRequirements(field + ".requirementKeys", MaxLinks));
        var unknown = keys.FirstOrDefault(k => !baselineKeys.Contains(k));
        Guard.That(unknown is null, () => ThreatErrors.NotABaselineLine(field + ".requirementKeys", unknown!));
        var c = new Countermeasure { Id = Guid.CreateVersion7(), ThreatId = threatId, Order = order, Text = text, Status = draft.Status };
        c._requirementKeys.AddRange(keys);
        return c;
    }
}
