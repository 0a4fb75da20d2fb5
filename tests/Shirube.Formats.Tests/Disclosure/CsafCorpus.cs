using System.Text.Json;
using Shirube.Formats.Disclosure;

namespace Shirube.Formats.Tests.Disclosure;

/// <summary>One verdict of the CSAF 2.0 test suite: a document that must (or must not) be flagged by one test.</summary>
public sealed record CsafCase(string Folder, string Test, string Document, bool MustFail)
{
    public string FullPath => Path.Combine(Folder, Document);

    public override string ToString() => $"{Test} {(MustFail ? "flags" : "passes")} {Document}";
}

/// <summary>The rows of csaf_2.0/test/validator/data/testcases.json for the test ids the validator implements.</summary>
internal static class CsafCorpus
{
    /// <summary>Every document the suite lists as valid for some test (once each): none of them breaks a mandatory rule.</summary>
    public static IEnumerable<CsafCase> ValidDocuments(string folder) =>
        All(folder).Where(c => !c.MustFail).DistinctBy(c => c.Document).Select(c => c with { Test = "any" });

    public static IEnumerable<CsafCase> Cases(string folder)
    {
        var implemented = CsafValidator.TestIds.ToHashSet(StringComparer.Ordinal);
        return All(folder).Where(c => implemented.Contains(c.Test));
    }

    private static List<CsafCase> All(string folder)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "testcases.json")));
        var cases = new List<CsafCase>();
        foreach (var test in index.RootElement.GetProperty("tests").EnumerateArray())
        {
            var id = test.GetProperty("id").GetString()!;
            foreach (var (list, mustFail) in new[] { ("failures", true), ("valid", false) })
                if (test.TryGetProperty(list, out var documents))
                    cases.AddRange(documents.EnumerateArray().Select(d => new CsafCase(folder, id, d.GetProperty("name").GetString()!, mustFail)));
        }
        return cases;
    }
}
