using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shirube.Data.Demo;

namespace Shirube.Cli.Server;

/// <summary>Calls the API of a running Shirube server with a bearer token.</summary>
internal sealed class ShirubeApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public ShirubeApiClient(Uri server, string token, HttpMessageHandler? handler, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        // A base address must end with '/' or its last segment is dropped when "api/..." is resolved against it.
        Server = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _timeout = timeout;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: true);
        _http.BaseAddress = Server;
        _http.Timeout = timeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(ShirubeCli.Name, ShirubeCli.Version.Split('+')[0]));
    }

    /// <summary>The server's base address, ending with '/'.</summary>
    public Uri Server { get; }

    /// <summary>POST api/demo: loads the example portfolio.</summary>
    public Task<DemoResult> LoadDemoAsync(CancellationToken ct) => SendAsync(HttpMethod.Post, "api/demo", ct);

    /// <summary>DELETE api/demo: removes the example portfolio.</summary>
    public Task<DemoResult> RemoveDemoAsync(CancellationToken ct) => SendAsync(HttpMethod.Delete, "api/demo", ct);

    public void Dispose() => _http.Dispose();

    /// <summary>GETs a file (an export) and returns its bytes; a refusal becomes a <see cref="CliException"/> naming the problem.</summary>
    public Task<byte[]> DownloadAsync(string path, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, path, (response, _) => response.Content.ReadAsByteArrayAsync(ct), ct);

    private Task<DemoResult> SendAsync(HttpMethod method, string path, CancellationToken ct) =>
        SendAsync(method, path, async (response, target) =>
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            try
            {
                return JsonSerializer.Deserialize(body, ApiJsonContext.Default.DemoResult)
                    ?? throw new JsonException("the answer is null.");
            }
            catch (JsonException e)
            {
                throw new CliException($"The server answered {method} {target.AbsolutePath} with something other than a demo result: {e.Message}", ExitCodes.Failed, e);
            }
        }, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, Func<HttpResponseMessage, Uri, Task<T>> read, CancellationToken ct)
    {
        var target = new Uri(Server, path);
        using var request = new HttpRequestMessage(method, target);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"Could not reach the server at {Server}: {e.Message}", ExitCodes.Failed, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new CliException(
                $"The server at {Server} did not answer within {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.", ExitCodes.Failed, e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                throw new CliException(Describe(method, target, response, body), ExitCodes.Failed);
            }
            return await read(response, target).ConfigureAwait(false);
        }
    }

    // "POST /api/demo was refused: 409 Conflict: A business unit with the code 'HOME' already exists."
    private static string Describe(HttpMethod method, Uri target, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var problem = TryReadProblem(response, body);
        var title = problem?.Title ?? response.ReasonPhrase ?? response.StatusCode.ToString();
        var text = $"{method} {target.AbsolutePath} was refused: {status.ToString(CultureInfo.InvariantCulture)} {title}";
        if (!string.IsNullOrWhiteSpace(problem?.Detail))
            text += $": {problem.Detail}";
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            text += " (check --token or SHIRUBE_TOKEN)";
        else if (response.StatusCode == HttpStatusCode.Forbidden)
            text += " (the token's user lacks the role for this)";
        return text;
    }

    private static ProblemDetailsResponse? TryReadProblem(HttpResponseMessage response, string body)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (string.IsNullOrWhiteSpace(body) || mediaType is null || !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return JsonSerializer.Deserialize(body, ApiJsonContext.Default.ProblemDetailsResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The fields of an RFC 9457 problem details document that the CLI shows.</summary>
internal sealed record ProblemDetailsResponse(string? Type, string? Title, int? Status, string? Detail);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DemoResult))]
[JsonSerializable(typeof(ProblemDetailsResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
