using System.Net;
using System.Net.Http.Headers;
using Shirube.Domain.Exploitation;
using Shirube.Formats.Exploitation;
using Shirube.Web.Features.Exploitation;

namespace Shirube.Web.Features.Vulnerabilities;

/// <summary>What a feed server said about a file last time: its entity tag and its last change, for conditional requests.</summary>
internal sealed record FeedValidators(string? ETag, DateTimeOffset? LastModified);

/// <summary>A downloaded file: where it lies (a temp file the caller deletes), its size and the server's new validators.</summary>
internal sealed record DownloadedFeed(string TempFile, long Bytes, FeedValidators Validators);

/// <summary>
/// Downloads vulnerability data files with conditional requests (If-None-Match, If-Modified-Since): an unchanged file
/// costs one 304 and no bytes. The body is streamed to a temp file, bounded in size, with the byte count reported as it
/// comes, so a 500 MiB archive never sits in memory. It uses the feeds' HTTP client, which retries transient failures
/// with backoff and stops asking a server that keeps failing (Shirube:Feeds:Retry, Shirube:Feeds:DownloadMinutes).
/// </summary>
internal sealed class FeedDownloader(IHttpClientFactory http, IConfiguration config)
{
    /// <summary>
    /// The file at <paramref name="url"/>, or null when the server says it has not changed since <paramref name="known"/>.
    /// </summary>
    /// <exception cref="FeedDownloadException">The server refused or failed, or the file is larger than <paramref name="maxBytes"/>.</exception>
    public async Task<DownloadedFeed?> GetAsync(Uri url, FeedValidators? known, long maxBytes, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ExploitationFeeds.DownloadTimeout(config));
        var temp = Path.Combine(Path.GetTempPath(), $"shirube-feed-{Guid.NewGuid():N}.part");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (known?.ETag is { Length: > 0 } tag && EntityTagHeaderValue.TryParse(tag, out var parsed))
                request.Headers.IfNoneMatch.Add(parsed);
            if (known?.LastModified is { } since)
                request.Headers.IfModifiedSince = since;
            using var client = http.CreateClient(ExploitationFeeds.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotModified)
                return null;
            if (!response.IsSuccessStatusCode)
                throw new FeedDownloadException(ExploitationErrors.DownloadRefused(url.ToString(), (int)response.StatusCode, response.ReasonPhrase));
            long bytes;
            await using (var body = await response.Content.ReadAsStreamAsync(timeout.Token))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                bytes = await CopyAsync(new BoundedReadStream(body, maxBytes, url.ToString()), file, progress, timeout.Token);
            }
            var validators = new FeedValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
            return new DownloadedFeed(temp, bytes, validators);
        }
        catch (Exception e) when (e is not FeedDownloadException)
        {
            File.Delete(temp);
            throw e switch
            {
                FeedFormatException f => new FeedDownloadException(ExploitationErrors.TooLarge(url.ToString(), maxBytes), f),
                Polly.Timeout.TimeoutRejectedException => new FeedDownloadException(ExploitationErrors.DownloadTimedOut(url.ToString()), e),
                HttpRequestException or Polly.ExecutionRejectedException => new FeedDownloadException(ExploitationErrors.DownloadFailed(url.ToString(), e.Message), e),
                OperationCanceledException when !ct.IsCancellationRequested => new FeedDownloadException(ExploitationErrors.DownloadTimedOut(url.ToString()), e),
                _ => e,
            };
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static async Task<long> CopyAsync(Stream from, Stream to, IProgress<long>? progress, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
            progress?.Report(total);
        }
        return total;
    }
}
