using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Portfolio;

namespace Shirube.Benchmarks.Portfolio;

/// <summary>
/// Reading the example portfolio: the floor is parsing the same text into a <see cref="JsonDocument"/>;
/// the ratio shows what deserialising and validating into the domain add on top.
/// </summary>
[MemoryDiagnoser]
public class PortfolioJsonReaderBenchmarks
{
    private string _json = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        const string name = "Shirube.Formats.Portfolio.Samples.demo-portfolio.json";
        using var stream = typeof(DemoPortfolio).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from Shirube.Formats.");
        using var reader = new StreamReader(stream);
        _json = reader.ReadToEnd();
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (floor)")]
    public int JsonDocumentFloor()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("products").GetArrayLength();
    }

    [Benchmark(Description = "PortfolioJsonReader.Parse")]
    public PortfolioSeed Parse() => PortfolioJsonReader.Parse(_json);
}
