using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Cli.Database;
using Shirube.Cli.Output;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;
using Shirube.Formats.Vulnerabilities;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>
/// "shirube osv import": OSV records (a file, a directory, an all.zip archive) into the app's database, all or
/// nothing; then the product versions that carry a package a new or changed record names are matched again.
/// </summary>
internal static class OsvCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var osv = new Command("osv", "OSV vulnerability records.");
        var import = new Command("import",
            "Import OSV records (a record file, a directory of them, or an ecosystem's all.zip) into the app's database, all or nothing, and match again "
            + "the product versions that carry a package a new or changed record names. JSON {records, added, updated, unchanged, versionsReevaluated, newFindings}.");
        var path = new Argument<string>("path") { Description = "A record file, a directory of records, or an all.zip archive." };
        var database = new LocalDatabaseOptions();
        var format = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        import.Arguments.Add(path);
        database.AddTo(import);
        format.AddTo(import);
        import.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var source = parse.GetValue(path)!;
            if (!File.Exists(source) && !Directory.Exists(source))
                throw new CliException($"{source}: no such file or directory.", ExitCodes.Usage);
            var json = format.IsJson(parse);
            var records = await ReadAsync(environment, source, ct);
            var local = database.Resolve(parse);
            var result = await local.UseAsync(async db =>
            {
                await DatabaseMigrator.MigrateAsync(db, ct);
                return await ImportAsync(db, records, environment.Clock.GetUtcNow().UtcDateTime, ct);
            });
            if (json)
            {
                JsonOutput.Write(environment, result);
            }
            else
            {
                environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"Imported {result.Records} OSV records into the {local.Description}: {result.Added} new, {result.Updated} updated, {result.Unchanged} unchanged; {result.VersionsReevaluated} product versions matched again, {result.NewFindings} new findings.");
            }
            return ExitCodes.Ok;
        }));
        osv.Subcommands.Add(import);
        return osv;
    }

    internal sealed record ImportJson(int Records, int Added, int Updated, int Unchanged, int VersionsReevaluated, int NewFindings);

    // Every record read and checked before one is stored; progress on standard error, so standard output stays the result.
    private static async Task<List<VulnerabilityRecord>> ReadAsync(CliEnvironment environment, string source, CancellationToken ct)
    {
        var records = new List<VulnerabilityRecord>();
        try
        {
            await environment.Error.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("Reading OSV records", maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                await foreach (var record in OsvReader.ReadPathAsync(source, null, ct))
                {
                    records.Add(record);
                    if (records.Count % 500 == 0)
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"Reading OSV records: {records.Count}");
                }
                task.StopTask();
            });
        }
        catch (VulnerabilityFormatException e)
        {
            throw new CliException(e.Message + " Nothing was imported.", ExitCodes.Failed, e);
        }
        return records;
    }

    private static async Task<ImportJson> ImportAsync(ShirubeDbContext db, List<VulnerabilityRecord> records, DateTime now, CancellationToken ct)
    {
        var stored = await VulnerabilityStore.UpsertAsync(db, records, ct);
        var versions = new HashSet<Guid>();
        foreach (var record in stored.Changed)
            versions.UnionWith(await VulnerabilityStore.VersionsNamedByAsync(db, record, ct));
        var newFindings = 0;
        if (versions.Count > 0)
        {
            var index = VulnerabilityIndex.Build(await VulnerabilityStore.LoadAllAsync(db, ct));
            foreach (var versionId in versions)
            {
                var sbom = await db.Sboms.AsNoTracking().Include(s => s.Components).SingleOrDefaultAsync(s => s.ProductVersionId == versionId, ct);
                if (sbom is null)
                    continue;
                var outcome = await FindingStore.ApplyAsync(db, sbom.BusinessUnitId, sbom.ProductId, versionId, index.Match(sbom.ToSbomComponents()), "cli", now, ct);
                await db.SaveChangesAsync(ct);
                newFindings += outcome.Added;
            }
        }
        return new ImportJson(records.Count, stored.Added, stored.Updated, stored.Unchanged, versions.Count, newFindings);
    }
}
