namespace Shirube.Domain.Disclosure.Advisories;

/// <summary>Where an advisory stands: written, reviewed, approved by a second person, published.</summary>
public enum AdvisoryStatus
{
    /// <summary>Being written (also after a publication, for the next revision).</summary>
    Draft,
    /// <summary>Submitted for review.</summary>
    InReview,
    /// <summary>Approved by someone other than its last editor; ready to publish.</summary>
    Approved,
    /// <summary>Published; the latest revision is frozen.</summary>
    Published,
}

/// <summary>The Traffic Light Protocol label of an advisory (TLP 2.0; CSAF 2.0 writes CLEAR as WHITE).</summary>
public enum TlpLabel
{
    /// <summary>May be shared without limit.</summary>
    Clear,
    /// <summary>Within the recipients' community.</summary>
    Green,
    /// <summary>Within the recipients' organisations, on a need-to-know basis.</summary>
    Amber,
    /// <summary>For the named recipients only.</summary>
    Red,
}

/// <summary>How a revision is published: final, or interim (more changes are expected).</summary>
public enum AdvisoryRelease
{
    /// <summary>CSAF tracking status final.</summary>
    Final,
    /// <summary>CSAF tracking status interim.</summary>
    Interim,
}

/// <summary>A fixed version's vendor fix: where to get it and since when.</summary>
/// <param name="VersionId">The product version that fixes the vulnerability (one of the case's fixed versions).</param>
/// <param name="Url">Where to download it or read how to update.</param>
/// <param name="Date">When the fix was released.</param>
public sealed record AdvisoryFix(Guid VersionId, Uri? Url, DateOnly? Date);

/// <summary>Everything a PSIRT writes into an advisory, in Japanese and English; a blank text is left out of the documents.</summary>
public sealed record AdvisoryContent
{
    /// <summary>The TLP label.</summary>
    public TlpLabel Tlp { get; init; } = TlpLabel.Clear;
    /// <summary>Title (Japanese).</summary>
    public string TitleJa { get; init; } = "";
    /// <summary>Title (English).</summary>
    public string TitleEn { get; init; } = "";
    /// <summary>Summary (Japanese).</summary>
    public string? SummaryJa { get; init; }
    /// <summary>Summary (English).</summary>
    public string? SummaryEn { get; init; }
    /// <summary>Details of the vulnerability (Japanese).</summary>
    public string? DetailsJa { get; init; }
    /// <summary>Details of the vulnerability (English).</summary>
    public string? DetailsEn { get; init; }
    /// <summary>Workaround until the fix is applied (Japanese).</summary>
    public string? WorkaroundJa { get; init; }
    /// <summary>Workaround until the fix is applied (English).</summary>
    public string? WorkaroundEn { get; init; }
    /// <summary>Mitigation (Japanese).</summary>
    public string? MitigationJa { get; init; }
    /// <summary>Mitigation (English).</summary>
    public string? MitigationEn { get; init; }
    /// <summary>What an attacker could do (Japanese): the impact threat.</summary>
    public string? ImpactJa { get; init; }
    /// <summary>What an attacker could do (English): the impact threat.</summary>
    public string? ImpactEn { get; init; }
    /// <summary>Who is thanked (initially the case's credit).</summary>
    public string? Acknowledgment { get; init; }
    /// <summary>The name of the case's CWE as MITRE gives it; CSAF 2.0 writes a CWE only with its name.</summary>
    public string? CweName { get; init; }
    /// <summary>A CVSS v3.1 vector beside the case's v4.0 one (CSAF 2.0 scores only v2 and v3).</summary>
    public string? Cvss31Vector { get; init; }
    /// <summary>What the next revision changes (Japanese).</summary>
    public string? RevisionSummaryJa { get; init; }
    /// <summary>What the next revision changes (English).</summary>
    public string? RevisionSummaryEn { get; init; }
    /// <summary>The vendor fixes, one per fixed version.</summary>
    public IReadOnlyList<AdvisoryFix> Fixes { get; init; } = [];
}

