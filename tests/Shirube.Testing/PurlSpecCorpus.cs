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
    /// <summary>
    /// Cases the suite expects that we deliberately do otherwise, each argued from the specification's own text: the
    /// suite contradicts either the standard or itself there, so no parser can agree with every case.
    /// Shirube's parser (PackageUrl.Parse for parse cases, Normalize for validate cases) and so 'shirube purl parse' differ there.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownExceptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // types/git-definition.json: namespace_definition and name_definition both say "case_sensitive": true, and the
        // definition's own example pkg:git/gitlab.gnome.org/GNOME/adwaita-fonts keeps its capitals. Lowercasing would
        // also name another repository on hosts whose paths are case-sensitive.
        ["types/git-test.json#1"] = "recommended case: lowercases a git namespace and name, which types/git-definition.json declares \"case_sensitive\": true (its own example keeps 'GNOME').",
        // ECMA-427 clause 5.6.6 (Qualifiers): "The key shall be composed only of lowercase ASCII letters and numbers,
        // period '.', dash '-' and underscore '_'." The required cases types/gem-test.json#2 ('Platform') and
        // types/rpm-test.json#2 ('Arch', 'Distro') must fail for exactly that reason ("qualifier key not in lowercase"),
        // so parsing 'repositorY_url' as 'repository_url' here would break them. Normalize, used for the validate cases
        // (types/maven-test.json#9 and #13 pass), lowercases keys as the informative "how to parse" page describes.
        ["types/maven-test.json#10"] = "recommended case: parses the qualifier key 'repositorY_url', which ECMA-427 5.6.6 forbids (keys are lowercase) and the required gem#2 and rpm#2 cases refuse; Normalize lowercases it.",
        ["types/maven-test.json#14"] = "parses the qualifier key 'repositorY_url', which ECMA-427 5.6.6 forbids (keys are lowercase) and the required gem#2 and rpm#2 cases refuse; Normalize lowercases it.",
    };

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
