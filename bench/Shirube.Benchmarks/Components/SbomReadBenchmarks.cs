using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Formats.Components;

namespace Shirube.Benchmarks.Components;

/// <summary>
/// Reading a generated 5,000-component CycloneDX 1.6 JSON BOM (npm-like purls, a SHA-256 and a licence each, a
/// dependency chain): the floor is parsing the same bytes into a <see cref="JsonDocument"/>; SbomReader.Read adds
/// schema validation (JsonSchema.Net against the official 1.6 schema) and the mapping to the domain.
/// </summary>
[MemoryDiagnoser]
public class SbomReadBenchmarks
{
    /// <summary>The number of components in the generated BOM.</summary>
    public const int Components = 5_000;

    private byte[] _bom = [];

    [GlobalSetup]
    public void Setup() => _bom = Generate(Components);

    /// <summary>A CycloneDX 1.6 BOM of <paramref name="count"/> components, written by Shirube's own writer.</summary>
    public static byte[] Generate(int count)
    {
        var components = Enumerable.Range(0, count).Select(i => new SbomComponent($"pkg:npm/package-{i}@1.{i % 50}.{i % 7}", $"package-{i}")
        {
            Version = $"1.{i % 50}.{i % 7}",
            Type = "library",
            Purl = PackageUrl.Parse($"pkg:npm/package-{i}@1.{i % 50}.{i % 7}"),
            Licences = [i % 3 == 0 ? "MIT" : "Apache-2.0"],
            Hashes = [new SbomHash("SHA-256", (i * 2654435761L).ToString("x16", System.Globalization.CultureInfo.InvariantCulture).PadLeft(64, '0'))],
        }).ToList();
        var sbom = new Sbom(SbomFormat.CycloneDx, "1.6")
        {
            Components = components,
            Dependencies = [.. components.Skip(1).Select((c, i) => new SbomDependency(components[i].Ref, c.Ref))],
        };
        using var output = new MemoryStream();
        CycloneDxWriter.Write(sbom, output, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), Guid.Empty);
        return output.ToArray();
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (floor)")]
    public int JsonDocumentFloor()
    {
        using var document = JsonDocument.Parse(_bom);
        return document.RootElement.GetProperty("components").GetArrayLength();
    }

    [Benchmark(Description = "SbomReader.Read (validated)")]
    public int Read() => SbomReader.Read(new MemoryStream(_bom, writable: false), "bom.json").Components.Count;
}
