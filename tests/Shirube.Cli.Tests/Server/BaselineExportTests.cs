using System.Net;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Server;

public sealed class BaselineExportTests
{
    private const string Token = "shr_test-token";
    private static readonly Guid Id = Guid.Parse("0192f3aa-0000-7000-8000-000000000001");

    [Theory]
    [InlineData("--xlsx", "xlsx", "baselines", false)]
    [InlineData("--pdf", "pdf", "baselines", false)]
    [InlineData("--oscal", "oscal", "assessments", true)]
    public async Task Export_DownloadsTheFormatAndWritesTheFile(string option, string format, string kind, bool assessment)
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "exported bytes", "application/octet-stream");
        var file = Path.Combine(Path.GetTempPath(), $"shirube-export-{Guid.NewGuid():N}.{format}");
        try
        {
            string[] args = ["baseline", "export", Id.ToString(), option, file, "--lang", "ja", "--server", "https://shirube.example", "--token", Token];
            var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler }, assessment ? [.. args, "--assessment"] : args);

            Assert.Equal(0, run.ExitCode);
            var request = Assert.Single(handler.Requests);
            Assert.Equal(new Uri($"https://shirube.example/api/{kind}/{Id}/export?format={format}&lang=ja"), request.Uri);
            Assert.Equal($"Bearer {Token}", request.Authorization);
            Assert.Equal("exported bytes", await File.ReadAllTextAsync(file));
            Assert.False(File.Exists(file + ".part"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_as_json_describes_the_file_it_wrote()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, "exported bytes", "application/octet-stream");
        var file = Path.Combine(Path.GetTempPath(), $"shirube-export-{Guid.NewGuid():N}.pdf");
        try
        {
            var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
                "baseline", "export", Id.ToString(), "--pdf", file, "--lang", "ja", "--server", "https://shirube.example", "--token", Token, "--format", "json");

            Assert.Equal(0, run.ExitCode);
            var written = run.Json();
            Assert.Equal(["kind", "id", "format", "language", "file", "bytes"], CliRun.Keys(written));
            Assert.Equal(("baseline", Id, "pdf", "ja", file), ((string)written["kind"]!, (Guid)written["id"]!, (string)written["format"]!, (string)written["language"]!, (string)written["file"]!));
            Assert.Equal(new FileInfo(file).Length, (long)written["bytes"]!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_Refused_LeavesNoFileAndNamesTheProblem()
    {
        var handler = new RecordingHandler(HttpStatusCode.NotFound,
            $$"""{"title":"Not Found","status":404,"detail":"No baseline {{Id}} in your business units."}""", "application/problem+json");
        var file = Path.Combine(Path.GetTempPath(), $"shirube-export-{Guid.NewGuid():N}.xlsx");

        var run = await CliRunner.RunAsync(e => e with { HttpHandlerFactory = () => handler },
            "baseline", "export", Id.ToString(), "--xlsx", file, "--server", "https://shirube.example", "--token", Token);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("404 Not Found: No baseline", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("--server", "https://shirube.example", "--token", Token)]
    [InlineData("--xlsx", "a.xlsx", "--pdf", "a.pdf")]
    public async Task Export_WithoutOneOutputOrWithoutAServer_IsAUsageError(params string[] options)
    {
        var run = await CliRunner.RunAsync(["baseline", "export", Id.ToString(), .. options]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
