using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Web.Features.Disclosure.Provider;

/// <summary>Why a provider file or document was refused.</summary>
internal enum CsafRefusalReason
{
    /// <summary>The URL is not http(s).</summary>
    NotHttp,
    /// <summary>The server answered with an error status, or could not be reached.</summary>
    HttpError,
    /// <summary>The file is larger than the bound for its kind.</summary>
    TooLarge,
    /// <summary>provider-metadata.json is not JSON or breaks its schema.</summary>
    InvalidMetadata,
    /// <summary>A ROLIE feed or index.txt cannot be read.</summary>
    InvalidFeed,
    /// <summary>A public key cannot be fetched or read, or its fingerprint is not the one provider-metadata.json gives.</summary>
    InvalidKey,
    /// <summary>More documents are listed than the downloader takes.</summary>
    TooMany,
    /// <summary>No hash file could be fetched for the document.</summary>
    MissingHash,
    /// <summary>A hash file does not match the document's bytes.</summary>
    BadHash,
    /// <summary>No signature file could be fetched for the document.</summary>
    MissingSignature,
    /// <summary>The signature does not match the document, or cannot be read.</summary>
    BadSignature,
    /// <summary>The signature was made by a key the provider does not publish.</summary>
    UnknownKey,
    /// <summary>The document fails the CSAF schema or a mandatory test, or is not JSON.</summary>
    InvalidCsaf,
    /// <summary>The document's TLP label is not the label of the feed that lists it.</summary>
    WrongTlp,
    /// <summary>The document's file name is not the one its tracking id gives (CSAF 2.0 section 5.1).</summary>
    FilenameMismatch,
}

/// <summary>A refusal: what, which URL, and a sentence naming both.</summary>
internal sealed record CsafRefusal(CsafRefusalReason Reason, Uri Url, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}

/// <summary>A document that passed every check: its bytes exactly as fetched, and what identifies it.</summary>
internal sealed record CsafAcceptedDocument(Uri Url, string TrackingId, string Version, string TlpLabel, byte[] Utf8, string SignerFingerprint);

/// <summary>The outcome for one document URL: accepted, or refused with a reason.</summary>
internal sealed record CsafDocumentOutcome(Uri Url, CsafAcceptedDocument? Accepted, CsafRefusal? Refusal)
{
    public bool IsAccepted => Accepted is not null;
}

/// <summary>
/// What one download from a provider found: the metadata (null when it was refused, see <see cref="Refusal"/>), the
/// outcome of each document, and the problems with keys and feeds that did not stop the run.
/// </summary>
internal sealed record CsafDownloadReport(
    Uri MetadataUrl, ProviderMetadata? Metadata, CsafRefusal? Refusal,
    IReadOnlyList<CsafDocumentOutcome> Documents, IReadOnlyList<CsafRefusal> Problems)
{
    public IEnumerable<CsafAcceptedDocument> Accepted => Documents.Where(d => d.Accepted is not null).Select(d => d.Accepted!);

    public IEnumerable<CsafRefusal> Refused => Documents.Where(d => d.Refusal is not null).Select(d => d.Refusal!);
}

/// <summary>The bounds of one download run.</summary>
internal sealed record CsafDownloadLimits
{
    /// <summary>The most documents fetched in one run.</summary>
    public int MaxDocuments { get; init; } = 10_000;

    /// <summary>The largest document (the validator's own bound).</summary>
    public long MaxDocumentBytes { get; init; } = Formats.Disclosure.CsafValidator.MaxBytes;

    /// <summary>The largest ROLIE feed or index.txt.</summary>
    public long MaxFeedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The largest public key file.</summary>
    public long MaxKeyBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest signature file.</summary>
    public long MaxSignatureBytes { get; init; } = 64 * 1024;

    /// <summary>The largest hash file.</summary>
    public long MaxHashBytes { get; init; } = 4 * 1024;
}