/// <summary>
/// The security advisory of a vulnerability case, written in Japanese and English and published as CSAF 2.0. Its
/// product tree, CVE, CWE, score and product status come from the case and the portfolio when the documents are made;
/// the texts, TLP, fixes and acknowledgment are the PSIRT's. It is reviewed and approved by someone other than its last
/// editor before it is published; every publication appends a revision that keeps the documents as published.
/// </summary>
public sealed class Advisory
{
    /// <summary>The longest title.</summary>
    public const int MaxTitle = 300;
    /// <summary>The longest note text.</summary>
    public const int MaxText = 20_000;
    /// <summary>The longest short text (acknowledgment, CWE name, revision summary).</summary>
    public const int MaxShort = 500;

    private readonly List<AdvisoryRevision> _revisions = [];
    private List<AdvisoryFix> _fixes = [];

    private Advisory()
    {
        TrackingId = TitleJa = TitleEn = LastEditedBy = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The case it discloses.</summary>
    public Guid CaseId { get; private set; }
    /// <summary>The business unit that handles the case: who may see the advisory before it is published.</summary>
    public Guid BusinessUnitId { get; private set; }
    /// <summary>The tracking id, e.g. SHIRUBE-SA-2026-0001.</summary>
    public string TrackingId { get; private set; }
    /// <summary>Where it stands.</summary>
    public AdvisoryStatus Status { get; private set; }
    /// <summary>The TLP label.</summary>
    public TlpLabel Tlp { get; private set; }
    /// <summary>Title (Japanese).</summary>
    public string TitleJa { get; private set; }
    /// <summary>Title (English).</summary>
    public string TitleEn { get; private set; }
    /// <summary>Summary (Japanese).</summary>
    public string? SummaryJa { get; private set; }
    /// <summary>Summary (English).</summary>
    public string? SummaryEn { get; private set; }
    /// <summary>Details (Japanese).</summary>
    public string? DetailsJa { get; private set; }
    /// <summary>Details (English).</summary>
    public string? DetailsEn { get; private set; }
    /// <summary>Workaround (Japanese).</summary>
    public string? WorkaroundJa { get; private set; }
    /// <summary>Workaround (English).</summary>
    public string? WorkaroundEn { get; private set; }
    /// <summary>Mitigation (Japanese).</summary>
    public string? MitigationJa { get; private set; }
    /// <summary>Mitigation (English).</summary>
    public string? MitigationEn { get; private set; }
    /// <summary>Impact (Japanese).</summary>
    public string? ImpactJa { get; private set; }
    /// <summary>Impact (English).</summary>
    public string? ImpactEn { get; private set; }
    /// <summary>Who is thanked.</summary>
    public string? Acknowledgment { get; private set; }
    /// <summary>The CWE's name.</summary>
    public string? CweName { get; private set; }
    /// <summary>A CVSS v3.1 vector beside a v4.0 case's.</summary>
    public string? Cvss31Vector { get; private set; }
    /// <summary>What the next revision changes (Japanese).</summary>
    public string? RevisionSummaryJa { get; private set; }
    /// <summary>What the next revision changes (English).</summary>
    public string? RevisionSummaryEn { get; private set; }
    /// <summary>The vendor fixes.</summary>
    public IReadOnlyList<AdvisoryFix> Fixes => _fixes;
    /// <summary>Who changed it last (the approver must be someone else).</summary>
    public string LastEditedBy { get; private set; }
    /// <summary>When it was changed last (UTC).</summary>
    public DateTime LastEditedAt { get; private set; }
    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; private set; }
    /// <summary>Who submitted it for review.</summary>
    public string? SubmittedBy { get; private set; }
    /// <summary>Who approved it.</summary>
    public string? ApprovedBy { get; private set; }
    /// <summary>When it was approved (UTC).</summary>
    public DateTime? ApprovedAt { get; private set; }
    /// <summary>The published revisions, oldest first.</summary>
    public IReadOnlyList<AdvisoryRevision> Revisions => _revisions;

