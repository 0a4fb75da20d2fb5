using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Shirube.Formats.Disclosure;
using Shirube.Formats.Disclosure.Provider;

namespace Shirube.Web.Features.Disclosure.Provider;

/// <summary>
/// Fetches a provider's CSAF documents the way a CSAF 2.0 downloader does (section 7.3): provider-metadata.json,
/// checked against its schema; the public keys it names, checked against their fingerprints; its TLP:WHITE (CLEAR)
/// ROLIE feeds (or, when there is none, the index.txt of its directories); then each document with its hash and
/// signature, checked before anything else reads it, then validated (schema and mandatory tests), its TLP compared with
/// the feed's and its name with its tracking id. Every body is bounded (<see cref="CsafDownloadLimits"/>), only http(s)
/// is followed, and nothing is parsed as XML.
/// </summary>
internal sealed class CsafDownloader(IHttpClientFactory http)
{
    public const string HttpClientName = "csaf-providers";

    /// <summary>The provider-metadata.json URL of a domain (requirement 9): <c>https://&lt;domain&gt;/.well-known/csaf/provider-metadata.json</c>.</summary>
    public static Uri WellKnownUrl(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return new UriBuilder(Uri.UriSchemeHttps, domain.Trim().TrimEnd('/')) { Path = "/.well-known/csaf/provider-metadata.json" }.Uri;
    }

    /// <summary>Downloads the public documents of the provider whose main domain is <paramref name="domain"/>.</summary>
    public Task<CsafDownloadReport> DownloadFromDomainAsync(string domain, CsafDownloadLimits? limits, CancellationToken ct) =>
        DownloadAsync(WellKnownUrl(domain), limits, ct);

    /// <summary>Downloads the public documents of the provider described at <paramref name="metadataUrl"/>.</summary>
    public async Task<CsafDownloadReport> DownloadAsync(Uri metadataUrl, CsafDownloadLimits? limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        limits ??= new CsafDownloadLimits();
        using var client = http.CreateClient(HttpClientName);
        var run = new Run(client, limits, ct);

        var (metadataBytes, refusal) = await run.FetchAsync(metadataUrl, ProviderMetadata.MaxBytes);
        if (refusal is not null)
            return new CsafDownloadReport(metadataUrl, null, refusal, [], []);
        ProviderMetadata metadata;
        try
        {
            metadata = ProviderMetadata.Parse(metadataBytes!, metadataUrl.ToString());
        }
        catch (ProviderFormatException e)
        {
            return new CsafDownloadReport(metadataUrl, null,
                new CsafRefusal(CsafRefusalReason.InvalidMetadata, metadataUrl, CsafDownloadErrors.InvalidMetadata(metadataUrl, e.Path, e.Reason)), [], []);
        }

        var keys = await run.KeysAsync(metadata);
        var listed = await run.ListAsync(metadata);
        var unique = listed.DistinctBy(d => d.Entry.Document).ToList();
        if (unique.Count > limits.MaxDocuments)
        {
            run.Problems.Add(new CsafRefusal(CsafRefusalReason.TooMany, metadataUrl, CsafDownloadErrors.TooMany(limits.MaxDocuments, unique.Count)));
            unique = unique.Take(limits.MaxDocuments).ToList();
        }
        var outcomes = new List<CsafDocumentOutcome>(unique.Count);
        foreach (var (entry, tlp) in unique)
            outcomes.Add(await run.DocumentAsync(entry, tlp, keys));
        return new CsafDownloadReport(metadataUrl, metadata, null, outcomes, run.Problems);
    }

    /// <summary>The state of one download run: the client, the bounds, the problems met so far.</summary>
    private sealed class Run(HttpClient client, CsafDownloadLimits limits, CancellationToken ct)
    {
        public List<CsafRefusal> Problems { get; } = [];

        /// <summary>The keys provider-metadata.json names whose fetched fingerprint matches the one it gives.</summary>
        public async Task<List<OpenPgpPublicKey>> KeysAsync(ProviderMetadata metadata)
        {
            var keys = new List<OpenPgpPublicKey>();
            foreach (var reference in metadata.Keys)
            {
                var (bytes, refusal) = await FetchAsync(reference.Url, limits.MaxKeyBytes);
                if (refusal is not null)
                {
                    Problems.Add(refusal with { Reason = CsafRefusalReason.InvalidKey, Message = CsafDownloadErrors.InvalidKey(reference.Url, refusal.Message) });
                    continue;
                }
                try
                {
                    var key = OpenPgpPublicKey.Parse(Encoding.UTF8.GetString(bytes!), reference.Url.ToString());
                    if (reference.Fingerprint is { } expected && !string.Equals(expected, key.Fingerprint, StringComparison.OrdinalIgnoreCase))
                        Problems.Add(new CsafRefusal(CsafRefusalReason.InvalidKey, reference.Url, CsafDownloadErrors.WrongFingerprint(reference.Url, expected, key.Fingerprint)));
                    else
                        keys.Add(key);
                }
                catch (OpenPgpFormatException e)
                {
                    Problems.Add(new CsafRefusal(CsafRefusalReason.InvalidKey, reference.Url, CsafDownloadErrors.InvalidKey(reference.Url, e.Reason)));
                }
            }
            return keys;
        }

