using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Shirube.Cli.Output;
using Shirube.Domain.Components;
using Shirube.Domain.Scoring;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;
using Shirube.Formats.Vulnerabilities;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>
/// "shirube sbom scan": an SBOM against vulnerability data on local files (OSV records, directories and zip archives;
/// NVD CVE API 2.0 pages; JVN VULDEF/JVNRSS), offline, no server. The JSON shape and the gate's exit code are a
/// contract for pipelines.
/// </summary>
internal static class SbomScanCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var command = new Command("scan",
            "Match an SBOM's components against vulnerability data in local files, offline. JSON {components, findings: [{component: {name, version, purl}, "
            + "vulnerability, aliases, source, matchedBy, severity, score}]}; SARIF 2.1.0 for code-scanning tools. "
            + "--fail-on gives exit 1 when a finding is that severe or more (findings without a CVSS vector do not trip it).");
        var file = SbomCommand.FileArgument();
        var osv = new Option<string[]>("--osv") { Description = "OSV data: a record file, a directory of records or an all.zip archive; repeatable.", AllowMultipleArgumentsPerToken = true };
        var nvd = new Option<string[]>("--nvd") { Description = "NVD CVE API 2.0 JSON: a response page or CVE file, or a directory of them; repeatable.", AllowMultipleArgumentsPerToken = true };
        var jvn = new Option<string[]>("--jvn") { Description = "JVN iPedia XML (MyJVN VULDEF or JVNRSS): a file or a directory of them; repeatable.", AllowMultipleArgumentsPerToken = true };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when any finding is at least this severe: low, medium, high or critical.", HelpName = "low|medium|high|critical" };
        failOn.AcceptOnlyFromAmong("low", "medium", "high", "critical");
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json, OutputFormat.Sarif);
        command.Arguments.Add(file);
        command.Options.Add(osv);
        command.Options.Add(nvd);
        command.Options.Add(jvn);
        command.Options.Add(failOn);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var sbomFile = parse.GetValue(file)!;
            var osvPaths = parse.GetValue(osv) ?? [];
            var nvdPaths = parse.GetValue(nvd) ?? [];
            var jvnPaths = parse.GetValue(jvn) ?? [];
            if (osvPaths.Length + nvdPaths.Length + jvnPaths.Length == 0)
                throw new CliException("Name vulnerability data with --osv, --nvd or --jvn.", ExitCodes.Usage);
            var sbom = SbomCommand.Read(sbomFile);
            var records = new List<VulnerabilityRecord>();
            try
            {
                foreach (var path in osvPaths)
                {
                    Exists(path, "--osv");
                    await foreach (var record in OsvReader.ReadPathAsync(path, null, ct))
                        records.Add(record);
                }
                foreach (var path in Files(nvdPaths, "--nvd", "*.json"))
                {
                    await using var stream = File.OpenRead(path);
                    records.AddRange((await NvdReader.ReadAsync(stream, Path.GetFileName(path), ct)).Records);
                }
                foreach (var path in Files(jvnPaths, "--jvn", "*.xml", "*.rdf"))
                {
                    await using var stream = File.OpenRead(path);
                    records.AddRange(JvnReader.Read(stream, Path.GetFileName(path)));
                }
            }
            catch (VulnerabilityFormatException e)
            {
                throw new CliException(e.Message, ExitCodes.Failed, e);
            }
            var matches = VulnerabilityIndex.Build(records).Match(sbom.Components);
            var findings = matches
                .Select(m => (Match: m, Score: FindingScore.Of(m.Record.Severity)))
                .OrderByDescending(f => f.Score?.Score ?? -1m)
                .ThenBy(f => f.Match.Component.Name, StringComparer.Ordinal)
                .ThenBy(f => f.Match.Record.Id, StringComparer.Ordinal)
                .Select(f => new FindingJson(
                    new ComponentJson(f.Match.Component.Name, f.Match.Component.Version, f.Match.Component.Purl?.ToString()),
                    f.Match.Record.Id,
                    f.Match.Record.Aliases,
                    Source(f.Match.Record.Source),
                    f.Match.MatchedBy,
                    f.Score is null ? null : Severity(f.Score.Severity),
                    f.Score?.Score))
                .ToList();
            var result = new ScanJson(sbom.Components.Count, findings);
            switch (format.Get(parse))
            {
                case OutputFormat.Json:
                    JsonOutput.Write(environment, result);
                    break;
                case OutputFormat.Sarif:
                    JsonOutput.Write(environment, Sarif.Of(result, sbomFile.Name));
                    break;
                default:
                    environment.Out.Write(Table(result));
                    break;
            }
            var gate = parse.GetValue(failOn);
            return gate is not null && findings.Any(f => f.Severity is { } s && Rank(s) >= Rank(gate)) ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    private static void Exists(string path, string option)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new CliException($"{option} {path}: no such file or directory.", ExitCodes.Usage);
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths, string option, params string[] patterns)
    {
        foreach (var path in paths)
        {
            Exists(path, option);
            if (File.Exists(path))
            {
                yield return path;
                continue;
            }
            foreach (var found in patterns.SelectMany(p => Directory.EnumerateFiles(path, p, SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
                yield return found;
        }
    }

    private static string Source(VulnerabilitySource source) => source switch
    {
        VulnerabilitySource.Osv => "osv",
        VulnerabilitySource.Nvd => "nvd",
        VulnerabilitySource.Jvn => "jvn",
        VulnerabilitySource.Csaf => "csaf",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private static string Severity(CvssSeverity severity) => severity.ToString().ToLowerInvariant();

    private static int Rank(string severity) => severity switch
    {
        "low" => 1,
        "medium" => 2,
        "high" => 3,
        "critical" => 4,
        _ => 0,
    };

    private static Table Table(ScanJson result)
    {
        var table = new Table().AddColumn("Severity").AddColumn("Component").AddColumn("Vulnerability").AddColumn("Matched by");
        foreach (var f in result.Findings)
        {
            var severity = f.Severity is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{f.Severity} {f.Score:0.0}");
            table.AddRow(Markup.Escape(severity), Markup.Escape($"{f.Component.Name} {f.Component.Version}".Trim()),
                Markup.Escape(f.Aliases.Count == 0 ? f.Vulnerability : $"{f.Vulnerability} ({string.Join(", ", f.Aliases)})"), Markup.Escape(f.MatchedBy));
        }
        table.Caption(string.Create(CultureInfo.InvariantCulture, $"{result.Components} components, {result.Findings.Count} findings"));
        return table;
    }

    internal sealed record ScanJson(int Components, IReadOnlyList<FindingJson> Findings);

    internal sealed record ComponentJson(string Name, string? Version, string? Purl);

    internal sealed record FindingJson(ComponentJson Component, string Vulnerability, IReadOnlyList<string> Aliases, string Source, string MatchedBy,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Severity,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Score);

    /// <summary>SARIF 2.1.0: one rule per vulnerability, one result per finding, located in the SBOM file.</summary>
    private static class Sarif
    {
        private static readonly string[] Tags = ["security", "vulnerability"];

        public static Dictionary<string, object> Of(ScanJson scan, string sbomName) => new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new
                {
                    tool = new
                    {
                        driver = new
                        {
                            name = "shirube",
                            version = ShirubeCli.Version,
                            rules = scan.Findings.GroupBy(f => f.Vulnerability).Select(g => new
                            {
                                id = g.Key,
                                shortDescription = new { text = g.First().Aliases.Count == 0 ? g.Key : $"{g.Key} ({string.Join(", ", g.First().Aliases)})" },
                                properties = new Dictionary<string, object?> { ["security-severity"] = g.First().Score?.ToString("0.0", CultureInfo.InvariantCulture), ["tags"] = Tags },
                            }).ToList(),
                        },
                    },
                    results = scan.Findings.Select(f => new
                    {
                        ruleId = f.Vulnerability,
                        level = f.Severity switch { "critical" or "high" => "error", "medium" => "warning", _ => "note" },
                        message = new { text = $"{f.Component.Name} {f.Component.Version}: {f.Vulnerability}. {f.MatchedBy}" },
                        locations = new[] { new { physicalLocation = new { artifactLocation = new { uri = sbomName } }, logicalLocations = new[] { new { name = f.Component.Purl ?? f.Component.Name, kind = "package" } } } },
                    }).ToList(),
                },
            },
        };
    }
}
