using System.Net;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Server;

public sealed class DemoServerTests
{
    private const string Token = "shr_test-token";

    [Fact]
    public async Task Load_UnreachableServer_FailsWithOneLineNamingTheServer()
    {
        var run = await CliRunner.RunAsync("demo", "load", "--server", "http://127.0.0.1:9", "--token", Token);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var line = Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.StartsWith("error: Could not reach the server at http://127.0.0.1:9/:", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Load_Server_PostsWithBearerTokenAndPrintsTheCounts()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"businessUnits":2,"products":5}""");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "load", "--server", "https://shirube.example/base", "--token", Token);

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://shirube.example/base/api/demo"), request.Uri);
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.Contains("Loaded the example portfolio into the server at https://shirube.example/base/:", run.Out, StringComparison.Ordinal);
        Assert.Equal((2, 5), run.CountRow());
    }

    [Fact]
    public async Task Load_on_a_server_as_json_names_the_server_and_gives_the_counts()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"businessUnits":2,"products":5}""");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "load", "--server", "https://shirube.example/base", "--token", Token, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var result = run.Json();
        Assert.Equal(["action", "target", "where", "changed", "businessUnits", "products", "migrationsApplied"], CliRun.Keys(result));
        Assert.Equal(("load", "server", "https://shirube.example/base/", true, 2, 5),
            ((string)result["action"]!, (string)result["target"]!, (string)result["where"]!, (bool)result["changed"]!, (int)result["businessUnits"]!, (int)result["products"]!));
        Assert.Null(result["migrationsApplied"]);
    }

    [Fact]
    public async Task Remove_Server_SendsDeleteAndPrintsTheCounts()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"businessUnits":2,"products":5}""");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "remove", "--server", "http://localhost:5000", "--token", Token);

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal(new Uri("http://localhost:5000/api/demo"), request.Uri);
        Assert.Equal((2, 5), run.CountRow());
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Load_ServerAnswersProblemDetails_PrintsTitleAndDetailAndExitsOne()
    {
        var handler = new RecordingHandler(HttpStatusCode.Conflict,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"Conflict","status":409,"detail":"A business unit with the code 'HOME' already exists; the example portfolio was not loaded."}""",
            "application/problem+json");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "load", "--server", "http://localhost:5000", "--token", Token);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            "error: POST /api/demo was refused: 409 Conflict: A business unit with the code 'HOME' already exists; the example portfolio was not loaded.",
            run.Error.Trim());
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Load_ServerRefusesToken_SaysToCheckTheToken()
    {
        var handler = new RecordingHandler(HttpStatusCode.Unauthorized,
            """{"title":"Unauthorized","status":401,"detail":"The token is expired."}""", "application/problem+json");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "load", "--server", "http://localhost:5000", "--token", Token);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("error: POST /api/demo was refused: 401 Unauthorized: The token is expired. (check --token or SHIRUBE_TOKEN)", run.Error.Trim());
    }

    [Fact]
    public async Task Load_ServerAnswersHtml_ReportsStatusWithoutTheBody()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>", "text/html");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "load", "--server", "http://localhost:5000", "--token", Token);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("error: POST /api/demo was refused: 502 Bad Gateway", run.Error.Trim());
    }

    [Fact]
    public async Task Load_ServerWithoutToken_FailsWithUsageError()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"businessUnits":2,"products":5}""");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "load", "--server", "http://localhost:5000");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("error: --server needs an API token: pass --token or set SHIRUBE_TOKEN.", run.Error.Trim());
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Load_TokenFromEnvironment_IsSentAsBearer()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"businessUnits":0,"products":0}""");

        var run = await CliRunner.RunAsync(
            e => e with { HttpHandlerFactory = () => handler, GetEnvironmentVariable = name => name == "SHIRUBE_TOKEN" ? Token : null },
            "demo", "load", "--server", "http://localhost:5000");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Bearer {Token}", Assert.Single(handler.Requests).Authorization);
        Assert.Contains("already loaded", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ServerNotHttp_FailsWithUsageError()
    {
        var run = await CliRunner.RunAsync("demo", "load", "--server", "ftp://shirube.example", "--token", Token);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: --server 'ftp://shirube.example' is not an http:// or https:// URL.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_PlainHttpToRemoteServer_WarnsThatTheTokenIsUnencrypted()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"businessUnits":2,"products":5}""");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "demo", "load", "--server", "http://shirube.example", "--token", Token);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("warning: http://shirube.example/ is plain http: the token is sent unencrypted.", run.Error.Trim());
    }
}
