namespace Shirube.Domain.Disclosure.Advisories;

/// <summary>One publication of an advisory: its number, date and summary, and the CSAF documents exactly as published.</summary>
public sealed class AdvisoryRevision
{
    private AdvisoryRevision()
    {
        SummaryJa = SummaryEn = PublishedBy = ApprovedBy = CsafJa = CsafEn = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The advisory.</summary>
    public Guid AdvisoryId { get; private set; }
    /// <summary>The advisory's business unit (for the audit log's filter).</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>1, 2, 3…: the CSAF document version (integer versioning).</summary>
    public int Number { get; private set; }
    /// <summary>When it was published (UTC).</summary>
    public DateTime Date { get; private set; }
    /// <summary>What it changed (Japanese).</summary>
    public string SummaryJa { get; private set; }
    /// <summary>What it changed (English).</summary>
    public string SummaryEn { get; private set; }
    /// <summary>Final or interim.</summary>
    public AdvisoryRelease Release { get; private set; }
    /// <summary>Who published it.</summary>
    public string PublishedBy { get; private set; }
    /// <summary>Who approved it.</summary>
    public string ApprovedBy { get; private set; }
    /// <summary>The Japanese CSAF document as published (UTF-8 JSON text).</summary>
    public string CsafJa { get; private set; }
    /// <summary>The English CSAF document as published.</summary>
    public string CsafEn { get; private set; }

    /// <summary>The document in <paramref name="language"/> (ja or en).</summary>
    public string Csaf(string language) => language == "ja" ? CsafJa : CsafEn;

    internal static AdvisoryRevision Create(Advisory advisory, AdvisoryRelease release, string by, DateTime now, string csafJa, string csafEn) => new()
    {
        Id = Guid.CreateVersion7(),
        AdvisoryId = advisory.Id,
        BusinessUnitId = advisory.BusinessUnitId,
        Number = advisory.NextRevision,
        Date = now,
        SummaryJa = advisory.RevisionSummaryJa ?? throw AdvisoryErrors.Incomplete("revisionSummary").Exception(),
        SummaryEn = advisory.RevisionSummaryEn ?? throw AdvisoryErrors.Incomplete("revisionSummary").Exception(),
        Release = release,
        PublishedBy = by,
        ApprovedBy = advisory.ApprovedBy ?? by,
        CsafJa = csafJa,
        CsafEn = csafEn,
    };
}
