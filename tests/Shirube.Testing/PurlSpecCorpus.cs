using System.Text.Json.Nodes;

namespace Shirube.Testing;

/// <summary>One case of the purl specification's test suite.</summary>
/// <param name="File">The test file, e.g. "types/npm-test.json".</param>
/// <param name="Index">The case's position in the file, from 1.</param>
/// <param name="Description">What the case checks, in the suite's words.</param>
/// <param name="Group">"required" or "recommended".</param>
/// <param name="Kind">"parse", "build" or "validate".</param>
/// <param name="Input">A purl string (parse, validate) or an object of components (build).</param>
/// <param name="Expected">The canonical string or the decoded components; null when the case must fail.</param>
public sealed record PurlSpecCase(string File, int Index, string Description, string Group, string Kind, JsonNode? Input, JsonNode? Expected)
{
    /// <summary>The case must be refused.</summary>
    public bool MustFail => Expected is null;

    /// <summary>The key under which a known exception names it.</summary>
    public string Key => $"{File}#{Index}";

    public override string ToString() => $"{Key} ({Kind}, {Group}): {Description} — {Input?.ToJsonString()}";
}

/// <summary>
/// The purl-spec test suite of the shared corpora (SHIRUBE_CORPORA/purl-spec, from package-url/purl-spec):
/// tests/spec/*.json and tests/types/*.json. Shared by the domain tests (the parser) and the CLI tests (shirube purl parse).
/// </summary>
public static class PurlSpecCorpus
{
    /// <summary>Every case of the suite in <paramref name="folder"/> (the purl-spec checkout), in file order.</summary>
    public static IReadOnlyList<PurlSpecCase> Cases(string folder)
    {
        var tests = Path.Combine(folder, "tests");
        var result = new List<PurlSpecCase>();
        foreach (var path in Directory.GetFiles(tests, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(tests, path).Replace('\\', '/');
            var cases = JsonNode.Parse(File.ReadAllText(path))!["tests"]!.AsArray();
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i]!;
                var mustFail = c["expected_failure"]?.GetValue<bool>() ?? false;
                result.Add(new PurlSpecCase(file, i + 1, (string?)c["description"] ?? string.Empty, (string)c["test_group"]!,
                    (string)c["test_type"]!, c["input"]?.DeepClone(), mustFail ? null : c["expected_output"]?.DeepClone()));
            }
        }
        return result;
    }
}
