using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Shirube.Domain.Accounts;

namespace Shirube.Benchmarks.Accounts;

/// <summary>
/// Every API call hashes its bearer token to look it up. The floor is the bare SHA-256 of the same bytes;
/// the ratio shows what the UTF-8 encoding and the lower-case hex string add on top.
/// </summary>
[MemoryDiagnoser]
public class ApiTokenBenchmarks
{
    private string _token = string.Empty;
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _token = ApiTokenSecret.Create().Token;
        _bytes = Encoding.UTF8.GetBytes(_token);
    }

    [Benchmark(Baseline = true, Description = "SHA256.HashData (floor)")]
    public byte[] Sha256Floor() => SHA256.HashData(_bytes);

    [Benchmark(Description = "ApiTokenSecret.Hash")]
    public string Hash() => ApiTokenSecret.Hash(_token);
}
