using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Shirube.Web.Tests.Infrastructure;

/// <summary>
/// The real app, started the way an operator starts it: its own process on a loopback port, a fresh SQLite
/// database, no bootstrap settings, so it prints a one-time administrator password.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string dataFolder, Uri baseAddress)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string? OneTimePassword { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<ServerProcess> StartAsync(string? adminUser = null, string? adminPassword = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Shirube.Web", "bin", BuildConfiguration(), "net10.0", "Shirube.Web.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), $"shirube-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Shirube"] = $"Data Source={Path.Combine(data, "shirube.db")}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Bootstrap__AdminUser"] = adminUser ?? "";
        start.Environment["Bootstrap__AdminPassword"] = adminPassword ?? "";
        // Further configuration, "Section:Key" written as the environment variable "Section__Key".
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var server = new ServerProcess(process, data, new Uri($"http://127.0.0.1:{port}"));
        var ready = new TaskCompletionSource();
        var expectPassword = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (server._output)
                server._output.AppendLine(e.Data);
            if (expectPassword)
            {
                server.OneTimePassword = e.Data.Trim();
                expectPassword = false;
            }
            if (e.Data.Contains("with the one-time password", StringComparison.Ordinal))
                expectPassword = true;
            if (e.Data.Contains("Now listening on", StringComparison.Ordinal))
                ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (server._output)
                    server._output.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != ready.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The web app did not start:\n{server.Output}");
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process: the temp folder is cleaned by the OS.
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shirube.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Shirube.slnx not found above the test binaries.");
    }

    private static string BuildConfiguration() =>
        ConfigurationPattern().Match(AppContext.BaseDirectory.Replace('\\', '/')) is { Success: true } m ? m.Groups[1].Value : "Debug";

    [GeneratedRegex("/bin/([^/]+)/net")]
    private static partial Regex ConfigurationPattern();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
