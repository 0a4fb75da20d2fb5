using Shirube.Domain.Baselines;

namespace Shirube.Domain.Assessments;

/// <summary>
/// An assessment of one product version against a published version of its baseline: for each line, how far it is
/// implemented, with evidence, who assessed it and when.
/// </summary>
public sealed class Assessment
{
    private readonly List<AssessmentEntry> _entries = [];

    private Assessment() => StartedBy = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The baseline assessed against.</summary>
    public Guid BaselineId { get; private set; }
    /// <summary>Its published version.</summary>
    public int BaselineVersion { get; private set; }
    /// <summary>The product.</summary>
    public Guid ProductId { get; private set; }
    /// <summary>The product version assessed.</summary>
    public Guid ProductVersionId { get; private set; }
    /// <summary>The product's business unit (for scoping).</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>Who started it.</summary>
    public string StartedBy { get; private set; }
    /// <summary>When it started (UTC).</summary>
    public DateTime StartedAt { get; private set; }
    /// <summary>When it was completed (UTC), if it was.</summary>
    public DateTime? CompletedAt { get; private set; }
    /// <summary>One entry per assessed line.</summary>
    public IReadOnlyList<AssessmentEntry> Entries => _entries;

    /// <summary>Starts an assessment of a product version against a published baseline version (<c>Assessments.CompanyBaseline</c>, <c>Assessments.NotPublished</c> otherwise).</summary>
    public static Assessment Start(Baseline baseline, int baselineVersion, Guid productVersionId, string startedBy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.ProductId is not { } productId || baseline.BusinessUnitId is not { } unitId)
            throw AssessmentErrors.CompanyBaseline().Exception();
        Guard.That(baselineVersion >= 1 && baselineVersion <= baseline.PublishedVersion, AssessmentErrors.NotPublished());
        return new Assessment
        {
            Id = Guid.CreateVersion7(),
            BaselineId = baseline.Id,
            BaselineVersion = baselineVersion,
            ProductId = productId,
            ProductVersionId = productVersionId,
            BusinessUnitId = unitId,
            StartedBy = startedBy,
            StartedAt = now,
        };
    }

    /// <summary>The entry for a line, if it has been assessed.</summary>
    public AssessmentEntry? Find(string key) => _entries.FirstOrDefault(e => e.Key == key);

    /// <summary>Records (or changes) the assessment of one line of the baseline version (<c>Assessments.NoLine</c> for a line not in it, <c>Assessments.Completed</c> once completed).</summary>
    public AssessmentEntry Record(IReadOnlyCollection<string> baselineKeys, string key, ImplementationStatus status, string? justification,
        string? evidence, IEnumerable<string> links, string assessor, DateOnly assessedOn)
    {
        ArgumentNullException.ThrowIfNull(baselineKeys);
        Guard.That(CompletedAt is null, AssessmentErrors.Completed());
        Guard.That(baselineKeys.Contains(key), () => AssessmentErrors.NoLine(key, BaselineVersion));
        var entry = Find(key);
        if (entry is null)
        {
            entry = AssessmentEntry.Create(Id, key);
            _entries.Add(entry);
        }
        entry.Set(status, justification, evidence, links, assessor, assessedOn);
        return entry;
    }

    /// <summary>Marks the assessment complete; every included line must have been assessed (<c>Assessments.NotAllAssessed</c>), once (<c>Assessments.Completed</c>).</summary>
    public void Complete(IEnumerable<string> includedKeys, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(includedKeys);
        Guard.That(CompletedAt is null, AssessmentErrors.Completed());
        var missing = includedKeys.Where(k => Find(k) is null).ToList();
        Guard.That(missing.Count == 0, () => AssessmentErrors.NotAllAssessed(missing.Count, missing[0]));
        CompletedAt = now;
    }
}

/// <summary>The assessment of one line: status, justification, evidence, who and when.</summary>
public sealed class AssessmentEntry
{
    private readonly List<string> _links = [];

    private AssessmentEntry()
    {
        Key = string.Empty;
        Assessor = string.Empty;
    }

    /// <summary>The assessment.</summary>
    public Guid AssessmentId { get; private set; }
    /// <summary>The baseline line ("guideline/requirement" or "own/OWN-n").</summary>
    public string Key { get; private set; }
    /// <summary>How far it is implemented.</summary>
    public ImplementationStatus Status { get; private set; }
    /// <summary>Why (required when not applicable).</summary>
    public string? Justification { get; private set; }
    /// <summary>Evidence as text.</summary>
    public string? Evidence { get; private set; }
    /// <summary>Evidence links (http or https).</summary>
    public IReadOnlyList<string> Links => _links;
    /// <summary>Who assessed it.</summary>
    public string Assessor { get; private set; }
    /// <summary>When.</summary>
    public DateOnly AssessedOn { get; private set; }

    /// <summary>The most evidence links a line may have.</summary>
    public const int MaxLinks = 20;

    internal static AssessmentEntry Create(Guid assessmentId, string key) => new() { AssessmentId = assessmentId, Key = key };

    internal void Set(ImplementationStatus status, string? justification, string? evidence, IEnumerable<string> links, string assessor, DateOnly assessedOn)
    {
        ArgumentNullException.ThrowIfNull(links);
        Guard.Defined(status, "status");
        justification = Guard.OptionalText(justification, "justification", 2000);
        Guard.That(status != ImplementationStatus.NotApplicable || justification is { Length: >= 3 }, AssessmentErrors.JustificationRequired());
        evidence = Guard.OptionalText(evidence, "evidence", 4000);
        var list = links.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Guard.That(list.Count <= MaxLinks, () => AssessmentErrors.TooManyLinks(MaxLinks));
        var bad = list.FirstOrDefault(l => l.Length > 2000 || !Uri.TryCreate(l, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp));
        Guard.That(bad is null, () => AssessmentErrors.NotALink(bad!));
        assessor = Guard.Text(assessor, "assessor", 256);
        Status = status;
        Justification = justification;
        Evidence = evidence;
        _links.Clear();
        _links.AddRange(list);
        Assessor = assessor;
        AssessedOn = assessedOn;
    }
}
