using System.Text.Json.Nodes;
using Shirube.Domain.Packages;
using Shirube.Testing;

namespace Shirube.Domain.Tests.Packages;

/// <summary>
/// Every case of the purl specification's own test suite: parse gives the expected components, build gives the
/// canonical string, validate (the round trip) gives the canonical string, and the must-fail cases are refused.
/// </summary>
public sealed class PackageUrlConformanceTests
{
    [Theory]
    [CorpusData("purl-spec", typeof(PurlSpecCorpus), nameof(PurlSpecCorpus.Cases))]
    public void Case_AgreesWithTheSpecification(PurlSpecCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var disagreement = Disagreement(c);
        if (PurlSpecCorpus.KnownExceptions.TryGetValue(c.Key, out var reason))
        {
            // A known exception must still disagree, so that the list stays honest.
            Assert.True(disagreement is not null, $"{c.Key} is listed as a known exception ({reason}) but now agrees: remove it from the list.");
            TestContext.Current.TestOutputHelper?.WriteLine($"Known exception: {reason}");
            return;
        }
        Assert.True(disagreement is null, disagreement);
    }

    [Fact]
    public void Suite_HoldsEveryCase_InTheCountOfItsIndex()
    {
        var cases = PurlSpecCorpus.Cases(SharedCorpora.Folder("purl-spec", "the purl specification's test cases"));
        Assert.Equal(586, cases.Count);
        Assert.All(PurlSpecCorpus.KnownExceptions.Keys, key => Assert.Contains(cases, c => c.Key == key));
    }

    private static string? Disagreement(PurlSpecCase c)
    {
        string? actual;
        try
        {
            actual = c.Kind switch
            {
                "parse" => Components(PackageUrl.Parse((string)c.Input!)),
                "validate" => PackageUrl.Normalize((string)c.Input!).ToString(),
                "build" => Build(c.Input!.AsObject()).ToString(),
                _ => throw new InvalidDataException($"Unknown test type {c.Kind}."),
            };
        }
        catch (FormatException e)
        {
            return c.MustFail ? null : $"{c}\n    refused: {e.Message}";
        }
        if (c.MustFail)
            return $"{c}\n    accepted as {actual}, expected a failure";
        var expected = c.Kind == "parse" ? Components(c.Expected!.AsObject()) : (string)c.Expected!;
        return actual == expected ? null : $"{c}\n    expected {expected}\n    got      {actual}";
    }

    private static PackageUrl Build(JsonObject input) => PackageUrl.Create(
        (string?)input["type"], (string?)input["namespace"], (string?)input["name"], (string?)input["version"],
        input["qualifiers"]?.AsObject().Select(q => new KeyValuePair<string, string?>(q.Key, (string?)q.Value)),
        (string?)input["subpath"]);

    private static string Components(PackageUrl purl) => Components(purl.Type, purl.Namespace, purl.Name, purl.Version,
        purl.Qualifiers.Select(q => (q.Key, q.Value)), purl.Subpath);

    private static string Components(JsonObject o) => Components((string?)o["type"], (string?)o["namespace"], (string?)o["name"],
        (string?)o["version"], o["qualifiers"]?.AsObject().Select(q => (q.Key, (string)q.Value!)) ?? [], (string?)o["subpath"]);

    private static string Components(string? type, string? ns, string? name, string? version, IEnumerable<(string Key, string Value)> qualifiers, string? subpath) =>
        $"type={type} namespace={ns} name={name} version={version} qualifiers={{{string.Join(", ", qualifiers.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}={q.Value}"))}}} subpath={subpath}";
}
