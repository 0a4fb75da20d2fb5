namespace Shirube.Domain.Disclosure.Advisories;

/// <summary>The kind of CSAF document.</summary>
public enum DocumentCategory
{
    /// <summary>csaf_security_advisory (profile 4.3).</summary>
    SecurityAdvisory,
    /// <summary>csaf_vex (profile 4.5).</summary>
    Vex,
}

/// <summary>The document's tracking status.</summary>
public enum DocumentStatus
{
    /// <summary>Not yet published.</summary>
    Draft,
    /// <summary>Published; more changes are expected.</summary>
    Interim,
    /// <summary>Published.</summary>
    Final,
}

/// <summary>What a note of the document or of a vulnerability is.</summary>
public enum NoteKind
{
    /// <summary>A short summary.</summary>
    Summary,
    /// <summary>A description.</summary>
    Description,
    /// <summary>Details.</summary>
    Details,
    /// <summary>General text.</summary>
    General,
    /// <summary>Something else (the CVSS v4.0 vector, for one).</summary>
    Other,
    /// <summary>Terms of use.</summary>
    LegalDisclaimer,
}

/// <summary>The state of a product version for a vulnerability.</summary>
public enum ProductState
{
    /// <summary>Affected.</summary>
    KnownAffected,
    /// <summary>Contains the fix.</summary>
    Fixed,
    /// <summary>Not affected.</summary>
    KnownNotAffected,
    /// <summary>Not yet known.</summary>
    UnderInvestigation,
}

/// <summary>The kind of remediation.</summary>
public enum RemediationKind
{
    /// <summary>An update from the vendor.</summary>
    VendorFix,
    /// <summary>A change of configuration or use that avoids the vulnerability.</summary>
    Workaround,
    /// <summary>A measure that lowers the risk.</summary>
    Mitigation,
    /// <summary>No fix is available yet.</summary>
    NoneAvailable,
    /// <summary>No fix will be made.</summary>
    NoFixPlanned,
}

/// <summary>Why a product version is not affected (the VEX justifications, CSAF flag labels).</summary>
public enum NotAffectedReason
{
    /// <summary>The component is not in the product.</summary>
    ComponentNotPresent,
    /// <summary>The vulnerable code is not in the product.</summary>
    VulnerableCodeNotPresent,
    /// <summary>The vulnerable code cannot be controlled by an adversary.</summary>
    VulnerableCodeCannotBeControlledByAdversary,
    /// <summary>The vulnerable code is never executed.</summary>
    VulnerableCodeNotInExecutePath,
    /// <summary>Mitigations in the product already prevent exploitation.</summary>
    InlineMitigationsAlreadyExist,
}

/// <summary>Who publishes: the name, the namespace URL that makes tracking ids unique, and how to reach them.</summary>
public sealed record DocumentPublisher(string Name, Uri Namespace, string? ContactDetails = null);

/// <summary>One entry of the revision history.</summary>
public sealed record DocumentRevision(int Number, DateTimeOffset Date, string Summary);

/// <summary>A note: its kind, title and text.</summary>
public sealed record DocumentNote(NoteKind Kind, string Title, string Text);

/// <summary>A reference to further information.</summary>
public sealed record DocumentReference(Uri Url, string Summary);

/// <summary>
/// A product version of the tree. <paramref name="Key"/> is the caller's name for it, by which statuses and
/// remediations refer to it; the writer gives it a CSAF product id of its own.
/// </summary>
/// <param name="Key">The caller's key (e.g. the version's id).</param>
/// <param name="Version">The version as the vendor names it.</param>
/// <param name="Purl">Its package URL, with the version, when known.</param>
/// <param name="Cpe">Its CPE 2.3 name, when known.</param>
/// <param name="VendorUri">A vendor-specific identifier (a URI in the publisher's namespace), for a version with no purl or CPE.</param>
public sealed record VersionEntry(string Key, string Version, string? Purl = null, string? Cpe = null, Uri? VendorUri = null);

