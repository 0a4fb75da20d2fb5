using BenchmarkDotNet.Attributes;
using Shirube.Domain.Versions;

namespace Shirube.Benchmarks.Versions;

/// <summary>
/// Parsing and comparing versions, per scheme: matching parses each range bound and component version once and
/// then compares them millions of times, so CompareTo on the parsed forms is what must be cheap. 1,000 real-shaped
/// versions per scheme from a fixed seed; Compare runs over 1,000 pairs of them.
/// </summary>
[MemoryDiagnoser]
public class VersionCompareBenchmarks
{
    private string[] _texts = [];
    private SchemeVersion[] _parsed = [];
    private VersionScheme _scheme = SemverLikeScheme.Npm;

    [Params("npm", "PyPI", "Maven", "Debian", "Red Hat", "Alpine")]
    public string Ecosystem { get; set; } = "npm";

    [GlobalSetup]
    public void Setup()
    {
        if (!VersionSchemes.TryFor(Ecosystem, out var scheme))
            throw new InvalidOperationException($"No scheme for {Ecosystem}.");
        _scheme = scheme;
        var random = new Random(12);
        _texts = [.. Enumerable.Range(0, 1000).Select(_ => Make(Ecosystem, random))];
        _parsed = [.. _texts.Select(scheme.Parse)];
    }

    [Benchmark(Description = "Parse 1,000 versions")]
    public int Parse()
    {
        var n = 0;
        foreach (var text in _texts)
            n += _scheme.TryParse(text, out _, out _) ? 1 : 0;
        return n;
    }

    [Benchmark(Description = "Compare 1,000 parsed pairs")]
    public int Compare()
    {
        var sum = 0;
        for (var i = 0; i < _parsed.Length; i++)
            sum += _parsed[i].CompareTo(_parsed[(i * 7 + 1) % _parsed.Length]);
        return sum;
    }

    private static string Make(string ecosystem, Random r) => ecosystem switch
    {
        "npm" => $"{r.Next(20)}.{r.Next(30)}.{r.Next(50)}" + (r.Next(5) == 0 ? $"-rc.{r.Next(5)}" : ""),
        "PyPI" => $"{r.Next(5)}.{r.Next(20)}.{r.Next(20)}" + ((string[])["", "rc1", ".post1", ".dev3", "b2"])[r.Next(5)],
        "Maven" => $"{r.Next(1, 7)}.{r.Next(10)}.{r.Next(30)}" + ((string[])["", "-M1", "-RC2", ".RELEASE", "-SNAPSHOT"])[r.Next(5)],
        "Debian" => $"{(r.Next(4) == 0 ? "1:" : "")}{r.Next(4)}.{r.Next(20)}.{r.Next(20)}-{r.Next(1, 5)}" + ((string[])["", "~deb12u1", "+deb11u2", "ubuntu0.22.04.1"])[r.Next(4)],
        "Red Hat" => $"{r.Next(2)}:{r.Next(4)}.{r.Next(20)}.{r.Next(20)}-{r.Next(1, 600)}.{r.Next(1, 20)}.el{r.Next(7, 10)}_{r.Next(10)}",
        _ => $"{r.Next(4)}.{r.Next(20)}.{r.Next(20)}" + ((string[])["", "_rc1", "_p2", "b"])[r.Next(4)] + $"-r{r.Next(30)}",
    };
}
