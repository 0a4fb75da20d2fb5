using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release -- --filter '*'            (a full run)
// dotnet run -c Release -- --filter '*' --job Dry  (a quick check that every benchmark runs)
// (Named by a benchmark of this assembly: Shirube.Web, referenced for its views, has a Program too.)
// BenchmarkDotNet builds the benchmarks again in a project of its own; with the web project in it that takes longer
// than its default two minutes on a busy two-core machine.
BenchmarkSwitcher.FromAssembly(typeof(Shirube.Benchmarks.Accounts.ApiTokenBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
