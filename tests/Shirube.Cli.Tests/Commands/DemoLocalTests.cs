using Microsoft.EntityFrameworkCore;
using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class DemoLocalTests : IDisposable
{
    private readonly TempSqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Task<CliRun> RunOnDatabaseAsync(string command, params string[] options) =>
        CliRunner.RunAsync(["demo", command, "--provider", "Sqlite", "--connection", _database.ConnectionString, .. options]);

    private static readonly string[] ChangeKeys = ["action", "target", "where", "changed", "businessUnits", "products", "migrationsApplied"];

    private static readonly string[] StatusKeys = ["where", "database", "pendingMigrations", "loaded", "businessUnits", "products"];

    [Fact]
    public async Task Load_remove_and_status_as_json_give_the_counts_and_keep_notes_off_standard_output()
    {
        var before = await RunOnDatabaseAsync("status", "--format", "json");
        var load = await RunOnDatabaseAsync("load", "--format", "json");
        var again = await RunOnDatabaseAsync("load", "--format", "json");
        var status = await RunOnDatabaseAsync("status", "--format", "json");
        var remove = await RunOnDatabaseAsync("remove", "--format", "json");

        Assert.Equal(StatusKeys, CliRun.Keys(before.Json()));
        Assert.Equal(("absent", false), ((string)before.Json()["database"]!, (bool)before.Json()["loaded"]!));
        Assert.Null(before.Json()["pendingMigrations"]);

        Assert.Equal(0, load.ExitCode);
        Assert.Equal(ChangeKeys, CliRun.Keys(load.Json()));
        await using (var db = _database.Open())
        {
            var migrations = db.Database.GetMigrations().Count();
            Assert.Equal(("load", "database", $"SQLite database {_database.FilePath}", true, 2, 5, migrations),
                ((string)load.Json()["action"]!, (string)load.Json()["target"]!, (string)load.Json()["where"]!, (bool)load.Json()["changed"]!,
                 (int)load.Json()["businessUnits"]!, (int)load.Json()["products"]!, (int)load.Json()["migrationsApplied"]!));
        }
        Assert.StartsWith("Brought the schema of the SQLite database", load.Error, StringComparison.Ordinal);

        Assert.Equal((false, 0, 0, 0), ((bool)again.Json()["changed"]!, (int)again.Json()["businessUnits"]!, (int)again.Json()["products"]!, (int)again.Json()["migrationsApplied"]!));
        Assert.Equal(string.Empty, again.Error);

        Assert.Equal(StatusKeys, CliRun.Keys(status.Json()));
        Assert.Equal(("ready", 0, true, 2, 5), ((string)status.Json()["database"]!, (int)status.Json()["pendingMigrations"]!,
            (bool)status.Json()["loaded"]!, (int)status.Json()["businessUnits"]!, (int)status.Json()["products"]!));

        Assert.Equal(("remove", true, 2, 5), ((string)remove.Json()["action"]!, (bool)remove.Json()["changed"]!,
            (int)remove.Json()["businessUnits"]!, (int)remove.Json()["products"]!));
        Assert.Equal((0, 0), await _database.CountDemoAsync());
    }

    [Fact]
    public async Task Load_NewSqliteFile_CreatesTwoBusinessUnitsAndFiveProducts()
    {
        var run = await RunOnDatabaseAsync("load");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal((2, 5), await _database.CountDemoAsync());
        await using var db = _database.Open();
        var codes = await db.BusinessUnits.OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["HOME", "INFRA"], codes);
        Assert.Contains($"Loaded the example portfolio into the SQLite database {_database.FilePath}:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Brought the schema of the SQLite database", run.Out, StringComparison.Ordinal);
        Assert.Equal((2, 5), run.CountRow());
    }

    [Fact]
    public async Task Load_RunTwice_DoesNotDuplicate()
    {
        var first = await RunOnDatabaseAsync("load");
        var second = await RunOnDatabaseAsync("load");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal((2, 5), await _database.CountDemoAsync());
        Assert.Contains("already loaded", second.Out, StringComparison.Ordinal);
        // The schema was brought up to date by the first run only.
        Assert.DoesNotContain("Brought the schema", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_AfterLoad_RemovesTheUnitsAndProducts()
    {
        await RunOnDatabaseAsync("load");

        var run = await RunOnDatabaseAsync("remove");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal((0, 0), await _database.CountDemoAsync());
        await using var db = _database.Open();
        Assert.Equal(0, await db.BusinessUnits.CountAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Removed the example portfolio", run.Out, StringComparison.Ordinal);
        Assert.Equal((2, 5), run.CountRow());
    }

    [Fact]
    public async Task Remove_NothingLoaded_ChangesNothingAndSucceeds()
    {
        var run = await RunOnDatabaseAsync("remove");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("There is no example portfolio", run.Out, StringComparison.Ordinal);
        Assert.Equal((0, 0), await _database.CountDemoAsync());
    }

    [Fact]
    public async Task Status_AfterLoad_ReportsTheCounts()
    {
        await RunOnDatabaseAsync("load");

        var run = await RunOnDatabaseAsync("status");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The example portfolio is loaded", run.Out, StringComparison.Ordinal);
        Assert.Equal((2, 5), run.CountRow());
    }

    [Fact]
    public async Task Status_NoDatabaseFile_ReportsNotLoadedAndCreatesNoFile()
    {
        var run = await RunOnDatabaseAsync("status");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not loaded", run.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task Load_UnknownProvider_FailsWithUsageErrorNamingTheProvider()
    {
        var run = await CliRunner.RunAsync("demo", "load", "--provider", "Oracle", "--connection", _database.ConnectionString);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: --provider 'Oracle' is not supported; use Sqlite or Postgres.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.FilePath));
    }

    [Fact]
    public async Task Load_ConnectionWithUnknownKeyword_FailsNamingTheConnectionOption()
    {
        var run = await CliRunner.RunAsync("demo", "load", "--connection", "Nonsense=1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.StartsWith("error: --connection is not a valid Sqlite connection string:", line, StringComparison.Ordinal);
        Assert.Contains("'nonsense'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_PostgresWithoutConnection_FailsAskingForIt()
    {
        var run = await CliRunner.RunAsync("demo", "load", "--provider", "postgres");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: --provider Postgres needs --connection", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_DatabaseFolderIsAFile_FailsNamingTheDatabase()
    {
        Directory.CreateDirectory(_database.Folder);
        var blocker = Path.Combine(_database.Folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync("demo", "load", "--connection", $"Data Source={Path.Combine(blocker, "shirube.db")}");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var line = Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.StartsWith($"error: Could not create the folder of the SQLite database {Path.Combine(blocker, "shirube.db")}:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ProviderTogetherWithServer_FailsWithUsageError()
    {
        var run = await CliRunner.RunAsync("demo", "load", "--provider", "Sqlite", "--server", "http://127.0.0.1:9", "--token", "shr_x");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: --provider and --connection choose a local database; they cannot be combined with --server.", run.Error, StringComparison.Ordinal);
    }
}
