using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shirube.Web.Tests.Infrastructure;

/// <summary>
/// A local stand-in for a feed's web server: real HTTP on a loopback port, serving fixture files by path. Paths not
/// given answer 404, as a moved feed would.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FixtureServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The server's address.</summary>
    public Uri Root { get; }

    /// <summary>How many requests each path received.</summary>
    public Dictionary<string, int> Requests { get; } = [];

    /// <summary>Paths whose next requests fail with a status (a feed server in trouble), and how many times.</summary>
    public Dictionary<string, (int Times, int Status)> Failures { get; } = [];

    /// <summary>The Last-Modified every file is served with.</summary>
    public static readonly DateTimeOffset LastModified = new(2026, 8, 21, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The entity tag a file is served with: a hash of its bytes, so a changed file has a new tag.</summary>
    public static string ETagOf(byte[] body) => "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16] + "\"";

    /// <summary>The URL of a path on the server.</summary>
    public string Url(string path) => new Uri(Root, path).ToString();

    public static async Task<FixtureServer> StartAsync(IReadOnlyDictionary<string, (byte[] Body, string ContentType)> files)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FixtureServer? server = null;
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            lock (server!.Requests)
                server.Requests[path] = server.Requests.GetValueOrDefault(path) + 1;
            lock (server.Failures)
            {
                if (server.Failures.TryGetValue(path, out var failure) && failure.Times > 0)
                {
                    server.Failures[path] = (failure.Times - 1, failure.Status);
                    context.Response.StatusCode = failure.Status;
                    return;
                }
            }
            if (!files.TryGetValue(path, out var file))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            // Conditional requests as a feed server answers them: the same tag, or no change since, is 304 without a body.
            var tag = ETagOf(file.Body);
            context.Response.Headers.ETag = tag;
            context.Response.Headers.LastModified = LastModified.ToString("R");
            if (context.Request.Headers.IfNoneMatch.Contains(tag)
                || (context.Request.Headers.IfNoneMatch.Count == 0 && context.Request.GetTypedHeaders().IfModifiedSince >= LastModified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            context.Response.ContentType = file.ContentType;
            await context.Response.Body.WriteAsync(file.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FixtureServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
