using Shirube.Cli.Tests.Support;
using Shirube.Testing;

namespace Shirube.Cli.Tests.Commands;

public sealed class CsafCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shirube-csaf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Corpus(string path)
    {
        Assert.SkipWhen(CorpusDataAttribute.Corpora is null, $"{CorpusDataAttribute.Variable} is not set: the CSAF documents are read from the shared corpora (CI sets it).");
        return Path.Combine(CorpusDataAttribute.Corpora!, "csaf", "csaf_2.0", path);
    }

    [Fact]
    public async Task Validate_of_an_official_example_exits_0_with_exactly_the_contracted_keys()
    {
        var run = await CliRunner.RunAsync("csaf", "validate", Corpus("examples/csaf/cisco-sa-20180328-smi2.json"));

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["valid", "errors", "warnings", "infos"], CliRun.Keys(json));
        Assert.True(json["valid"]!.GetValue<bool>());
        Assert.Empty(json["errors"]!.AsArray());
    }

    [Fact]
    public async Task Validate_of_a_document_with_an_undefined_product_id_exits_1_naming_6_1_1_and_the_pointer()
    {
        var run = await CliRunner.RunAsync("csaf", "validate", Corpus("test/validator/data/mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json"), "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json();
        Assert.False(json["valid"]!.GetValue<bool>());
        var error = json["errors"]!.AsArray()[0]!;
        Assert.Equal(["test", "path", "message"], CliRun.Keys(error));
        Assert.Equal("6.1.1", error["test"]!.GetValue<string>());
        Assert.Equal("/product_tree/product_groups/0/product_ids/0", error["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_of_a_document_missing_required_members_exits_1_with_a_schema_error()
    {
        var path = Path.Combine(_folder, "bare.json");
        await File.WriteAllTextAsync(path, """{"document":{"category":"csaf_base"}}""", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("csaf", "validate", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Json()["errors"]!.AsArray(), e => e!["test"]!.GetValue<string>() == "schema" && e["path"]!.GetValue<string>() == "/document");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"document\":")]
    public async Task Validate_of_a_file_that_is_not_JSON_exits_2(string text)
    {
        var path = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("csaf", "validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("not JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_missing_file_exits_2()
    {
        var run = await CliRunner.RunAsync("csaf", "validate", Path.Combine(_folder, "absent.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_file_over_the_size_bound_exits_2_without_reading_it()
    {
        var path = Path.Combine(_folder, "huge.json");
        using (var stream = File.Create(path))
            stream.SetLength(Shirube.Formats.Disclosure.CsafValidator.MaxBytes + 1);

        var run = await CliRunner.RunAsync("csaf", "validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("larger than", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_as_a_table_lists_each_result_with_its_test_id()
    {
        var run = await CliRunner.RunAsync("csaf", "validate", Corpus("test/validator/data/mandatory/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json"), "--format", "table");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("6.1.1", run.Out, StringComparison.Ordinal);
        Assert.Contains("invalid", run.Out, StringComparison.Ordinal);
    }
}
