using System.CommandLine;

namespace Shirube.Cli.Server;

/// <summary>The options that send a command to a running server: --server and --token.</summary>
internal sealed class ServerOptions
{
    /// <summary>The environment variable read when --token is not given.</summary>
    public const string TokenVariable = "SHIRUBE_TOKEN";

    public Option<Uri?> Server { get; } = new("--server")
    {
        Description = "Send the command to a running Shirube server at this URL instead of opening a local database.",
        HelpName = "url",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return uri;
            result.AddError($"--server '{text}' is not an http:// or https:// URL.");
            return null;
        },
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"The API token for --server (shr_...). Default: the {TokenVariable} environment variable, which keeps it out of the shell history.",
        HelpName = "token",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    /// <summary>A client for the server when --server was given, otherwise null; throws a <see cref="CliException"/> when the token is missing.</summary>
    public ShirubeApiClient? CreateClient(ParseResult parse, CliEnvironment environment)
    {
        var server = parse.GetValue(Server);
        var token = parse.GetValue(Token);
        if (server is null)
        {
            return token is null ? null
                : throw new CliException("--token is only used together with --server.", ExitCodes.Usage);
        }
        if (string.IsNullOrWhiteSpace(token))
            token = environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
            throw new CliException($"--server needs an API token: pass --token or set {TokenVariable}.", ExitCodes.Usage);
        if (server.Scheme == Uri.UriSchemeHttp && !server.IsLoopback)
            environment.WriteWarning($"{server} is plain http: the token is sent unencrypted.");
        return new ShirubeApiClient(server, token.Trim(), environment.HttpHandlerFactory?.Invoke(), environment.HttpTimeout);
    }
}
