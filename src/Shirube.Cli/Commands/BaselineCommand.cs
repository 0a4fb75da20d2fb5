using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shirube.Cli.Output;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube baseline recommend": which guidelines to pick for a product (bottom-up step 1).</summary>
internal static class BaselineCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var baseline = new Command("baseline", "Product baselines: which guidelines to pick for a product, and exports of a baseline or an assessment.");
        baseline.Subcommands.Add(BuildRecommend(environment));
        baseline.Subcommands.Add(BuildExport(environment));
        return baseline;
    }

    private static Command BuildExport(CliEnvironment environment)
    {
        var command = new Command("export", "Download a baseline (or, with --assessment, an assessment) from a server as Excel, PDF, HTML or OSCAL.");
        var id = new Argument<Guid>("id") { Description = "The baseline's id (or the assessment's, with --assessment)." };
        var targets = new (string Format, Option<FileInfo?> Option)[]
        {
            ("xlsx", new Option<FileInfo?>("--xlsx") { Description = "Write an Excel workbook (ja and en columns, a sheet per IoT part)." }),
            ("pdf", new Option<FileInfo?>("--pdf") { Description = "Write the printable guideline as PDF (in --lang)." }),
            ("html", new Option<FileInfo?>("--html") { Description = "Write the printable guideline as HTML (in --lang)." }),
            ("oscal", new Option<FileInfo?>("--oscal") { Description = "Write OSCAL: a profile for a baseline, assessment-results for an assessment." }),
        };
        var language = new Option<string>("--lang") { Description = "en or ja.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "ja");
        var assessment = new Option<bool>("--assessment") { Description = "The id is an assessment's: export it with its baseline version." };
        var server = new Server.ServerOptions();
        var resultFormat = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        command.Arguments.Add(id);
        foreach (var (_, option) in targets)
            command.Options.Add(option);
        command.Options.Add(language);
        command.Options.Add(assessment);
        resultFormat.AddTo(command);
        server.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var chosen = targets.Where(t => parse.GetValue(t.Option) is not null).ToList();
            if (chosen.Count != 1)
                throw new CliException("Name exactly one output: --xlsx, --pdf, --html or --oscal <file>.", ExitCodes.Usage);
            using var client = server.CreateClient(parse, environment)
                ?? throw new CliException("baseline export reads from a server: pass --server URL (and --token or SHIRUBE_TOKEN).", ExitCodes.Usage);
            var (format, option) = chosen[0];
            var file = parse.GetValue(option)!;
            var kind = parse.GetValue(assessment) ? "assessment" : "baseline";
            var bytes = await client.DownloadAsync($"api/{kind}s/{parse.GetValue(id)}/export?format={format}&lang={parse.GetValue(language)}", ct).ConfigureAwait(false);
            // Written whole or not at all: a temporary file next to the target, then moved over it.
            var temporary = file.FullName + ".part";
            await File.WriteAllBytesAsync(temporary, bytes, ct).ConfigureAwait(false);
            File.Move(temporary, file.FullName, overwrite: true);
            if (resultFormat.IsJson(parse))
                JsonOutput.Write(environment, new { kind, id = parse.GetValue(id), format, language = parse.GetValue(language), file = file.FullName, bytes = bytes.Length });
            else
                environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Wrote[/] {bytes.Length:N0} bytes ({format}) to {file.FullName}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command BuildRecommend(CliEnvironment environment)
    {
        var command = new Command("recommend", "Rank the guidelines for a product's IoT parts and recommend a minimal set, with what its markets and sector require.");
        var parts = new Option<string>("--parts") { Description = "IoT parts or part groups, comma-separated: device,network,platform,management or finer ids (network-local, platform-cloud...).", Required = true };
        var sector = new Option<string?>("--sector") { Description = "automotive, smart-meter, power-control, medical, consumer or industrial." };
        sector.AcceptOnlyFromAmong([.. Shirube.Domain.Portfolio.Product.Sectors]);
        var markets = new Option<string?>("--markets") { Description = "Target markets, comma-separated: JP,EU,US,UK..." };
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json);
        var language = new Option<string>("--lang") { Description = "Language of the reasons in the table: en or ja.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "ja");
        command.Options.Add(parts);
        command.Options.Add(sector);
        command.Options.Add(markets);
        format.AddTo(command);
        command.Options.Add(language);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            IReadOnlyList<IotPart> productParts;
            try
            {
                productParts = IotParts.ParseList(parse.GetValue(parts)!);
            }
            catch (FormatException e)
            {
                throw new CliException($"--parts: {e.Message}", ExitCodes.Usage, e);
            }
            if (productParts.Count == 0)
                throw new CliException("--parts: name at least one part.", ExitCodes.Usage);
            var profile = new ProductProfile(productParts, parse.GetValue(sector),
                [.. (parse.GetValue(markets) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
            var selection = GuidelineSelector.Recommend(profile, BundledCatalog.Load());
            if (format.IsJson(parse))
                JsonOutput.Write(environment, ToJson(selection));
            else
                Print(environment.Out, selection, parse.GetValue(language)!);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static object ToJson(GuidelineSelection s) => new
    {
        parts = s.Profile.Parts.Select(p => p.ToId()),
        sector = s.Profile.Sector,
        markets = s.Profile.Markets,
        picks = s.Picks.Select(p => new
        {
            guideline = p.Guideline.Id,
            shortName = p.Guideline.ShortName,
            role = JsonNamingPolicy.CamelCase.ConvertName(p.Role.ToString()),
            groups = p.Groups.Select(g => g.ToString().ToLowerInvariant()),
            reason = new { en = p.Reason.En, ja = p.Reason.Ja },
        }),
        ranking = s.Ranking.Select(f => new { guideline = f.Guideline.Id, covered = f.Covered, depth = Math.Round(f.Depth, 3), requirements = f.Requirements }),
    };

    private static void Print(IAnsiConsole console, GuidelineSelection s, string language)
    {
        var picks = new Table().Border(TableBorder.Rounded).Title("Recommended guidelines")
            .AddColumn("Guideline").AddColumn("Role").AddColumn("Why");
        foreach (var p in s.Picks)
            picks.AddRow(new Text(p.Guideline.ShortName), new Text(p.Role.ToString()), new Text(p.Reason.In(language)));
        console.Write(picks);
        var ranking = new Table().Border(TableBorder.Rounded).Title("Fit of general guidelines and standards")
            .AddColumn("Guideline").AddColumn("Part groups covered", c => c.RightAligned()).AddColumn("Depth", c => c.RightAligned()).AddColumn("Requirements", c => c.RightAligned());
        foreach (var f in s.Ranking.Take(12))
        {
            ranking.AddRow(new Text(f.Guideline.ShortName), new Text($"{f.Covered}/{s.Profile.Groups.Count}"),
                new Text(f.Depth.ToString("0.00", CultureInfo.InvariantCulture)), new Text(f.Requirements.ToString(CultureInfo.InvariantCulture)));
        }
        console.Write(ranking);
    }
}