        /// <summary>
        /// The documents of the public ROLIE feeds with the feed's label; without any, those of the directories' index.txt
        /// (a directory named white/ or clear/ expects that label; another expects none in particular).
        /// </summary>
        public async Task<List<(RolieEntry Entry, string? Tlp)>> ListAsync(ProviderMetadata metadata)
        {
            var listed = new List<(RolieEntry, string?)>();
            var feeds = metadata.Feeds.Where(f => CsafFileName.IsPublicTlp(f.TlpLabel)).ToList();
            foreach (var feed in feeds)
            {
                var (bytes, refusal) = await FetchAsync(feed.Url, limits.MaxFeedBytes);
                if (refusal is not null)
                {
                    Problems.Add(refusal);
                    continue;
                }
                try
                {
                    listed.AddRange(RolieFeed.Parse(bytes!, feed.Url, limits.MaxDocuments * 4).Entries.Select(e => (e, (string?)feed.TlpLabel)));
                }
                catch (ProviderFormatException e)
                {
                    Problems.Add(new CsafRefusal(CsafRefusalReason.InvalidFeed, feed.Url, CsafDownloadErrors.InvalidFeed(feed.Url, e.Path, e.Reason)));
                }
            }
            if (feeds.Count > 0)
                return listed;
            foreach (var directory in metadata.Directories)
            {
                var folder = directory.AbsolutePath.EndsWith('/') ? directory : new Uri(directory + "/");
                var index = new Uri(folder, "index.txt");
                var (bytes, refusal) = await FetchAsync(index, limits.MaxFeedBytes);
                if (refusal is not null)
                {
                    Problems.Add(refusal);
                    continue;
                }
                var tlp = folder.Segments[^1].TrimEnd('/') is var last && CsafFileName.IsPublicTlp(last) ? last.ToUpperInvariant() : null;
                foreach (var line in Encoding.UTF8.GetString(bytes!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Uri.TryCreate(folder, line, out var url) || url.Scheme is not ("https" or "http"))
                    {
                        Problems.Add(new CsafRefusal(CsafRefusalReason.InvalidFeed, index, CsafDownloadErrors.InvalidFeed(index, line, "not a relative file path.")));
                        continue;
                    }
                    listed.Add((new RolieEntry(line, line, url, [], []), tlp));
                }
            }
            return listed;
        }

        public async Task<CsafDocumentOutcome> DocumentAsync(RolieEntry entry, string? tlp, List<OpenPgpPublicKey> keys)
        {
            var url = entry.Document;
            CsafDocumentOutcome Refuse(CsafRefusalReason reason, string message) => new(url, null, new CsafRefusal(reason, url, message));

            var (document, refusal) = await FetchAsync(url, limits.MaxDocumentBytes);
            if (refusal is not null)
                return new CsafDocumentOutcome(url, null, refusal);

            // Hash and signature come first: nothing reads a document that may have been changed (section 7.3, step 2).
            var hashes = entry.Hashes.Count > 0 ? entry.Hashes : [new Uri(url + ".sha512"), new Uri(url + ".sha256")];
            var tried = new List<string>();
            var hashed = false;
            foreach (var hashUrl in hashes)
            {
                var (hashBytes, hashRefusal) = await FetchAsync(hashUrl, limits.MaxHashBytes);
                if (hashRefusal is not null)
                {
                    tried.Add(hashRefusal.Message);
                    continue;
                }
                var expected = Encoding.ASCII.GetString(hashBytes!).Split([' ', '\t', '\r', '\n'], 2)[0].ToLowerInvariant();
                var actual = expected.Length switch
                {
                    64 => Convert.ToHexStringLower(SHA256.HashData(document!)),
                    128 => Convert.ToHexStringLower(SHA512.HashData(document!)),
                    _ => null,
                };
                if (actual is null)
                    return Refuse(CsafRefusalReason.BadHash, CsafDownloadErrors.UnreadableHash(hashUrl));
                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                    return Refuse(CsafRefusalReason.BadHash, CsafDownloadErrors.BadHash(url, hashUrl, expected, actual));
                hashed = true;
            }
            if (!hashed)
                return Refuse(CsafRefusalReason.MissingHash, CsafDownloadErrors.MissingHash(url, tried));

            var signatures = entry.Signatures.Count > 0 ? entry.Signatures : [new Uri(url + ".asc")];
            tried.Clear();
            OpenPgpVerification? verification = null;
            Uri? signatureUrl = null;
            foreach (var candidate in signatures)
            {
                var (signature, signatureRefusal) = await FetchAsync(candidate, limits.MaxSignatureBytes);
                if (signatureRefusal is not null)
                {
                    tried.Add(signatureRefusal.Message);
                    continue;
                }
                signatureUrl = candidate;
                verification = OpenPgpSignatures.Verify(document, Encoding.ASCII.GetString(signature!), keys);
                if (verification.IsValid)
                    break;
            }
            if (verification is null)
                return Refuse(CsafRefusalReason.MissingSignature, CsafDownloadErrors.MissingSignature(url, tried));
            if (!verification.IsValid)
                return Refuse(verification.Verdict == OpenPgpVerdict.UnknownKey ? CsafRefusalReason.UnknownKey : CsafRefusalReason.BadSignature,
                    CsafDownloadErrors.Signature(url, signatureUrl!, verification.Reason));

            var fileName = Uri.UnescapeDataString(url.Segments[^1]);
            CsafReport report;
            try
            {
                report = CsafValidator.Validate(document, fileName);
            }
            catch (CsafFormatException e)
            {
                return Refuse(CsafRefusalReason.InvalidCsaf, CsafDownloadErrors.NotJson(url, e.Path, e.Reason));
            }
            var errors = report.Errors.ToList();
            if (errors.Count > 0)
                return Refuse(CsafRefusalReason.InvalidCsaf, CsafDownloadErrors.InvalidCsaf(url, errors[0].Test, errors[0].Path, errors[0].Message, errors.Count));

            var (trackingId, version, label) = Identify(document!);
            if (tlp is not null && !(CsafFileName.IsPublicTlp(tlp) ? CsafFileName.IsPublicTlp(label) : string.Equals(tlp, label, StringComparison.OrdinalIgnoreCase)))
                return Refuse(CsafRefusalReason.WrongTlp, CsafDownloadErrors.WrongTlp(url, label, tlp));
            var expectedName = CsafFileName.FromTrackingId(trackingId);
            if (!string.Equals(fileName, expectedName, StringComparison.Ordinal))
                return Refuse(CsafRefusalReason.FilenameMismatch, CsafDownloadErrors.FilenameMismatch(url, fileName, trackingId, expectedName));
            return new CsafDocumentOutcome(url, new CsafAcceptedDocument(url, trackingId, version, label ?? "", document!, verification.SignerFingerprint!), null);
        }

