using System.CommandLine;
using System.Globalization;
using Shirube.Cli.Output;
using Shirube.Formats.Guidelines;
using Shirube.Formats.Oscal;
using Shirube.Formats.Oscal.Resolution;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube oscal export|read|resolve": OSCAL catalogs from and to the shipped guidelines, and profiles resolved, on local files.</summary>
internal static class OscalCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var oscal = new Command("oscal", "OSCAL: export a guideline as an OSCAL catalog, read an OSCAL catalog and summarise it, or resolve a profile.");
        oscal.Subcommands.Add(BuildExport(environment));
        oscal.Subcommands.Add(BuildRead(environment));
        oscal.Subcommands.Add(BuildResolve(environment));
        return oscal;
    }

    private static Command BuildExport(CliEnvironment environment)
    {
        var command = new Command("export", "Write a shipped guideline as an OSCAL catalog (JSON, OSCAL 1.0.6 schema, 1.1-compatible).");
        var id = new Argument<string>("guideline") { Description = "The guideline id, e.g. etsi-en-303-645 (see 'shirube catalog list')." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write.", Required = true };
        var language = new Option<string>("--lang") { Description = "en or ja.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "ja");
        var format = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        command.Arguments.Add(id);
        command.Options.Add(output);
        command.Options.Add(language);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var catalog = BundledCatalog.Load();
            var guideline = catalog.Find(parse.GetValue(id)!)
                ?? throw new CliException($"No guideline '{parse.GetValue(id)}'; 'shirube catalog list' shows the ids.", ExitCodes.Usage);
            var file = parse.GetValue(output)!;
            var json = OscalCatalogWriter.Write(guideline, parse.GetValue(language)!, environment.Clock.GetUtcNow());
            await File.WriteAllTextAsync(file.FullName, json, ct).ConfigureAwait(false);
            if (format.IsJson(parse))
            {
                JsonOutput.Write(environment, new
                {
                    guideline = guideline.Id,
                    language = parse.GetValue(language),
                    requirements = guideline.Requirements.Count,
                    file = file.FullName,
                    bytes = new FileInfo(file.FullName).Length,
                });
            }
            else
            {
                environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[green]Wrote[/] {guideline.ShortName} ({guideline.Requirements.Count} requirements) to {file.FullName}.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command BuildRead(CliEnvironment environment)
    {
        var command = new Command("read", "Read an OSCAL catalog as Shirube would import it, and summarise it (changes nothing).");
        var file = new Argument<FileInfo>("file") { Description = "An OSCAL catalog in JSON." };
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json);
        command.Arguments.Add(file);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliException($"The file {path.FullName} does not exist.", ExitCodes.Usage);
            try
            {
                var guideline = OscalCatalogReader.Read(await File.ReadAllTextAsync(path.FullName, ct).ConfigureAwait(false), path.Name);
                var summary = new
                {
                    file = path.FullName,
                    id = guideline.Id,
                    title = guideline.Name.En,
                    groups = guideline.Groups.Count,
                    requirements = guideline.Requirements.Count,
                    enhancements = guideline.Requirements.Count(r => r.Parent is not null),
                    parameters = guideline.Requirements.Sum(r => r.Parameters.Count),
                };
                if (format.IsJson(parse))
                {
                    JsonOutput.Write(environment, summary);
                    return ExitCodes.Ok;
                }
                var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Title").AddColumn("Groups", c => c.RightAligned())
                    .AddColumn("Requirements", c => c.RightAligned()).AddColumn("Enhancements", c => c.RightAligned()).AddColumn("Parameters", c => c.RightAligned());
                table.AddRow([new Text(summary.id), new Text(summary.title),
                    .. new[] { summary.groups, summary.requirements, summary.enhancements, summary.parameters }.Select(n => new Text(n.ToString(CultureInfo.InvariantCulture)))]);
                environment.Out.Write(table);
                return ExitCodes.Ok;
            }
            catch (OscalFormatException e)
            {
                throw new CliException(e.Message, ExitCodes.Failed, e);
            }
        }));
        return command;
    }

    private static Command BuildResolve(CliEnvironment environment)
    {
        var command = new Command("resolve",
            "Resolve an OSCAL profile (JSON) into the catalog it stands for; imports are read relative to the profile, never from the network.");
        var profile = new Argument<FileInfo>("profile") { Description = "An OSCAL profile in JSON." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The catalog file to write.", Required = true };
        var format = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        command.Arguments.Add(profile);
        command.Options.Add(output);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var path = parse.GetValue(profile)!;
            if (!path.Exists)
                throw new CliException($"The file {path.FullName} does not exist.", ExitCodes.Usage);
            var target = parse.GetValue(output)!;
            ResolvedProfile resolved;
            try
            {
                var source = new FileDocumentSource();
                var uri = FileDocumentSource.ToUri(path.FullName);
                resolved = ProfileResolver.Resolve(source.Load(uri), uri, source, environment.Clock.GetUtcNow());
            }
            catch (OscalFormatException e)
            {
                throw new CliException(e.Message, ExitCodes.Failed, e);
            }
            catch (IOException e)
            {
                throw new CliException($"{path.Name}: {e.Message}", ExitCodes.Failed, e);
            }
            foreach (var warning in resolved.Warnings)
                environment.WriteWarning(warning);
            await File.WriteAllTextAsync(target.FullName, resolved.ToJson(), ct).ConfigureAwait(false);
            if (format.IsJson(parse))
            {
                JsonOutput.Write(environment, new
                {
                    profile = path.FullName,
                    file = target.FullName,
                    controls = resolved.ControlCount,
                    @params = resolved.ParamCount,
                    warnings = resolved.Warnings,
                });
            }
            else
            {
                environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[green]Resolved[/] {path.Name}: {resolved.ControlCount} controls, {resolved.ParamCount} params, written to {target.FullName}.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