/// <summary>A product of the tree: vendor → product family (optional) → product name → its versions.</summary>
public sealed record ProductEntry(string Vendor, string? Family, string Name, IReadOnlyList<VersionEntry> Versions);

/// <summary>The state of one product version (by key); a not-affected one gives a justification or a statement.</summary>
public sealed record StatusEntry(string Key, ProductState State, NotAffectedReason? Justification = null, string? Statement = null);

/// <summary>A remediation for the listed product versions (by key).</summary>
public sealed record RemediationEntry(RemediationKind Kind, string Text, IReadOnlyList<string> Keys, Uri? Url = null, DateTimeOffset? Date = null);

/// <summary>One vulnerability of the document.</summary>
public sealed record VulnerabilityEntry
{
    /// <summary>The CVE id.</summary>
    public string? Cve { get; init; }
    /// <summary>The CWE id (CWE-798); written only with <see cref="CweName"/>, which CSAF 2.0 requires beside it.</summary>
    public string? CweId { get; init; }
    /// <summary>The CWE's name.</summary>
    public string? CweName { get; init; }
    /// <summary>A short title.</summary>
    public string? Title { get; init; }
    /// <summary>The notes (a security advisory and a VEX document need at least one).</summary>
    public IReadOnlyList<DocumentNote> Notes { get; init; } = [];
    /// <summary>A CVSS v3.1 (or 3.0) vector, scored for the affected versions.</summary>
    public string? Cvss3Vector { get; init; }
    /// <summary>The product versions' states.</summary>
    public IReadOnlyList<StatusEntry> Statuses { get; init; } = [];
    /// <summary>The remediations.</summary>
    public IReadOnlyList<RemediationEntry> Remediations { get; init; } = [];
    /// <summary>What an attacker could do to the affected versions.</summary>
    public string? Impact { get; init; }
    /// <summary>Who is thanked.</summary>
    public IReadOnlyList<string> Acknowledgments { get; init; } = [];
    /// <summary>When the vulnerability was first disclosed.</summary>
    public DateTimeOffset? ReleaseDate { get; init; }
    /// <summary>References of the vulnerability (the CVSS v4.0 calculator link, for one).</summary>
    public IReadOnlyList<DocumentReference> References { get; init; } = [];
}

/// <summary>A CSAF document in one language, as neutral data: what the writer turns into CSAF 2.0 JSON.</summary>
public sealed record AdvisoryDocument
{
    /// <summary>Security advisory or VEX.</summary>
    public DocumentCategory Category { get; init; }
    /// <summary>ja or en.</summary>
    public required string Language { get; init; }
    /// <summary>Who publishes.</summary>
    public required DocumentPublisher Publisher { get; init; }
    /// <summary>The tracking id.</summary>
    public required string TrackingId { get; init; }
    /// <summary>Draft, interim or final.</summary>
    public DocumentStatus Status { get; init; }
    /// <summary>The revision history, oldest first (at least one); the last one is the document's version.</summary>
    public required IReadOnlyList<DocumentRevision> Revisions { get; init; }
    /// <summary>The TLP label.</summary>
    public TlpLabel Tlp { get; init; }
    /// <summary>The title.</summary>
    public required string Title { get; init; }
    /// <summary>The document's notes.</summary>
    public IReadOnlyList<DocumentNote> Notes { get; init; } = [];
    /// <summary>The document's canonical https URL (its self reference), when known.</summary>
    public Uri? SelfUrl { get; init; }
    /// <summary>Other references.</summary>
    public IReadOnlyList<DocumentReference> References { get; init; } = [];
    /// <summary>The product tree.</summary>
    public IReadOnlyList<ProductEntry> Products { get; init; } = [];
    /// <summary>The vulnerabilities.</summary>
    public IReadOnlyList<VulnerabilityEntry> Vulnerabilities { get; init; } = [];
    /// <summary>The aggregate severity text (e.g. the highest CVSS rating), if any.</summary>
    public string? AggregateSeverity { get; init; }
    /// <summary>When the document was generated.</summary>
    public DateTimeOffset GeneratedAt { get; init; }
}
