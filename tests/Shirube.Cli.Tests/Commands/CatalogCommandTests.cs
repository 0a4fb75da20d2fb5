using System.Text.Json;
using Shirube.Cli.Tests.Support;
using Shirube.Formats.Guidelines;

namespace Shirube.Cli.Tests.Commands;

public sealed partial class CatalogCommandTests
{
    private static string CatalogsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shirube.slnx")))
                return Path.Combine(dir.FullName, "catalogs");
        }
        throw new InvalidOperationException("Shirube.slnx not found.");
    }

    [Fact]
    public async Task Validate_TheRepositoryCatalogs_SucceedsAndCountsThem()
    {
        var run = await CliRunner.RunAsync("catalog", "validate", CatalogsFolder());

        var shipped = BundledCatalog.Load();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Valid: {shipped.Guidelines.Count} catalogs, {shipped.Guidelines.Sum(g => g.Requirements.Count)} requirements", run.Out, StringComparison.Ordinal);
        Assert.Contains("etsi-en-303-645", run.Out, StringComparison.Ordinal);
    }

    /// <summary>Runs "catalog validate" on a copy of the catalogs folder holding only uk-psti, with <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    private static async Task<CliRun> ValidateEditedPstiAsync(string from, string to, params string[] options)
    {
        var folder = Directory.CreateTempSubdirectory("shirube-catalogs-");
        try
        {
            File.Copy(Path.Combine(CatalogsFolder(), "common-controls.yaml"), Path.Combine(folder.FullName, "common-controls.yaml"));
            var psti = await File.ReadAllTextAsync(Path.Combine(CatalogsFolder(), "uk-psti.yaml"));
            Assert.Contains(from, psti, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "uk-psti.yaml"), psti.Replace(from, to, StringComparison.Ordinal));
            return await CliRunner.RunAsync(["catalog", "validate", folder.FullName, .. options]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Validate_AFolderWithAWrongCount_FailsNamingTheGuideline()
    {
        var run = await ValidateEditedPstiAsync("expectedCount: 3", "expectedCount: 4");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("uk-psti: 3 requirements, but the source has 4.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ABrokenFile_FailsNamingFileAndPlace()
    {
        var run = await ValidateEditedPstiAsync("parts: [device]", "parts: [toaster]");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("uk-psti.yaml, at /requirements/0/parts/0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matrix_NamesTheAllRoundersAndTheMostDetailed()
    {
        var run = await CliRunner.RunAsync("catalog", "matrix");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"All four groups: .*ETSI EN 303 645", run.Out);
        Assert.Matches(@"Most detailed for Device: \S+", run.Out);
    }

    [Fact]
    public async Task OscalExport_WritesACatalogThatReadsBack()
    {
        var file = Path.Combine(Path.GetTempPath(), $"shirube-{Guid.NewGuid():N}.json");
        try
        {
            var export = await CliRunner.RunAsync("oscal", "export", "uk-psti", "--lang", "ja", "-o", file);
            Assert.Equal(0, export.ExitCode);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            var controls = document.RootElement.GetProperty("catalog").GetProperty("groups")[0].GetProperty("controls");
            Assert.Equal(3, controls.GetArrayLength());

            var read = await CliRunner.RunAsync("oscal", "read", file);
            Assert.Equal(0, read.ExitCode);
            Assert.Matches(@"│\s+\d+\s+│\s+3\s+│\s+0\s+│\s+0\s+│", read.Out);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task OscalExport_UnknownGuideline_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("oscal", "export", "no-such-guide", "-o", Path.Combine(Path.GetTempPath(), "x.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No guideline 'no-such-guide'", run.Error, StringComparison.Ordinal);
    }
}
