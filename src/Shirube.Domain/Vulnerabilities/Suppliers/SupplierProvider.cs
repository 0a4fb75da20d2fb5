namespace Shirube.Domain.Vulnerabilities.Suppliers;

/// <summary>How a supplier's last sync ended.</summary>
public enum SupplierSyncOutcome
{
    /// <summary>The provider was read; what it offered and passed every check was imported (possibly nothing).</summary>
    Imported,
    /// <summary>Nothing was imported: the provider metadata was refused, or the import failed as a whole.</summary>
    Failed,
}

/// <summary>A file the last sync refused: its URL, the reason's name (<c>BadHash</c>, <c>WrongTlp</c>…) and a sentence naming both.</summary>
/// <param name="Url">The URL of the document (or of the metadata, key or feed).</param>
/// <param name="Reason">Why, as a stable name.</param>
/// <param name="Message">Why, as a sentence.</param>
public sealed record SupplierRefusal(string Url, string Reason, string Message);

/// <summary>What one sync of a supplier did.</summary>
/// <param name="At">When it ran (UTC).</param>
/// <param name="Outcome">Imported or failed.</param>
/// <param name="DocumentsAccepted">Documents that passed the downloader's checks and the reader.</param>
/// <param name="RecordsImported">Vulnerability records read from them and given to the store.</param>
/// <param name="NewFindings">Findings the records raised in the portfolio.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Refusals">Each refused file with its reason.</param>
public sealed record SupplierSync(DateTime At, SupplierSyncOutcome Outcome, int DocumentsAccepted, int RecordsImported, int NewFindings, string? Error,
    IReadOnlyList<SupplierRefusal> Refusals);

/// <summary>
/// An upstream CSAF provider a PSIRT lead has configured: a name, the URL of its <c>provider-metadata.json</c>, whether
/// it is synced, and what its last sync did (when, documents accepted, records imported, and each refused file with its
/// reason and URL).
/// </summary>
public sealed class SupplierProvider
{
    /// <summary>The longest name.</summary>
    public const int MaxName = 200;
    /// <summary>The longest metadata URL.</summary>
    public const int MaxUrl = 2000;
    /// <summary>The most refusals kept from one sync; the count beyond is said in the last one kept.</summary>
    public const int MaxRefusals = 500;

    private readonly List<SupplierRefusal> _refusals = [];

    private SupplierProvider(Guid id, string name, Uri metadataUrl, bool enabled, string createdBy, DateTime createdAt)
    {
        Id = id;
        Name = name;
        MetadataUrl = metadataUrl;
        Enabled = enabled;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    /// <summary>The id.</summary>
    public Guid Id { get; private set; }
    /// <summary>The supplier's name, e.g. <c>Hikari Modules PSIRT</c>.</summary>
    public string Name { get; private set; }
    /// <summary>The absolute http(s) URL of the provider's <c>provider-metadata.json</c>.</summary>
    public Uri MetadataUrl { get; private set; }
    /// <summary>Whether the provider is synced.</summary>
    public bool Enabled { get; private set; }
    /// <summary>Who configured it.</summary>
    public string CreatedBy { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAt { get; private set; }
    /// <summary>When the last sync ran (UTC); null before the first.</summary>
    public DateTime? LastSyncAt { get; private set; }
    /// <summary>How the last sync ended.</summary>
    public SupplierSyncOutcome? LastOutcome { get; private set; }
    /// <summary>Documents the last sync accepted.</summary>
    public int DocumentsAccepted { get; private set; }
    /// <summary>Records the last sync imported.</summary>
    public int RecordsImported { get; private set; }
    /// <summary>Findings the last sync raised.</summary>
    public int NewFindings { get; private set; }
    /// <summary>Why the last sync failed.</summary>
    public string? LastError { get; private set; }
    /// <summary>The files the last sync refused.</summary>
    public IReadOnlyList<SupplierRefusal> Refusals => _refusals;

    /// <summary>A provider as a PSIRT lead configures it; the name is trimmed, the URL must be absolute http(s).</summary>
    public static SupplierProvider Configure(string? name, Uri? metadataUrl, bool enabled, string by, DateTime now) =>
        new(Guid.CreateVersion7(), Guard.Text(name, "name", MaxName), Checked(metadataUrl), enabled, by, now);

    /// <summary>Turns syncing on or off.</summary>
    public void Enable(bool enabled) => Enabled = enabled;

    /// <summary>Keeps what a sync did in place of the previous one.</summary>
    public void Record(SupplierSync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        LastSyncAt = sync.At;
        LastOutcome = sync.Outcome;
        DocumentsAccepted = sync.DocumentsAccepted;
        RecordsImported = sync.RecordsImported;
        NewFindings = sync.NewFindings;
        LastError = sync.Error;
        _refusals.Clear();
        _refusals.AddRange(sync.Refusals.Take(MaxRefusals));
        if (sync.Refusals.Count > MaxRefusals)
            _refusals[^1] = _refusals[^1] with { Message = _refusals[^1].Message + $" ({sync.Refusals.Count - MaxRefusals} more refusals not kept.)" };
    }

    private static Uri Checked(Uri? url)
    {
        Guard.That(url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.OriginalString.Length <= MaxUrl,
            () => SupplierErrors.NotAUrl(url?.OriginalString));
        return url!;
    }
}