        /// <summary>Tracking id, version and TLP label of a document that passed the schema (so the first two are there).</summary>
        private static (string TrackingId, string Version, string? Tlp) Identify(byte[] document)
        {
            using var json = JsonDocument.Parse(document, new JsonDocumentOptions { MaxDepth = CsafValidator.MaxDepth });
            var meta = json.RootElement.GetProperty("document");
            var tracking = meta.GetProperty("tracking");
            string? label = null;
            if (meta.TryGetProperty("distribution", out var distribution) && distribution.TryGetProperty("tlp", out var tlp)
                && tlp.TryGetProperty("label", out var value))
                label = value.GetString();
            return (tracking.GetProperty("id").GetString()!, tracking.GetProperty("version").GetString()!, label);
        }

        /// <summary>The body at <paramref name="url"/>, at most <paramref name="maxBytes"/> long, or why not.</summary>
        public async Task<(byte[]? Body, CsafRefusal? Refusal)> FetchAsync(Uri url, long maxBytes)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
                return (null, new CsafRefusal(CsafRefusalReason.NotHttp, url, CsafDownloadErrors.NotHttp(url)));
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
                if (!response.IsSuccessStatusCode)
                    return (null, new CsafRefusal(CsafRefusalReason.HttpError, url, CsafDownloadErrors.Status(url, (int)response.StatusCode, response.ReasonPhrase)));
                if (response.Content.Headers.ContentLength > maxBytes)
                    return (null, new CsafRefusal(CsafRefusalReason.TooLarge, url, CsafDownloadErrors.TooLarge(url, maxBytes)));
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(chunk, ct)) > 0)
                {
                    // A server that sends more than it announced, or announces nothing, is cut off at the bound.
                    if (buffer.Length + read > maxBytes)
                        return (null, new CsafRefusal(CsafRefusalReason.TooLarge, url, CsafDownloadErrors.TooLarge(url, maxBytes)));
                    buffer.Write(chunk, 0, read);
                }
                return (buffer.ToArray(), null);
            }
            catch (Exception e) when (e is HttpRequestException or Polly.ExecutionRejectedException
                || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                return (null, new CsafRefusal(CsafRefusalReason.HttpError, url, CsafDownloadErrors.Unreachable(url, e.Message)));
            }
        }
    }
}

/// <summary>The downloader's services: a named HTTP client with retries and timeouts, and the downloader.</summary>
internal static class CsafDownloaderSetup
{
    public static IServiceCollection AddCsafDownloader(this IServiceCollection services)
    {
        // Provider files are small; a provider that keeps failing is left alone for a while (the standard circuit
        // breaker). Redirects are followed as HttpClient does (header redirects only, never from https to http).
        services.AddHttpClient(CsafDownloader.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o) =>
            {
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(2);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(61);
            });
        services.AddScoped<CsafDownloader>();
        return services;
    }
}
