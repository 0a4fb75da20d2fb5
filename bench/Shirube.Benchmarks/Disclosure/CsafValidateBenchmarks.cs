using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Shirube.Formats.Disclosure;

namespace Shirube.Benchmarks.Disclosure;

/// <summary>
/// Validating every document of the CSAF 2.0 test suite (csaf_2.0/test/validator/data, under SHIRUBE_CORPORA) and
/// the official examples, one pass over all of them per operation: the floor is parsing the same bytes into a
/// <see cref="JsonDocument"/>; CsafValidator.Validate adds the schema (JsonSchema.Net) and the tests of section 6.
/// </summary>
[MemoryDiagnoser]
public class CsafValidateBenchmarks
{
    private byte[][] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpora = Environment.GetEnvironmentVariable("SHIRUBE_CORPORA")
            ?? throw new InvalidOperationException("SHIRUBE_CORPORA is not set: the CSAF documents are read from the shared corpora.");
        var folder = Path.Combine(corpora, "csaf", "csaf_2.0");
        _documents = [.. Directory.EnumerateFiles(Path.Combine(folder, "test", "validator", "data"), "oasis_*.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(folder, "examples", "csaf"), "*.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)];
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (floor)")]
    public int JsonDocumentFloor()
    {
        var n = 0;
        foreach (var bytes in _documents)
        {
            using var document = JsonDocument.Parse(bytes);
            n += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }
        return n;
    }

    [Benchmark(Description = "CsafValidator.Validate")]
    public int Validate()
    {
        var n = 0;
        foreach (var bytes in _documents)
            n += CsafValidator.Validate(bytes, "document.json").Results.Count;
        return n;
    }
}
