namespace Shirube.Data.Guidelines;

/// <summary>
/// A guideline a user imported (an OSCAL catalog), kept as the document they uploaded: the catalog is read from
/// it again at start, so an improved reader improves old imports too.
/// </summary>
public sealed class ImportedCatalog
{
    /// <summary>The guideline id it appears under, e.g. "nist-sp-800-53-rev5".</summary>
    public required string Id { get; init; }
    /// <summary>Its title, for lists.</summary>
    public required string Title { get; set; }
    /// <summary>The format of <see cref="Content"/>: "oscal-catalog-json".</summary>
    public required string Format { get; init; }
    /// <summary>The document as uploaded.</summary>
    public required string Content { get; set; }
    /// <summary>How many requirements it gave.</summary>
    public int Requirements { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime ImportedAt { get; set; }
    /// <summary>Who.</summary>
    public required string ImportedBy { get; set; }
}
