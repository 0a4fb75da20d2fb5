using System.CommandLine;
using System.Globalization;
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
            if (folder is null)
                return BundledCatalog.Load();
            if (!folder.Exists)
                throw new CliException($"The folder {folder.FullName} does not exist.", ExitCodes.Usage);
            return BundledCatalog.LoadFolder(folder.FullName);
        }
        catch (CatalogFormatException e)
        {
            throw new CliException(e.Message, ExitCodes.Failed, e);
        }
    }

    private static Command BuildValidate(CliEnvironment environment)
    {
        var command = new Command("validate", "Check every catalog against the schema, its source's count and the common controls. Exit 1 on any error.");
        var folder = FolderArgument();
        command.Arguments.Add(folder);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
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

    private static Command BuildList(CliEnvironment environment)
    {
        var command = new Command("list", "List the catalogs with region, kind, year and requirement counts.");
        var folder = FolderArgument();
        command.Arguments.Add(folder);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            environment.Out.Write(Summary(Load(parse.GetValue(folder))));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command BuildMatrix(CliEnvironment environment)
    {
        var command = new Command("matrix", "Guideline × IoT part group: requirement counts, the all-round guidelines and the most detailed per group.");
        var folder = FolderArgument();
        command.Arguments.Add(folder);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            var matrix = CoverageMatrix.Compute(Load(parse.GetValue(folder)).Guidelines);
            var groups = Enum.GetValues<IotPartGroup>();
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Guideline");
            foreach (var group in groups)
                table.AddColumn(group.ToString(), c => c.Centered());
            foreach (var row in matrix.Rows)
            {
                table.AddRow([new Text(row.Guideline.ShortName), .. groups.Select(g => Cell(row.Groups[g]))]);
            }
            environment.Out.Write(table);
            environment.Out.WriteLine("All four groups: " + string.Join(", ", matrix.AllRounders.Select(g => g.ShortName)));
            foreach (var group in groups)
                environment.Out.WriteLine($"Most detailed for {group}: {matrix.MostDetailed(group)?.ShortName ?? "-"}");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Text Cell(CoverageCell cell) =>
        cell.Covered ? new Text($"○ {cell.Count.ToString(CultureInfo.InvariantCulture)}") : new Text("-", new Style(Color.Grey));

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
}
