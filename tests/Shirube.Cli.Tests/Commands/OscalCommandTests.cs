using System.Text.Json.Nodes;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class OscalCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("shirube-cli-oscal-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Export_and_read_as_json_describe_the_catalog_written_and_read()
    {
        var file = Path.Combine(_folder.FullName, "psti.json");

        var export = await CliRunner.RunAsync("oscal", "export", "uk-psti", "--lang", "ja", "-o", file, "--format", "json");

        Assert.Equal(0, export.ExitCode);
        var written = export.Json();
        Assert.Equal(["guideline", "language", "requirements", "file", "bytes"], CliRun.Keys(written));
        Assert.Equal(("uk-psti", "ja", 3, file), ((string)written["guideline"]!, (string)written["language"]!, (int)written["requirements"]!, (string)written["file"]!));
        Assert.Equal(new FileInfo(file).Length, (long)written["bytes"]!);
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(file))!["catalog"]!;

        var read = await CliRunner.RunAsync("oscal", "read", file, "--format", "json");

        Assert.Equal(0, read.ExitCode);
        var summary = read.Json();
        Assert.Equal(["file", "id", "title", "groups", "requirements", "enhancements", "parameters"], CliRun.Keys(summary));
        Assert.Equal(file, (string)summary["file"]!);
        Assert.Equal((string)catalog["metadata"]!["title"]!, (string)summary["title"]!);
        Assert.Equal(catalog["groups"]!.AsArray().Count, (int)summary["groups"]!);
        Assert.Equal((3, 0, 0), ((int)summary["requirements"]!, (int)summary["enhancements"]!, (int)summary["parameters"]!));
    }

    [Fact]
    public async Task Read_as_json_gives_the_numbers_of_the_table()
    {
        var file = Path.Combine(_folder.FullName, "etsi.json");
        Assert.Equal(0, (await CliRunner.RunAsync("oscal", "export", "etsi-en-303-645", "-o", file)).ExitCode);

        var json = (await CliRunner.RunAsync("oscal", "read", file, "--format", "json")).Json();
        var table = await CliRunner.RunAsync("oscal", "read", file);

        var numbers = string.Join(@"\s+│\s+", new[] { "groups", "requirements", "enhancements", "parameters" }.Select(k => (int)json[k]!));
        Assert.Matches($@"│\s+{numbers}\s+│", table.Out);
    }
}
