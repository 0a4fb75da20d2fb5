using BenchmarkDotNet.Running;

// dotnet run -c Release -- --filter '*'            (a full run)
// dotnet run -c Release -- --filter '*' --job Dry  (a quick check that every benchmark runs)
// (Named by a benchmark of this assembly: Shirube.Web, referenced for its views, has a Program too.)
BenchmarkSwitcher.FromAssembly(typeof(Shirube.Benchmarks.Accounts.ApiTokenBenchmarks).Assembly).Run(args);
