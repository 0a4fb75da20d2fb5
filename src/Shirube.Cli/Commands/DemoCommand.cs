using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Cli.Database;
using Shirube.Cli.Output;
using Shirube.Cli.Server;
using Shirube.Data;
using Shirube.Data.Demo;
using Shirube.Formats.Portfolio;
using Spectre.Console;

namespace Shirube.Cli.Commands;

/// <summary>"shirube demo load|remove|status": the example portfolio, on a local database or through a server.</summary>
internal static class DemoCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var demo = new Command("demo", "Load or remove the example portfolio: two business units, five products in fields A-E.");
        demo.Subcommands.Add(BuildChange(environment, "load", "Load the example portfolio (does nothing when it is already loaded).", load: true));
        demo.Subcommands.Add(BuildChange(environment, "remove", "Remove the example portfolio again.", load: false));
        demo.Subcommands.Add(BuildStatus(environment));
        return demo;
    }

    private static Command BuildChange(CliEnvironment environment, string name, string description, bool load)
    {
        var command = new Command(name, description);
        var database = new LocalDatabaseOptions();
        var server = new ServerOptions();
        var format = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        database.AddTo(command);
        server.AddTo(command);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            if (database.AnyGiven(parse) && parse.GetValue(server.Server) is not null)
                throw new CliException("--provider and --connection choose a local database; they cannot be combined with --server.", ExitCodes.Usage);
            var json = format.IsJson(parse);
            using var client = server.CreateClient(parse, environment);
            DemoResult result;
            string target, where;
            int? migrations = null;
            if (client is not null)
            {
                (target, where) = ("server", client.Server.ToString());
                result = load ? await client.LoadDemoAsync(ct).ConfigureAwait(false) : await client.RemoveDemoAsync(ct).ConfigureAwait(false);
            }
            else
            {
                var local = database.Resolve(parse);
                (target, where) = ("database", local.Description);
                result = await local.UseAsync(async db =>
                {
                    migrations = await DatabaseMigrator.MigrateAsync(db, ct).ConfigureAwait(false);
                    if (migrations > 0)
                    {
                        // A note, not the result: with --format json it goes to standard error so that standard output stays JSON.
                        (json ? environment.Error : environment.Out).MarkupLineInterpolated(CultureInfo.InvariantCulture,
                            $"Brought the schema of the {local.Description} up to date ({migrations} {(migrations == 1 ? "migration" : "migrations")}).");
                    }
                    return await ChangeAsync(db, load, ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            if (json)
            {
                JsonOutput.Write(environment, new
                {
                    action = load ? "load" : "remove",
                    target,
                    where,
                    changed = result is not { BusinessUnits: 0, Products: 0 },
                    businessUnits = result.BusinessUnits,
                    products = result.Products,
                    migrationsApplied = migrations,
                });
            }
            else
            {
                Report(environment.Out, load, target == "server" ? $"the server at {where}" : $"the {where}", result);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<DemoResult> ChangeAsync(ShirubeDbContext db, bool load, CancellationToken ct)
    {
        try
        {
            return load ? await DemoLoader.LoadAsync(db, DemoPortfolio.Load(), ct).ConfigureAwait(false)
                : await DemoLoader.RemoveAsync(db, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            // DemoLoader refuses with a sentence meant for people (a code clash, products of one's own in a demo unit).
            throw new CliException(e.Message, ExitCodes.Failed, e);
        }
    }

    private static void Report(IAnsiConsole console, bool load, string where, DemoResult result)
    {
        var nothing = result is { BusinessUnits: 0, Products: 0 };
        if (nothing)
        {
            if (load)
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The example portfolio is already loaded in {where}; nothing changed.");
            else
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"There is no example portfolio in {where}; nothing changed.");
            return;
        }
        if (load)
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Loaded[/] the example portfolio into {where}:");
        else
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Removed[/] the example portfolio from {where}:");
        console.Write(CountTable(result.BusinessUnits, result.Products));
    }

    private static Command BuildStatus(CliEnvironment environment)
    {
        var command = new Command("status", "Show whether the example portfolio is loaded in a local database (changes nothing).");
        var database = new LocalDatabaseOptions();
        var format = new FormatOption(OutputFormat.Text, OutputFormat.Json);
        database.AddTo(command);
        format.AddTo(command);
        command.SetAction(Guard.Run(environment, async (parse, ct) =>
        {
            var local = database.Resolve(parse);
            var json = format.IsJson(parse);
            void WriteJson(string state, int? pending, int units, int products) => JsonOutput.Write(environment, new
            {
                where = local.Description,
                database = state,
                pendingMigrations = pending,
                loaded = units + products > 0,
                businessUnits = units,
                products,
            });
            if (local.SqliteFile is { } file && !File.Exists(file))
            {
                if (json)
                    WriteJson("absent", null, 0, 0);
                else
                    environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"There is no {local.Description} yet; the example portfolio is not loaded.");
                return ExitCodes.Ok;
            }
            return await local.UseAsync(async db =>
            {
                var applied = (await db.Database.GetAppliedMigrationsAsync(ct).ConfigureAwait(false)).Count();
                if (applied == 0)
                {
                    if (json)
                        WriteJson("noSchema", null, 0, 0);
                    else
                        environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The {local.Description} has no Shirube schema yet; the example portfolio is not loaded.");
                    return ExitCodes.Ok;
                }
                var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Count();
                if (pending > 0)
                    environment.WriteWarning($"The {local.Description} is {pending.ToString(CultureInfo.InvariantCulture)} migration(s) behind; 'shirube demo load' or starting the server brings it up to date.");
                var units = await db.BusinessUnits.CountAsync(u => u.IsDemo, ct).ConfigureAwait(false);
                var products = await db.Products.IgnoreQueryFilters().CountAsync(p => p.IsDemo, ct).ConfigureAwait(false);
                if (json)
                    WriteJson("ready", pending, units, products);
                else if (units + products > 0)
                {
                    environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The example portfolio [green]is loaded[/] in the {local.Description}:");
                    environment.Out.Write(CountTable(units, products));
                }
                else
                {
                    environment.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The example portfolio is not loaded in the {local.Description}.");
                }
                return ExitCodes.Ok;
            }).ConfigureAwait(false);
        }));
        return command;
    }

    private static Table CountTable(int businessUnits, int products)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Business units", c => c.RightAligned());
        table.AddColumn("Products", c => c.RightAligned());
        table.AddRow(businessUnits.ToString(CultureInfo.InvariantCulture), products.ToString(CultureInfo.InvariantCulture));
        return table;
    }
}
