using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Shirube.Cli.Output;
using Shirube.Domain.Components;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;
using Shirube.Formats.Components;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>
/// "shirube bench matching [--json] [--scale F]": matching speed on a synthetic corpus generated from a fixed seed
/// (<see cref="SyntheticCorpus"/>): an SBOM scanned against parsed only, a portfolio re-evaluated, one new record's
/// affected product versions, the index's memory, and "am I affected?" over the portfolio.
/// </summary>
internal static class BenchCommand
{
    private const int Seed = 12;
    private const int Repeats = 5;

    public static Command Build(CliEnvironment environment)
    {
        var bench = new Command("bench", "Measure Shirube's speed on generated data.");
        bench.Subcommands.Add(BuildMatching(environment));
        return bench;
    }

    private static Command BuildMatching(CliEnvironment environment)
    {
        var command = new Command("matching",
            "Generate a synthetic vulnerability corpus from a fixed seed (2,000,000 affected entries over 500,000 records, "
            + "Zipf-like package popularity) and measure: a 5,000-component CycloneDX SBOM scanned against only parsed, "
            + "1,000 product versions x 1,000 components re-evaluated, one new record's affected product versions, the index's "
            + "memory and \"am I affected?\" over the portfolio. Progress goes to standard error.");
        var json = new Option<bool>("--json")
        {
            Description = "End with one JSON line {affectedEntries, records, components, scanSeconds, parseSeconds, scanToParseRatio, "
                + "portfolioSeconds, incrementalMilliseconds, indexBytes} on standard output instead of a table.",
        };
        var scale = new Option<double>("--scale")
        {
            Description = "Multiply every size by this factor (default 1; 0.01 for a quick run).",
            DefaultValueFactory = _ => 1.0,
        };
        scale.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or > 10)
                result.AddError("--scale must be above 0 and at most 10.");
        });
        command.Options.Add(json);
        command.Options.Add(scale);
        // --json is the contract; --format json says the same, as every command offers it.
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, ct) =>
        {
            var figures = Run(environment, parse.GetValue(scale), ct);
            if (parse.GetValue(json) || format.IsJson(parse))
                JsonOutput.WriteLine(environment, figures.Json);
            else
                environment.Out.Write(Table(figures));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static int Scaled(int value, double scale, int minimum) => Math.Max(minimum, (int)Math.Round(value * scale, MidpointRounding.AwayFromZero));

    private static Figures Run(CliEnvironment environment, double scale, CancellationToken ct)
    {
        var records = Scaled(500_000, scale, 50);
        var entries = Math.Max(records, Scaled(2_000_000, scale, 200));
        var sbomSize = Scaled(5_000, scale, 20);
        var productVersions = Scaled(1_000, scale, 5);
        var perVersion = Scaled(1_000, scale, 20);
        void Say(string text) => environment.Error.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{text}[/]");

        Say(string.Create(CultureInfo.InvariantCulture, $"Generating {records:N0} records with {entries:N0} affected entries (seed {Seed})…"));
        var lastTenth = -1;
        var corpus = SyntheticCorpus.Generate(records, entries, Seed, new SyncProgress(share =>
        {
            var tenth = (int)(share * 10);
            if (tenth > lastTenth)
            {
                lastTenth = tenth;
                Say(string.Create(CultureInfo.InvariantCulture, $"  {tenth * 10}%"));
            }
        }));
        ct.ThrowIfCancellationRequested();

        Say("Indexing…");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var index = VulnerabilityIndex.Build(corpus.Records);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        // The process's managed memory after, less before: other work in the same process (tests run the CLI in
        // process) can make a tiny index's figure noise, never below zero.
        var indexBytes = Math.Max(0, GC.GetTotalMemory(forceFullCollection: true) - before);
        Say(string.Create(CultureInfo.InvariantCulture, $"  built in {buildSeconds:F1} s, {indexBytes / 1048576.0:F0} MiB above the records"));
        ct.ThrowIfCancellationRequested();

        Say(string.Create(CultureInfo.InvariantCulture, $"Scanning a {sbomSize:N0}-component SBOM…"));
        var path = Path.Combine(Path.GetTempPath(), $"shirube-bench-{Guid.NewGuid():N}.cdx.json");
        double parseSeconds, scanSeconds, matchSeconds;
        int findings;
        try
        {
            WriteCycloneDx(path, corpus.Components(sbomSize, seed: 1));
            parseSeconds = Median(() => ParseSbom(path));
            findings = Scan(path, index).Count;
            scanSeconds = Median(() => Scan(path, index));
            var parsed = ParseSbom(path).Components;
            matchSeconds = Median(() => index.Match(parsed));
        }
        finally
        {
            File.Delete(path);
        }
        Say(string.Create(CultureInfo.InvariantCulture, $"  parse {parseSeconds:F4} s, scan {scanSeconds:F4} s (of which matching {matchSeconds:F4} s), {findings:N0} findings"));
        ct.ThrowIfCancellationRequested();

        Say(string.Create(CultureInfo.InvariantCulture, $"Re-evaluating {productVersions:N0} product versions × {perVersion:N0} components…"));
        var portfolio = new PortfolioIndex();
        var versions = Enumerable.Range(0, productVersions).Select(i => (Id: IdOf(i), Components: corpus.Components(perVersion, seed: 100 + i))).ToList();
        foreach (var (id, components) in versions)
            portfolio.Set(id, components);
        clock.Restart();
        var portfolioFindings = 0;
        Parallel.ForEach(versions, new ParallelOptions { CancellationToken = ct }, v => Interlocked.Add(ref portfolioFindings, index.Match(v.Components).Count));
        var portfolioSeconds = clock.Elapsed.TotalSeconds;
        Say(string.Create(CultureInfo.InvariantCulture, $"  {portfolioSeconds:F2} s, {portfolioFindings:N0} findings"));

        Say("One new record → its affected product versions; \"am I affected?\"…");
        var n = 0;
        var affectedVersions = portfolio.Affected(corpus.NewRecord(0)).Select(m => m.ProductVersionId).Distinct().Count();
        var incrementalMilliseconds = Median(() => portfolio.Affected(corpus.NewRecord(++n))) * 1000;
        var name = corpus.PackageName(0);
        var purl = corpus.PackagePurl(0);
        var containing = portfolio.FindName(name).Select(h => h.ProductVersionId).Distinct().Count();
        var affectedMilliseconds = Math.Max(Median(() => portfolio.FindName(name)), Median(() => portfolio.Find(purl))) * 1000;
        GC.KeepAlive(corpus);

        var figures = new Figures(
            new BenchJson(corpus.AffectedEntries, corpus.Records.Count, sbomSize, Round(scanSeconds), Round(parseSeconds),
                Math.Round(scanSeconds / parseSeconds, 2), Round(portfolioSeconds), Math.Round(incrementalMilliseconds, 3), indexBytes),
            findings, portfolioFindings, affectedVersions, containing, name, Math.Round(affectedMilliseconds, 3), buildSeconds);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"Done: {findings:N0} findings in the SBOM; {portfolioFindings:N0} in the portfolio; the new record affects {affectedVersions:N0} product versions; "
            + $"\"am I affected?\" by {name}: {containing:N0} product versions in {figures.AffectedMilliseconds} ms."));
        return figures;
    }

    private static Guid IdOf(int i)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes, i + 1);
        return new Guid(bytes);
    }

    private static double Round(double seconds) => Math.Round(seconds, 4);

    // The median of a few timed runs after one untimed warm-up run.
    private static double Median<T>(Func<T> run)
    {
        GC.KeepAlive(run());
        var times = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(run());
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[Repeats / 2];
    }

    /// <summary>What a scan does: read the SBOM, match its components, and make the findings it reports.</summary>
    private static List<Finding> Scan(string path, VulnerabilityIndex index)
    {
        var sbom = ParseSbom(path);
        return index.Match(sbom.Components).Select(m => new Finding(m.Component.Name, m.Component.Version, m.Component.Purl?.ToString(),
            m.Record.Id, m.Record.Aliases, m.Record.Source == VulnerabilitySource.Osv ? "osv" : "nvd", m.MatchedBy)).ToList();
    }

    // Parse is the reader users get: format recognition, the official schema's validation, and the model.
    private static Sbom ParseSbom(string path)
    {
        using var stream = File.OpenRead(path);
        return SbomReader.Read(stream, path);
    }

    private static void WriteCycloneDx(string path, IReadOnlyList<SbomComponent> components)
    {
        using var file = File.Create(path);
        using var writer = new Utf8JsonWriter(file);
        writer.WriteStartObject();
        writer.WriteString("bomFormat", "CycloneDX");
        writer.WriteString("specVersion", "1.6");
        writer.WriteString("serialNumber", "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
        writer.WriteNumber("version", 1);
        writer.WriteStartObject("metadata");
        writer.WriteStartObject("component");
        writer.WriteString("type", "firmware");
        writer.WriteString("name", "bench-device-firmware");
        writer.WriteString("version", "1.0.0");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("components");
        foreach (var component in components)
        {
            writer.WriteStartObject();
            writer.WriteString("type", component.Type ?? "library");
            writer.WriteString("bom-ref", component.Ref);
            writer.WriteString("name", component.Name);
            writer.WriteString("version", component.Version);
            writer.WriteString("purl", component.Purl?.ToString());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static Table Table(Figures f)
    {
        var j = f.Json;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(string.Create(CultureInfo.InvariantCulture, $"Matching: {j.AffectedEntries:N0} affected entries over {j.Records:N0} records"))
            .AddColumn("Measure").AddColumn("Measured", c => c.RightAligned()).AddColumn("Target", c => c.RightAligned()).AddColumn("Met");
        void Row(string what, string measured, string target, bool met) =>
            table.AddRow(Markup.Escape(what), measured, target, met ? "[green]yes[/]" : "[red]no[/]");
        var inv = CultureInfo.InvariantCulture;
        Row($"Scan of a {j.Components:N0}-component SBOM ({f.SbomFindings:N0} findings)", j.ScanSeconds.ToString("F3", inv) + " s", "", true);
        Row("Parse only", j.ParseSeconds.ToString("F3", inv) + " s", "", true);
        Row("Scan ÷ parse", j.ScanToParseRatio.ToString("F2", inv), "≤ 1.5", j.ScanToParseRatio <= 1.5);
        Row($"Portfolio re-evaluated ({f.PortfolioFindings:N0} findings)", j.PortfolioSeconds.ToString("F2", inv) + " s", "≤ 10 s", j.PortfolioSeconds <= 10);
        Row($"One new record → {f.AffectedVersions:N0} product versions", j.IncrementalMilliseconds.ToString("F2", inv) + " ms", "≤ 10 ms", j.IncrementalMilliseconds <= 10);
        Row("Index memory", (j.IndexBytes / 1048576.0).ToString("F0", inv) + " MiB", "≤ 1024 MiB", j.IndexBytes <= 1L << 30);
        Row($"\"Am I affected?\" {f.AffectedName} ({f.Containing:N0} product versions)", f.AffectedMilliseconds.ToString("F3", inv) + " ms", "≤ 50 ms", f.AffectedMilliseconds <= 50);
        Row("Index build (for information)", f.BuildSeconds.ToString("F1", inv) + " s", "", true);
        return table;
    }

    /// <summary>The last line of --json: these names, in this order, are a contract.</summary>
    private sealed record BenchJson(int AffectedEntries, int Records, int Components, double ScanSeconds, double ParseSeconds,
        double ScanToParseRatio, double PortfolioSeconds, double IncrementalMilliseconds, long IndexBytes);

    private sealed record Figures(BenchJson Json, int SbomFindings, int PortfolioFindings, int AffectedVersions, int Containing,
        string AffectedName, double AffectedMilliseconds, double BuildSeconds);

    private sealed record Finding(string Name, string? Version, string? Purl, string Vulnerability, IReadOnlyList<string> Aliases, string Source, string MatchedBy);

    // Progress<T> posts to a synchronisation context; the generator runs on this thread, so report at once.
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
