using System.CommandLine;
using System.Globalization;
using Shirube.Cli.Output;
using Shirube.Domain.Components;
using Shirube.Formats.Components;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube sbom …": SBOM files (CycloneDX, SPDX) read offline. Each subcommand is one Build… method added in <see cref="Build"/>.</summary>
internal static class SbomCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var sbom = new Command("sbom", "SBOM files (CycloneDX 1.2-1.6 JSON/XML, SPDX 2.2/2.3 JSON and tag-value, SPDX 3.0 JSON-LD), read offline.");
        sbom.Subcommands.Add(BuildInspect(environment));
        sbom.Subcommands.Add(SbomScanCommand.Build(environment));
        sbom.Subcommands.Add(SbomImportCommand.Build(environment));
        return sbom;
    }

    /// <summary>The SBOM file argument every subcommand takes.</summary>
    internal static Argument<FileInfo> FileArgument() => new("file")
    {
        Description = "The SBOM file; its format is recognised from its content.",
    };

    /// <summary>Reads an SBOM file; an unreadable one ends the command with exit 1 and the reader's message.</summary>
    internal static Sbom Read(FileInfo file)
    {
        if (!file.Exists)
            throw new CliException($"The file {file.FullName} does not exist.", ExitCodes.Usage);
        try
        {
            using var stream = file.OpenRead();
            return SbomReader.Read(stream, file.Name);
        }
        catch (SbomFormatException e)
        {
            throw new CliException(e.Message, ExitCodes.Failed, e);
        }
    }

    private static Command BuildInspect(CliEnvironment environment)
    {
        var command = new Command("inspect",
            "Validate an SBOM against its official schema and count its components: JSON {format, specVersion, components, withPurl, withCpe}, "
            + "where components counts every component (nested ones too) or SPDX package. Exit 1 if the file cannot be read.");
        var file = FileArgument();
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json);
        command.Arguments.Add(file);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, (parse, _) =>
        {
            var sbom = Read(parse.GetValue(file)!);
            var summary = new InspectJson(
                sbom.Format == SbomFormat.CycloneDx ? "cyclonedx" : "spdx",
                sbom.SpecVersion,
                sbom.Components.Count,
                sbom.Components.Count(c => c.Purl is not null),
                sbom.Components.Count(c => c.Cpe is not null));
            if (format.IsJson(parse))
                JsonOutput.Write(environment, summary);
            else
                environment.Out.Write(Table(sbom, summary));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Table Table(Sbom sbom, InspectJson summary)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var table = new Table().AddColumn("SBOM").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Format", summary.Format);
        table.AddRow("Spec version", Markup.Escape(summary.SpecVersion));
        if (sbom.Name is { } name)
            table.AddRow("Name", Markup.Escape(name));
        table.AddRow("Components", N(summary.Components));
        table.AddRow("With purl", N(summary.WithPurl));
        table.AddRow("With CPE", N(summary.WithCpe));
        table.AddRow("Dependencies", N(sbom.Dependencies.Count));
        foreach (var type in sbom.Components.GroupBy(c => c.Type ?? "(none)").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5))
            table.AddRow(Markup.Escape($"  type {type.Key}"), N(type.Count()));
        return table;
    }

    private sealed record InspectJson(string Format, string SpecVersion, int Components, int WithPurl, int WithCpe);
}
