using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shirube.Domain.Baselines;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Catalogs;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube baseline recommend": which guidelines to pick for a product (bottom-up step 1).</summary>
internal static class BaselineCommand
{
    // Japanese reasons stay readable in the JSON rather than \uXXXX escapes.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static Command Build(CliEnvironment environment)
    {
        var baseline = new Command("baseline", "Product baselines: which guidelines to pick for a product.");
        baseline.Subcommands.Add(BuildRecommend(environment));
        return baseline;
    }

    private static Command BuildRecommend(CliEnvironment environment)
    {
        var command = new Command("recommend", "Rank the guidelines for a product's IoT parts and recommend a minimal set, with what its markets and sector require.");
        var parts = new Option<string>("--parts") { Description = "IoT parts or part groups, comma-separated: device,network,platform,management or finer ids (network-local, platform-cloud...).", Required = true };
        var sector = new Option<string?>("--sector") { Description = "automotive, smart-meter, power-control, medical, consumer or industrial." };
        sector.AcceptOnlyFromAmong([.. Shirube.Domain.Portfolio.Product.Sectors]);
        var markets = new Option<string?>("--markets") { Description = "Target markets, comma-separated: JP,EU,US,UK..." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var language = new Option<string>("--lang") { Description = "Language of the reasons in the table: en or ja.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "ja");
        command.Options.Add(parts);
        command.Options.Add(sector);
        command.Options.Add(markets);
        command.Options.Add(format);
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
            if (parse.GetValue(format) == "json")
                environment.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(ToJson(selection), Json));
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
