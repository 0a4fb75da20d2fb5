using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Web.Features.Exploitation;
using Shirube.Web.Features.Vulnerabilities;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Vulnerabilities;

/// <summary>Vulnerability data files come over real HTTP from a loopback server: conditional, retried, bounded.</summary>
public class FeedDownloaderTests
{
    private static readonly byte[] Archive = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"id\":\"GO-2024-0001\"}\n", 5000)));

    private static Task<ShirubeApp> AppAsync() => ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
    {
        ["Shirube:Feeds:Retry:Attempts"] = "3",
        ["Shirube:Feeds:Retry:DelaySeconds"] = "0.05",
    });

    [Fact]
    public async Task An_unchanged_file_costs_one_not_modified_answer_and_no_bytes_the_second_time()
    {
        await using var server = await FixtureServer.StartAsync(new Dictionary<string, (byte[], string)> { ["/Go/all.zip"] = (Archive, "application/zip") });
        await using var app = await AppAsync();
        using var scope = app.Services.CreateScope();
        var downloader = scope.ServiceProvider.GetRequiredService<FeedDownloader>();
        var ct = TestContext.Current.CancellationToken;
        var seen = new List<long>();

        var first = await downloader.GetAsync(new Uri(server.Url("/Go/all.zip")), null, 1 << 20, new SyncProgress(seen), ct);
        Assert.NotNull(first);
        try
        {
            Assert.Equal(Archive, await File.ReadAllBytesAsync(first.TempFile, ct));
            Assert.Equal((long)Archive.Length, first.Bytes);
            Assert.Equal(FixtureServer.ETagOf(Archive), first.Validators.ETag);
            Assert.Equal(FixtureServer.LastModified, first.Validators.LastModified);
            Assert.Equal(Archive.Length, seen[^1]);
        }
        finally
        {
            File.Delete(first.TempFile);
        }

        Assert.Null(await downloader.GetAsync(new Uri(server.Url("/Go/all.zip")), first.Validators, 1 << 20, null, ct));
        Assert.Null(await downloader.GetAsync(new Uri(server.Url("/Go/all.zip")), first.Validators with { ETag = null }, 1 << 20, null, ct));
        Assert.Equal(3, server.Requests["/Go/all.zip"]);
    }

    [Fact]
    public async Task A_server_that_fails_twice_is_asked_again_with_backoff_and_the_file_arrives()
    {
        await using var server = await FixtureServer.StartAsync(new Dictionary<string, (byte[], string)> { ["/nvd/cves.json"] = (Archive, "application/json") });
        server.Failures["/nvd/cves.json"] = (2, 503);
        await using var app = await AppAsync();
        using var scope = app.Services.CreateScope();

        var file = await scope.ServiceProvider.GetRequiredService<FeedDownloader>().GetAsync(new Uri(server.Url("/nvd/cves.json")), null, 1 << 20, null, TestContext.Current.CancellationToken);

        Assert.NotNull(file);
        File.Delete(file.TempFile);
        Assert.Equal(3, server.Requests["/nvd/cves.json"]);
    }

    [Fact]
    public async Task A_file_larger_than_allowed_is_refused_naming_the_url_and_leaves_no_temp_file()
    {
        await using var server = await FixtureServer.StartAsync(new Dictionary<string, (byte[], string)> { ["/big.zip"] = (Archive, "application/zip") });
        await using var app = await AppAsync();
        using var scope = app.Services.CreateScope();
        var before = Directory.GetFiles(Path.GetTempPath(), "shirube-feed-*.part").Length;

        var refused = await Assert.ThrowsAsync<FeedDownloadException>(() =>
            scope.ServiceProvider.GetRequiredService<FeedDownloader>().GetAsync(new Uri(server.Url("/big.zip")), null, 1024, null, TestContext.Current.CancellationToken));

        Assert.Equal("Exploitation.TooLarge", refused.Error.Code);
        Assert.Equal(server.Url("/big.zip"), refused.Error.Args[0]);
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "shirube-feed-*.part").Length);
    }

    // Progress<T> posts to the thread pool; the test wants every report, in order, now.
    private sealed class SyncProgress(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }
}
