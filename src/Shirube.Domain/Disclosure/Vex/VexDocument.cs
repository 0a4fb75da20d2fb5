namespace Shirube.Domain.Disclosure.Vex;

/// <summary>
/// A VEX document: who says it, which revision it is, and its statements. The same document is written as CycloneDX
/// (serial number <c>urn:uuid:…</c>, version) and OpenVEX (<c>@id</c>, version).
/// </summary>
/// <param name="SerialNumber">The document's identity across revisions (CycloneDX <c>serialNumber</c>).</param>
/// <param name="Author">Who makes the statements, e.g. the maker's PSIRT.</param>
/// <param name="Version">The revision, from 1.</param>
/// <param name="Timestamp">When this revision was issued.</param>
/// <param name="Statements">The statements.</param>
public sealed record VexDocument(Guid SerialNumber, string Author, int Version, DateTimeOffset Timestamp, IReadOnlyList<VexStatement> Statements)
{
    /// <summary>The document's IRI (OpenVEX <c>@id</c>); <c>urn:uuid:</c> and the serial number when not given.</summary>
    public Uri? Iri { get; init; }

    /// <summary>The IRI written: <see cref="Iri"/> or <c>urn:uuid:</c> and <see cref="SerialNumber"/>.</summary>
    public string IdOrSerial => Iri?.ToString() ?? "urn:uuid:" + SerialNumber.ToString("D", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What keeps the document from being a valid VEX document (empty when none): a blank author, a version below 1,
    /// no statement, and each statement's problems prefixed with its place (<c>statements[2]: …</c>).
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Author))
            problems.Add("the document has no author.");
        if (Version < 1)
            problems.Add($"the version is {Version}; versions start at 1.");
        if (Statements is null || Statements.Count == 0)
            problems.Add("the document has no statement.");
        else
            for (var i = 0; i < Statements.Count; i++)
                problems.AddRange(Statements[i].Problems().Select(p => $"statements[{i}]: {p}"));
        return problems;
    }
}
