using System.CommandLine;
using System.Globalization;
using Shirube.Cli.Database;
using Shirube.Cli.Output;
using Shirube.Data.Components;
using Shirube.Domain;
using Shirube.Domain.Components;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube affected": which product versions contain a package (name, purl with or without version, CPE) or carry a vulnerability.</summary>
internal static class AffectedCommand
{
    public const int MaxHits = 2000;

    public static Command Build(CliEnvironment environment)
    {
        var command = new Command("affected",
            "Which product versions contain a package (name, purl with or without version, CPE) or carry a vulnerability (CVE, GHSA, OSV or JVN id), "
            + "from the app's database. JSON {query, kind, hits: [{product, version, component, componentVersion, purl, cpe, vulnerability, state}]}.");
        var query = new Argument<string>("query") { Description = "A package name, a purl, a CPE or a vulnerability id." };
        var database = new LocalDatabaseOptions();
        var format = new FormatOption(OutputFormat.Table, OutputFormat.Json);
        command.Arguments.Add(query);
        database.AddTo(command);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            AffectedQuery parsed;
            try
            {
                parsed = AffectedQuery.Parse(parse.GetValue(query));
            }
            catch (DomainException e)
            {
                throw new CliException($"'{parse.GetValue(query)}' is not a package name, purl, CPE or vulnerability id ({e.Error.Code}).", ExitCodes.Usage, e);
            }
            var local = database.Resolve(parse);
            var hits = await local.UseAsync(db => AffectedStore.FindAsync(db, parsed, MaxHits, ct));
            var kind = parsed.Kind switch
            {
                AffectedQueryKind.PackageName => "name",
                AffectedQueryKind.Purl => "purl",
                AffectedQueryKind.Cpe => "cpe",
                _ => "vulnerability",
            };
            var ordered = hits.OrderBy(h => h.Product, StringComparer.Ordinal).ThenBy(h => h.Version, StringComparer.Ordinal).ThenBy(h => h.Component, StringComparer.Ordinal)
                .Select(h => new HitJson(h.Product, h.Version, h.Component, h.ComponentVersion, h.Purl, h.Cpe, h.VulnerabilityId, h.State)).ToList();
            if (format.IsJson(parse))
            {
                JsonOutput.Write(environment, new AffectedJson(parsed.Text, kind, ordered));
            }
            else
            {
                var table = new Table().AddColumn("Product").AddColumn("Version").AddColumn("Component").AddColumn("purl / CPE").AddColumn("Vulnerability").AddColumn("State");
                foreach (var h in ordered)
                {
                    table.AddRow(Markup.Escape(h.Product), Markup.Escape(h.Version), Markup.Escape($"{h.Component} {h.ComponentVersion}".Trim()),
                        Markup.Escape(h.Purl ?? h.Cpe ?? ""), Markup.Escape(h.Vulnerability ?? ""), Markup.Escape(h.State ?? ""));
                }
                table.Caption(string.Create(CultureInfo.InvariantCulture, $"{kind} {parsed.Text}: {ordered.Select(h => (h.Product, h.Version)).Distinct().Count()} product versions"));
                environment.Out.Write(table);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal sealed record HitJson(string Product, string Version, string Component, string? ComponentVersion, string? Purl, string? Cpe, string? Vulnerability, string? State);

    internal sealed record AffectedJson(string Query, string Kind, IReadOnlyList<HitJson> Hits);
}
