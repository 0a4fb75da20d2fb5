using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Cli.Database;
using Shirube.Cli.Output;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain.Components;
using Shirube.Domain.Vulnerabilities.Matching;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>
/// "shirube sbom import": an SBOM as a product version's, into the app's database (replacing the version's previous
/// one), matched against the stored vulnerability records, all in one transaction.
/// </summary>
internal static class SbomImportCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var command = new Command("import",
            "Import an SBOM as a product version's, into the app's database: it replaces the version's previous SBOM, and the version's findings are "
            + "set from the stored vulnerability records, all or nothing. JSON {product, version, format, specVersion, components, added, kept, vanished}.");
        var file = SbomCommand.FileArgument();
        var product = new Option<string>("--product") { Description = "The product's name (as the app shows it) or id.", Required = true };
        var version = new Option<string>("--version") { Description = "The product version (as the app shows it, e.g. 2.0) or its id.", Required = true };
        var database = new LocalDatabaseOptions();
        var format = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        command.Arguments.Add(file);
        command.Options.Add(product);
        command.Options.Add(version);
        database.AddTo(command);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var source = parse.GetValue(file)!;
            var sbom = SbomCommand.Read(source);
            var local = database.Resolve(parse);
            var now = environment.Clock.GetUtcNow().UtcDateTime;
            var result = await local.UseAsync(async db =>
            {
                await DatabaseMigrator.MigrateAsync(db, ct);
                return await ImportAsync(db, sbom, source.Name, parse.GetValue(product)!, parse.GetValue(version)!, now, ct);
            });
            if (format.IsJson(parse))
            {
                JsonOutput.Write(environment, result);
            }
            else
            {
                environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"Imported {source.Name} as the SBOM of {result.Product} {result.Version}: {result.Components} components; findings {result.Added} new, {result.Kept} kept, {result.Vanished} resolved by absence.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal sealed record ImportJson(string Product, string Version, string Format, string SpecVersion, int Components, int Added, int Kept, int Vanished);

    private static async Task<ImportJson> ImportAsync(ShirubeDbContext db, Sbom sbom, string fileName, string productText, string versionText, DateTime now, CancellationToken ct)
    {
        var id = Guid.TryParse(productText, out var parsed) ? parsed : Guid.Empty;
        var products = await db.Products.Include(p => p.Versions).Where(p => p.Name == productText || p.Id == id).ToListAsync(ct);
        var product = products.Count switch
        {
            1 => products[0],
            0 => throw new CliException($"No product is named '{productText}'.", ExitCodes.Failed),
            _ => throw new CliException($"{products.Count} products are named '{productText}'; give its id.", ExitCodes.Failed),
        };
        var target = product.Versions.SingleOrDefault(v => v.Version == versionText || v.Id.ToString() == versionText)
            ?? throw new CliException($"{product.Name} has no version '{versionText}' (it has {string.Join(", ", product.Versions.Select(v => v.Version))}).", ExitCodes.Failed);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = ProductSbom.Import(product.BusinessUnitId, product.Id, target.Id, sbom, fileName, "cli", now);
        await SbomStore.ReplaceAsync(db, stored, ct);
        var index = VulnerabilityIndex.Build(await VulnerabilityStore.LoadAllAsync(db, ct));
        var outcome = await FindingStore.ApplyAsync(db, product.BusinessUnitId, product.Id, target.Id, index.Match(stored.ToSbomComponents()), "cli", now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportJson(product.Name, target.Version, sbom.Format == SbomFormat.CycloneDx ? "cyclonedx" : "spdx", sbom.SpecVersion,
            sbom.Components.Count, outcome.Added, outcome.Kept, outcome.Vanished);
    }
}