    /// <summary>The number the next publication will have.</summary>
    public int NextRevision => _revisions.Count + 1;

    /// <summary>The latest publication, if any.</summary>
    public AdvisoryRevision? Latest => _revisions.Count == 0 ? null : _revisions[^1];

    /// <summary>The content as the PSIRT wrote it, for editing.</summary>
    public AdvisoryContent Content => new()
    {
        Tlp = Tlp, TitleJa = TitleJa, TitleEn = TitleEn, SummaryJa = SummaryJa, SummaryEn = SummaryEn, DetailsJa = DetailsJa, DetailsEn = DetailsEn,
        WorkaroundJa = WorkaroundJa, WorkaroundEn = WorkaroundEn, MitigationJa = MitigationJa, MitigationEn = MitigationEn, ImpactJa = ImpactJa,
        ImpactEn = ImpactEn, Acknowledgment = Acknowledgment, CweName = CweName, Cvss31Vector = Cvss31Vector,
        RevisionSummaryJa = RevisionSummaryJa, RevisionSummaryEn = RevisionSummaryEn, Fixes = _fixes,
    };

    /// <summary>A new draft for a case; the first revision's summary reads "Initial release".</summary>
    public static Advisory Draft(Guid caseId, Guid businessUnitId, string trackingId, AdvisoryContent content, string by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var advisory = new Advisory
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            BusinessUnitId = businessUnitId,
            TrackingId = trackingId,
            Status = AdvisoryStatus.Draft,
            CreatedAt = now,
        };
        advisory.Apply(content with
        {
            RevisionSummaryJa = content.RevisionSummaryJa ?? "初版",
            RevisionSummaryEn = content.RevisionSummaryEn ?? "Initial release",
        }, by, now);
        return advisory;
    }

    /// <summary>
    /// Changes the content. In review or approved, the advisory goes back to draft (the review was of other text);
    /// published, the change starts the draft of the next revision, whose summary must then be written anew.
    /// </summary>
    public void Edit(AdvisoryContent content, string by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Status == AdvisoryStatus.Published && content.RevisionSummaryJa == RevisionSummaryJa && content.RevisionSummaryEn == RevisionSummaryEn)
            content = content with { RevisionSummaryJa = null, RevisionSummaryEn = null };
        Apply(content, by, now);
        Status = AdvisoryStatus.Draft;
        SubmittedBy = ApprovedBy = null;
        ApprovedAt = null;
    }

    /// <summary>Moves the business unit with the case (when the case goes to another product's unit).</summary>
    public void MoveTo(Guid businessUnitId) => BusinessUnitId = businessUnitId;

    private void Apply(AdvisoryContent c, string by, DateTime now)
    {
        Tlp = Guard.Defined(c.Tlp, "tlp");
        TitleJa = Guard.Text(c.TitleJa, "titleJa", MaxTitle);
        TitleEn = Guard.Text(c.TitleEn, "titleEn", MaxTitle);
        SummaryJa = Guard.OptionalText(c.SummaryJa, "summaryJa", MaxText);
        SummaryEn = Guard.OptionalText(c.SummaryEn, "summaryEn", MaxText);
        DetailsJa = Guard.OptionalText(c.DetailsJa, "detailsJa", MaxText);
        DetailsEn = Guard.OptionalText(c.DetailsEn, "detailsEn", MaxText);
        WorkaroundJa = Guard.OptionalText(c.WorkaroundJa, "workaroundJa", MaxText);
        WorkaroundEn = Guard.OptionalText(c.WorkaroundEn, "workaroundEn", MaxText);
        MitigationJa = Guard.OptionalText(c.MitigationJa, "mitigationJa", MaxText);
        MitigationEn = Guard.OptionalText(c.MitigationEn, "mitigationEn", MaxText);
        ImpactJa = Guard.OptionalText(c.ImpactJa, "impactJa", MaxText);
        ImpactEn = Guard.OptionalText(c.ImpactEn, "impactEn", MaxText);
        Acknowledgment = Guard.OptionalText(c.Acknowledgment, "acknowledgment", MaxShort);
        CweName = Guard.OptionalText(c.CweName, "cweName", MaxShort);
        Cvss31Vector = Guard.OptionalText(c.Cvss31Vector, "cvss31Vector", 300);
        RevisionSummaryJa = Guard.OptionalText(c.RevisionSummaryJa, "revisionSummaryJa", MaxShort);
        RevisionSummaryEn = Guard.OptionalText(c.RevisionSummaryEn, "revisionSummaryEn", MaxShort);
        foreach (var fix in c.Fixes)
            Guard.That(fix.Url is null || (fix.Url.IsAbsoluteUri && fix.Url.Scheme is "https" or "http"), () => AdvisoryErrors.NotAUrl(fix.Url!.OriginalString));
        _fixes = [.. c.Fixes.GroupBy(f => f.VersionId).Select(g => g.Last())];
        LastEditedBy = by;
        LastEditedAt = now;
    }

    /// <summary>Submits the draft for review; the titles, summaries and revision summaries must be written in both languages.</summary>
    public void Submit(string by)
    {
        Guard.That(Status == AdvisoryStatus.Draft, () => AdvisoryErrors.WrongStatus(Status, AdvisoryStatus.Draft));
        foreach (var (field, ja, en) in new[] { ("summary", SummaryJa, SummaryEn), ("revisionSummary", RevisionSummaryJa, RevisionSummaryEn) })
            Guard.That(ja is not null && en is not null, () => AdvisoryErrors.Incomplete(field));
        Status = AdvisoryStatus.InReview;
        SubmittedBy = by;
    }

    /// <summary>Sends an advisory in review back to draft (the reviewer asks for changes).</summary>
    public void SendBack()
    {
        Guard.That(Status == AdvisoryStatus.InReview, () => AdvisoryErrors.WrongStatus(Status, AdvisoryStatus.InReview));
        Status = AdvisoryStatus.Draft;
        SubmittedBy = null;
    }

    /// <summary>Approves the advisory in review; its last editor cannot (<c>Advisories.SameReviewer</c>).</summary>
    public void Approve(string by, DateTime now)
    {
        Guard.That(Status == AdvisoryStatus.InReview, () => AdvisoryErrors.WrongStatus(Status, AdvisoryStatus.InReview));
        Guard.That(!string.Equals(by, LastEditedBy, StringComparison.OrdinalIgnoreCase), () => AdvisoryErrors.SameReviewer(LastEditedBy));
        Status = AdvisoryStatus.Approved;
        ApprovedBy = by;
        ApprovedAt = now;
    }

    /// <summary>The revision the next publication appends (its date is now): what the documents' revision history shows.</summary>
    public (int Number, DateTime Date, string? SummaryJa, string? SummaryEn) Pending(DateTime now) => (NextRevision, now, RevisionSummaryJa, RevisionSummaryEn);

    /// <summary>
    /// Publishes the approved advisory: appends the revision with the documents as they were made for it. Refused while
    /// the case's embargo lasts (<c>Advisories.Embargoed</c>: publishing on the embargo's day is allowed).
    /// </summary>
    public AdvisoryRevision Publish(AdvisoryRelease release, DateOnly? embargoUntil, string by, DateTime now, string csafJa, string csafEn)
    {
        Guard.That(Status == AdvisoryStatus.Approved, () => AdvisoryErrors.WrongStatus(Status, AdvisoryStatus.Approved));
        Guard.That(embargoUntil is not { } until || DateOnly.FromDateTime(now) >= until, () => AdvisoryErrors.Embargoed(embargoUntil!.Value));
        var revision = AdvisoryRevision.Create(this, Guard.Defined(release, "release"), by, now, csafJa, csafEn);
        _revisions.Add(revision);
        Status = AdvisoryStatus.Published;
        return revision;
    }
}
