using System.Text.Json.Nodes;
using Shirube.Cli.Tests.Support;
using Shirube.Testing;

namespace Shirube.Cli.Tests.Commands;

public sealed class PurlCommandTests
{
    private static Task<CliRun> ParseStdinAsync(string input, params string[] options) =>
        CliRunner.RunAsync(e => e with { In = new StringReader(input) }, ["purl", "parse", .. options]);

    private static string[] Lines(CliRun run) => run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task A_purl_argument_prints_one_compact_json_line_of_its_components_and_canonical_form()
    {
        var run = await CliRunner.RunAsync("purl", "parse", "pkg:npm/%40angular/animation@12.3.1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """{"type":"npm","namespace":"@angular","name":"animation","version":"12.3.1","qualifiers":{},"subpath":null,"canonical":"pkg:npm/%40angular/animation@12.3.1"}""",
            Assert.Single(Lines(run)));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Qualifiers_come_out_sorted_and_decoded_and_the_canonical_form_normalised()
    {
        var run = await CliRunner.RunAsync("purl", "parse", "PKG:Deb/Debian/curl@7.50.3-1?distro=jessie&arch=i386&repository_url=https://deb.example/a%20b#/src/./main.c/");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """{"type":"deb","namespace":"debian","name":"curl","version":"7.50.3-1","qualifiers":{"arch":"i386","distro":"jessie","repository_url":"https://deb.example/a b"},"subpath":"src/main.c","canonical":"pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie&repository_url=https:%2F%2Fdeb.example%2Fa%20b#src/main.c"}""",
            Assert.Single(Lines(run)));
    }

    [Fact]
    public async Task Standard_input_gives_one_line_per_purl_skips_blank_lines_and_exits_one_when_any_fails()
    {
        var run = await ParseStdinAsync("""
            pkg:pypi/Django_Package@1.11.1

              pkg:maven/org.apache.commons/commons-io@2.11.0?type=jar  
            pkg:maven/commons-io
            not a purl

            """);

        Assert.Equal(1, run.ExitCode);
        var lines = Lines(run).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, lines.Count);

        Assert.Equal(["type", "namespace", "name", "version", "qualifiers", "subpath", "canonical"], lines[0].Select(p => p.Key));
        Assert.Equal("django-package", (string?)lines[0]["name"]);
        Assert.Null(lines[0]["namespace"]);
        Assert.Equal("pkg:pypi/django-package@1.11.1", (string?)lines[0]["canonical"]);

        Assert.Equal("org.apache.commons", (string?)lines[1]["namespace"]);
        Assert.Equal("jar", (string?)lines[1]["qualifiers"]!["type"]);

        Assert.Equal(["input", "error"], lines[2].Select(p => p.Key));
        Assert.Equal("pkg:maven/commons-io", (string?)lines[2]["input"]);
        Assert.Equal("A 'maven' package URL needs a namespace.", (string?)lines[2]["error"]);

        Assert.Equal("not a purl", (string?)lines[3]["input"]);
        Assert.Equal("A package URL starts with 'pkg:'.", (string?)lines[3]["error"]);
    }

    [Fact]
    public async Task Empty_standard_input_prints_nothing_and_exits_zero()
    {
        var run = await ParseStdinAsync("");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_qualifier_key_in_capitals_is_refused_unless_lenient()
    {
        const string Purl = "pkg:gem/jruby-launcher@1.1.2?Platform=java";

        var strict = await CliRunner.RunAsync("purl", "parse", Purl);
        var lenient = await CliRunner.RunAsync("purl", "parse", "--lenient", Purl);

        Assert.Equal((1, 0), (strict.ExitCode, lenient.ExitCode));
        Assert.Contains("qualifier key 'Platform'", (string?)strict.Json()["error"], StringComparison.Ordinal);
        Assert.Equal("pkg:gem/jruby-launcher@1.1.2?platform=java", (string?)lenient.Json()["canonical"]);
    }

    [Fact]
    public async Task As_json_the_lines_become_one_indented_array()
    {
        const string Input = "pkg:cargo/rand@0.7.2\npkg:npm\n";
        var lines = await ParseStdinAsync(Input);
        var array = await ParseStdinAsync(Input, "--format", "json");

        Assert.Equal((1, 1), (lines.ExitCode, array.ExitCode));
        var items = array.Json().AsArray();
        Assert.Equal(2, items.Count);
        Assert.All(Lines(lines).Zip(items), pair => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pair.First), pair.Second), $"{pair.First} differs from {pair.Second}"));
    }

    [Fact]
    public async Task The_purl_spec_suite_run_through_the_command_agrees_with_every_parse_and_validate_case()
    {
        var corpora = CorpusDataAttribute.Corpora;
        Assert.SkipWhen(corpora is null, $"{CorpusDataAttribute.Variable} is not set: the purl-spec cases are read from the shared corpora (CI sets it).");
        var suite = PurlSpecCorpus.Cases(Path.Combine(corpora!, "purl-spec"));
        // Parse cases read strictly, validate cases (a purl in the wild to its canonical form) leniently, as the domain tests do.
        var parse = suite.Where(c => c.Kind == "parse").ToList();
        var validate = suite.Where(c => c.Kind == "validate").ToList();

        var disagreements = Disagreements(parse, await RunAllAsync(parse))
            .Concat(Disagreements(validate, await RunAllAsync(validate, "--lenient")))
            .ToList();

        TestContext.Current.TestOutputHelper?.WriteLine($"{parse.Count} parse and {validate.Count} validate cases run through 'shirube purl parse'.");
        Assert.Equal(206 + 204, parse.Count + validate.Count);
        Assert.Empty(disagreements);
    }

    private static async Task<List<JsonObject>> RunAllAsync(List<PurlSpecCase> cases, params string[] options)
    {
        var run = await ParseStdinAsync(string.Join('\n', cases.Select(c => (string)c.Input!)), options);
        var lines = Lines(run).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(cases.Count, lines.Count);
        Assert.Equal(cases.Any(c => c.MustFail) || lines.Any(l => l.ContainsKey("error")) ? 1 : 0, run.ExitCode);
        return lines;
    }

    private static IEnumerable<string> Disagreements(List<PurlSpecCase> cases, List<JsonObject> lines)
    {
        foreach (var (c, line) in cases.Zip(lines))
        {
            var agrees = c.MustFail
                ? line.ContainsKey("error")
                : !line.ContainsKey("error") && (c.Kind == "parse" ? SameComponents(c.Expected!.AsObject(), line) : (string?)line["canonical"] == (string?)c.Expected);
            if (agrees == PurlSpecCorpus.KnownExceptions.ContainsKey(c.Key))
                yield return $"{c}\n    printed {line.ToJsonString()}{(agrees ? "\n    (listed as a known exception, but agrees)" : "")}";
        }
    }

    // The suite writes absent qualifiers as null where the command prints {}.
    private static bool SameComponents(JsonObject expected, JsonObject line)
    {
        var wanted = expected.DeepClone().AsObject();
        wanted["qualifiers"] ??= new JsonObject();
        var printed = line.DeepClone().AsObject();
        printed.Remove("canonical");
        return JsonNode.DeepEquals(wanted, printed);
    }
}
