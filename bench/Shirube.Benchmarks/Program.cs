using BenchmarkDotNet.Running;

// dotnet run -c Release -- --filter '*'            (a full run)
// dotnet run -c Release -- --filter '*' --job Dry  (a quick check that every benchmark runs)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
