using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shirube.Cli.Output;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube catalog validate|list|matrix": the guideline catalogs, bundled or in a folder.</summary>
internal static class CatalogCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var catalog = new Command("catalog", "The IoT security guideline catalogs: validate, list, coverage matrix.");
        catalog.Subcommands.Add(BuildValidate(environment));
        catalog.Subcommands.Add(BuildList(environment));
        catalog.Subcommands.Add(BuildMatrix(environment));
        return catalog;
    }

    private static Argument<DirectoryInfo?> FolderArgument() => new("folder")
    {
        Description = "A catalogs folder (the repository's catalogs/); without it, the catalogs built into shirube.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static Catalog Load(DirectoryInfo? folder)
    {
        try
        {
            return Read(folder);
        }
        catch (CatalogFormatException e)
        {
            throw new CliException(e.Message, ExitCodes.Failed, e);
        }
    }

    // Throws CatalogFormatException for a file that cannot be read, which validate reports as a finding.
    private static Catalog Read(DirectoryInfo? folder)
    {
        if (folder is null)
            return BundledCatalog.Load();
        if (!folder.Exists)
            throw new CliException($"The folder {folder.FullName} does not exist.", ExitCodes.Usage);
        return BundledCatalog.LoadFolder(folder.FullName);
    }

    private static Command BuildValidate(CliEnvironment environment)
    {
        var command = new Command("validate", "Check every catalog against the schema, its source's count and the common controls. Exit 1 on any error.");
        var folder = FolderArgument();
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json);
        command.Arguments.Add(folder);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            if (format.IsJson(parse))
                return Task.FromResult(ValidateAsJson(environment, parse.GetValue(folder)));
            var catalog = Load(parse.GetValue(folder));
            var errors = catalog.Validate();
            environment.Out.Write(Summary(catalog));
            foreach (var error in errors)
                environment.WriteError(error);
            var requirements = catalog.Guidelines.Sum(g => g.Requirements.Count);
            var unverified = catalog.Guidelines.Sum(g => g.UnverifiedCount);
            if (errors.Count > 0)
            {
                environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{errors.Count} error(s)[/] in {catalog.Guidelines.Count} catalogs.");
                return Task.FromResult(ExitCodes.Failed);
            }
            environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]Valid:[/] {catalog.Guidelines.Count} catalogs, {requirements} requirements ({unverified} marked unverified), {catalog.Controls.Count} common controls.");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private const string Error = "error";

    // The catalog a finding without a guideline belongs to: the common controls file.
    private static readonly string ControlsCatalog = Path.GetFileNameWithoutExtension(BundledCatalog.ControlsFile);

    private static int ValidateAsJson(CliEnvironment environment, DirectoryInfo? folder)
    {
        Catalog catalog;
        try
        {
            catalog = Read(folder);
        }
        catch (CatalogFormatException e)
        {
            // Reading stops at the first file that cannot be read: one finding, and no counts.
            var unreadable = new FindingJson(Path.GetFileNameWithoutExtension(e.File), Error, "unreadable", e.Message, e.Path);
            JsonOutput.Write(environment, new ValidationJson([unreadable], new ValidationSummaryJson(false, 1, null, null, null, null)));
            return ExitCodes.Failed;
        }
        var findings = catalog.Findings()
            .Select(f => new FindingJson(f.Guideline ?? ControlsCatalog, Error, JsonNamingPolicy.CamelCase.ConvertName(f.Problem.ToString()), f.Message, f.Where))
            .ToList();
        JsonOutput.Write(environment, new ValidationJson(findings, new ValidationSummaryJson(findings.Count == 0, findings.Count,
            catalog.Guidelines.Count, catalog.Guidelines.Sum(g => g.Requirements.Count), catalog.Guidelines.Sum(g => g.UnverifiedCount), catalog.Controls.Count)));
        return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static Command BuildList(CliEnvironment environment)
    {
        var command = new Command("list", "List the catalogs with region, kind, year and requirement counts.");
        var folder = FolderArgument();
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json);
        command.Arguments.Add(folder);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            var catalog = Load(parse.GetValue(folder));
            if (format.IsJson(parse))
                JsonOutput.Write(environment, catalog.Guidelines.Select(ToJson).ToList());
            else
                environment.Out.Write(Summary(catalog));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    // Region and kind as the catalog files spell them (schema.json): "UK", "Global"; "regulation", "general".
    private static GuidelineJson ToJson(Guideline g) => new(g.Id, new NameJson(g.Name.Ja, g.Name.En), g.Issuer, g.Region.ToString(),
        JsonNamingPolicy.CamelCase.ConvertName(g.Kind.ToString()), g.Year, g.Requirements.Count, g.UnverifiedCount);

    private static Command BuildMatrix(CliEnvironment environment)
    {
        var command = new Command("matrix", "Guideline × IoT part group: requirement counts, the all-round guidelines and the most detailed per group.");
        var folder = FolderArgument();
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Md, OutputFormat.Csv, OutputFormat.Json);
        command.Arguments.Add(folder);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            var matrix = CoverageMatrix.Compute(Load(parse.GetValue(folder)).Guidelines);
            switch (format.Get(parse))
            {
                case OutputFormat.Json:
                    JsonOutput.Write(environment, new MatrixJson(
                        [.. matrix.Rows.Select(r => new MatrixRowJson(r.Guideline.Id, PerGroup.Of(g => r.Groups[g].Count)))],
                        [.. matrix.AllRounders.Select(g => g.Id)],
                        PerGroup.Of(g => matrix.MostDetailed(g)?.Id)));
                    break;
                case OutputFormat.Md:
                    WriteMarkdown(environment.Out.Profile.Out.Writer, matrix);
                    break;
                case OutputFormat.Csv:
                    WriteCsv(environment.Out.Profile.Out.Writer, matrix);
                    break;
                default:
                    WriteTable(environment.Out, matrix);
                    break;
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static readonly IotPartGroup[] Groups = Enum.GetValues<IotPartGroup>();

    private static void WriteTable(IAnsiConsole console, CoverageMatrix matrix)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Guideline");
        foreach (var group in Groups)
            table.AddColumn(group.ToString(), c => c.Centered());
        foreach (var row in matrix.Rows)
            table.AddRow([new Text(row.Guideline.ShortName), .. Groups.Select(g => new Text(Cell(row.Groups[g]), row.Groups[g].Covered ? Style.Plain : new Style(Color.Grey)))]);
        console.Write(table);
        console.WriteLine("All four groups: " + string.Join(", ", matrix.AllRounders.Select(g => g.ShortName)));
        foreach (var group in Groups)
            console.WriteLine($"Most detailed for {group}: {matrix.MostDetailed(group)?.ShortName ?? "-"}");
    }

    // The cells as the table shows them: ○ and the count, or - where no requirement concerns the group.
    private static string Cell(CoverageCell cell) => cell.Covered ? $"○ {cell.Count.ToString(CultureInfo.InvariantCulture)}" : "-";

    private static void WriteMarkdown(TextWriter output, CoverageMatrix matrix)
    {
        static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
        output.WriteLine("| Guideline | " + string.Join(" | ", Groups) + " |");
        output.WriteLine("|---|" + string.Concat(Groups.Select(_ => ":-:|")));
        foreach (var row in matrix.Rows)
            output.WriteLine($"| {Escape(row.Guideline.ShortName)} | " + string.Join(" | ", Groups.Select(g => Cell(row.Groups[g]))) + " |");
    }

    // RFC 4180: CRLF after every record, a header row, fields quoted when they hold a comma, a quote or a line break.
    private static void WriteCsv(TextWriter output, CoverageMatrix matrix)
    {
        static string Field(string text) =>
            text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        void Record(IEnumerable<string> fields) => output.Write(string.Join(',', fields.Select(Field)) + "\r\n");
        Record(["id", "name", .. Groups.Select(g => JsonNamingPolicy.CamelCase.ConvertName(g.ToString()))]);
        foreach (var row in matrix.Rows)
            Record([row.Guideline.Id, row.Guideline.ShortName, .. Groups.Select(g => row.Groups[g].Count.ToString(CultureInfo.InvariantCulture))]);
    }

    private static Table Summary(Catalog catalog)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Id");
        table.AddColumn("Guideline");
        table.AddColumn("Region");
        table.AddColumn("Kind");
        table.AddColumn("Year", c => c.RightAligned());
        table.AddColumn("Requirements", c => c.RightAligned());
        table.AddColumn("Unverified", c => c.RightAligned());
        foreach (var g in catalog.Guidelines)
        {
            table.AddRow(new Text(g.Id), new Text(g.ShortName), new Text(g.Region.ToString()), new Text(g.Kind.ToString()),
                new Text(g.Year.ToString(CultureInfo.InvariantCulture)),
                new Text($"{g.Requirements.Count.ToString(CultureInfo.InvariantCulture)}/{g.ExpectedCount.ToString(CultureInfo.InvariantCulture)}"),
                new Text(g.UnverifiedCount.ToString(CultureInfo.InvariantCulture)));
        }
        return table;
    }

    /// <summary>One guideline of "catalog list --format json".</summary>
    private sealed record GuidelineJson(string Id, NameJson Name, string Issuer, string Region, string Kind, int Year, int Requirements, int Unverified);

    private sealed record NameJson(string Ja, string En);

    /// <summary>"catalog matrix --format json".</summary>
    private sealed record MatrixJson(IReadOnlyList<MatrixRowJson> Guidelines, IReadOnlyList<string> AllRound, PerGroup<string?> MostDetailed);

    private sealed record MatrixRowJson(string Id, PerGroup<int> Coverage);

    /// <summary>"catalog validate --format json".</summary>
    private sealed record ValidationJson(IReadOnlyList<FindingJson> Findings, ValidationSummaryJson Summary);

    private sealed record FindingJson(string Catalog, string Severity, string Code, string Message, string? Where);

    private sealed record ValidationSummaryJson(bool Valid, int Errors, int? Catalogs, int? Requirements, int? Unverified, int? CommonControls);
}

/// <summary>A value for each IoT part group, in the order device, network, platform, management.</summary>
internal sealed record PerGroup<T>(T Device, T Network, T Platform, T Management);

/// <summary>Makes <see cref="PerGroup{T}"/> values.</summary>
internal static class PerGroup
{
    public static PerGroup<T> Of<T>(Func<IotPartGroup, T> value) =>
        new(value(IotPartGroup.Device), value(IotPartGroup.Network), value(IotPartGroup.Platform), value(IotPartGroup.Management));
}
