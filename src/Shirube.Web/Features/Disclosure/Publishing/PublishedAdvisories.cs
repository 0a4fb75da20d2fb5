using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Web.Features.Disclosure.Publishing;

/// <summary>A published advisory as anyone may see it: the documents of its latest revision in both languages.</summary>
internal sealed record PublicAdvisory(string TrackingId, PublishedDocument Ja, PublishedDocument En, string CsafJa, string CsafEn)
{
    public PublishedDocument In(string language) => language == "ja" ? Ja : En;

    public DateTimeOffset Updated => En.CurrentReleaseDate;
}

/// <summary>What is public at one moment: the advisories, and (made on first need, as it signs) the provider's files.</summary>
internal sealed class PublicSnapshot(string stamp, IReadOnlyList<PublicAdvisory> advisories)
{
    private Task<ProviderFileSet>? _files;

    public string Stamp { get; } = stamp;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<PublicAdvisory> Advisories { get; } = advisories;

    /// <summary>The files, made once (two requests at the same moment may both make them; one set is kept).</summary>
    public Task<ProviderFileSet> FilesAsync(Func<Task<ProviderFileSet>> build)
    {
        var files = _files;
        if (files is not null && !files.IsFaulted && !files.IsCanceled)
            return files;
        Interlocked.CompareExchange(ref _files, build(), files);
        return _files!;
    }
}

/// <summary>The latest <see cref="PublicSnapshot"/>, shared by all requests.</summary>
internal sealed class PublicSnapshotCache : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public PublicSnapshot? Current { get; set; }

    public void Dispose() => Gate.Dispose();
}

/// <summary>
/// The published advisories that are served anonymously, and the CSAF trusted provider's files made of them. Only an
/// advisory with a published revision whose frozen documents are labelled TLP:WHITE (CLEAR), and whose label is still
/// CLEAR, is public; what is served is its latest revision, never the draft of the next one. The set is cached and made
/// again when a publication (or a label) changes, which one small query per request tells.
/// </summary>
internal sealed class PublishedAdvisories(IDbContextFactory<ShirubeDbContext> contexts, DisclosureSettings settings, CsafSigningKey key,
    PublicSnapshotCache cache, TimeProvider clock)
{
    private static readonly string[] Languages = ["ja", "en"];

    /// <summary>The base URL of the provider: <c>&lt;PublicUrl&gt;/.well-known/csaf/</c>.</summary>
    public Uri BaseUrl => new(settings.PublicUrl, "/.well-known/csaf/");

    /// <summary>The public advisories, newest first.</summary>
    public async Task<IReadOnlyList<PublicAdvisory>> ListAsync(CancellationToken ct) => (await SnapshotAsync(ct)).Advisories;

    /// <summary>The public advisory with that tracking id (case-insensitive), or null.</summary>
    public async Task<PublicAdvisory?> FindAsync(string trackingId, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(a => string.Equals(a.TrackingId, trackingId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The provider's files.</summary>
    public async Task<ProviderFileSet> FilesAsync(CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        return await snapshot.FilesAsync(async () =>
        {
            // Shared by the requests that wait for it: not cancelled with one of them.
            var signing = await key.GetAsync(CancellationToken.None);
            var documents = snapshot.Advisories.SelectMany(a => Languages.Select(l => ProviderDocument.FromCsaf(Encoding.UTF8.GetBytes(l == "ja" ? a.CsafJa : a.CsafEn),
                AdvisoryComposer.FileName(a.In(l).TrackingId)) with { Summary = a.In(l).Summary }));
            var publisher = new ProviderPublisher(settings.PublisherName, settings.Namespace, settings.ContactDetails);
            return ProviderFiles.Build(new ProviderSettings(publisher, BaseUrl, signing), documents, clock.GetUtcNow());
        });
    }

    /// <summary>The page of an advisory: <c>/advisories/&lt;tracking id&gt;</c>, in a language when one is given.</summary>
    public Uri PageUrl(string trackingId, string? language = null) =>
        new(settings.PublicUrl, "/advisories/" + Uri.EscapeDataString(trackingId) + (language is null ? "" : "?lang=" + language));

    /// <summary>Where the provider serves a document: <c>white/&lt;year of the first release&gt;/&lt;file&gt;</c>.</summary>
    public Uri DocumentUrl(PublishedDocument document) => new(BaseUrl, string.Create(CultureInfo.InvariantCulture,
        $"{ProviderFiles.WhiteFolder}{document.InitialReleaseDate.Year:D4}/{AdvisoryComposer.FileName(document.TrackingId)}"));

    private async Task<PublicSnapshot> SnapshotAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Published advisories are the company's public word: read whoever asks, without the unit filter.
        var published = db.Advisories.IgnoreQueryFilters().AsNoTracking().Where(a => a.Tlp == TlpLabel.Clear && a.Revisions.Any());
        var latest = await published.Select(a => new { a.Id, Number = a.Revisions.Max(r => r.Number) }).ToListAsync(ct);
        var stamp = string.Join(';', latest.OrderBy(l => l.Id).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Id:N}:{l.Number}")));
        if (cache.Current is { } current && current.Stamp == stamp)
            return current;
        await cache.Gate.WaitAsync(ct);
        try
        {
            if (cache.Current is { } made && made.Stamp == stamp)
                return made;
            var ids = latest.Select(l => l.Id).ToList();
            var revisions = await db.AdvisoryRevisions.AsNoTracking().Where(r => ids.Contains(r.AdvisoryId))
                .Where(r => r.Number == db.AdvisoryRevisions.Where(o => o.AdvisoryId == r.AdvisoryId).Max(o => o.Number))
                .Join(db.Advisories.IgnoreQueryFilters(), r => r.AdvisoryId, a => a.Id, (r, a) => new { a.TrackingId, r.CsafJa, r.CsafEn })
                .ToListAsync(ct);
            var advisories = revisions
                .Select(r => new PublicAdvisory(r.TrackingId, PublishedDocument.Read(r.CsafJa), PublishedDocument.Read(r.CsafEn), r.CsafJa, r.CsafEn))
                // The frozen documents decide: a revision published under another label stays unpublished here.
                .Where(a => CsafFileName.IsPublicTlp(a.Ja.TlpLabel) && CsafFileName.IsPublicTlp(a.En.TlpLabel))
                .OrderByDescending(a => a.Updated).ThenBy(a => a.TrackingId, StringComparer.Ordinal)
                .ToList();
            var snapshot = new PublicSnapshot(stamp, advisories);
            cache.Current = snapshot;
            return snapshot;
        }
        finally
        {
            cache.Gate.Release();
        }
    }
}
