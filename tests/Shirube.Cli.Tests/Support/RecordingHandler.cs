using System.Net;
using System.Text;

namespace Shirube.Cli.Tests.Support;

/// <summary>Stands in for a Shirube server: answers every request with one response and remembers the requests.</summary>
internal sealed class RecordingHandler(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri? Uri, string? Authorization)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method, request.RequestUri, request.Headers.Authorization?.ToString()));
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
            RequestMessage = request,
        });
    }
}
