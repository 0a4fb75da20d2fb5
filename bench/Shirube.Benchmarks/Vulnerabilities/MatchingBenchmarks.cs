using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Shirube.Domain.Components;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Benchmarks.Vulnerabilities;

/// <summary>
/// Matching over a synthetic corpus (<see cref="SyntheticCorpus"/>, seed 12; a fifth of the default scale of
/// <c>shirube bench matching</c>: 400,000 affected entries over 100,000 records) and a portfolio of 200 product
/// versions × 1,000 components. The floor is parsing the 5,000-component SBOM's JSON text into a
/// <see cref="JsonDocument"/>, so that results read as ratios: matching a whole SBOM should cost about what reading
/// it costs (target: scan ≤ 1.5 × parse). The default-scale figures come from the command.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private byte[] _sbomJson = [];
    private IReadOnlyList<SbomComponent> _sbom = [];
    private VulnerabilityIndex _index = null!;
    private PortfolioIndex _portfolio = null!;
    private SyntheticCorpus _corpus = null!;
    private string _popular = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = SyntheticCorpus.Generate(100_000, 400_000);
        _index = VulnerabilityIndex.Build(_corpus.Records);
        _sbom = _corpus.Components(5_000, seed: 1);
        _sbomJson = JsonSerializer.SerializeToUtf8Bytes(new
        {
            bomFormat = "CycloneDX",
            specVersion = "1.6",
            components = _sbom.Select(c => new { type = "library", name = c.Name, version = c.Version, purl = c.Purl?.ToString() }),
        });
        _portfolio = new PortfolioIndex();
        for (var i = 0; i < 200; i++)
            _portfolio.Set(new Guid(i + 1, 0, 0, new byte[8]), _corpus.Components(1_000, seed: 100 + i));
        _popular = _corpus.PackageName(0);
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of the SBOM (floor)")]
    public int ParseFloor()
    {
        using var document = JsonDocument.Parse(_sbomJson);
        return document.RootElement.GetProperty("components").GetArrayLength();
    }

    [Benchmark(Description = "Match 5,000 components")]
    public int MatchSbom() => _index.Match(_sbom).Count;

    [Benchmark(Description = "One new record → affected product versions")]
    public int NewRecord() => _portfolio.Affected(_corpus.NewRecord(1)).Count;

    [Benchmark(Description = "Am I affected? by package name")]
    public int AmIAffected() => _portfolio.FindName(_popular).Count;
}
