using System.CommandLine;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shirube.Data;

namespace Shirube.Cli.Database;

/// <summary>A database on this machine (or reached directly), opened as the system actor.</summary>
internal sealed class LocalDatabase
{
    private LocalDatabase(DatabaseProvider provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The connection string, as given.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the database is, without credentials: "SQLite database /path/shirube.db".</summary>
    public string Description { get; }

    /// <summary>For SQLite on a file, its full path; otherwise null.</summary>
    public string? SqliteFile { get; private init; }

    /// <summary>Checks the connection string for <paramref name="provider"/>; throws a <see cref="CliException"/> naming the option when it is not valid.</summary>
    public static LocalDatabase From(DatabaseProvider provider, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite ? ShirubeDataSetup.DefaultSqliteConnection
                : throw new CliException($"--provider {provider} needs --connection, e.g. \"Host=localhost;Database=shirube;Username=shirube;Password=...\".", ExitCodes.Usage);
        }
        try
        {
            return provider switch
            {
                DatabaseProvider.Sqlite => ForSqlite(connectionString),
                DatabaseProvider.Postgres => ForPostgres(connectionString),
                _ => throw new CliException($"--provider {provider} is not supported; use Sqlite or Postgres.", ExitCodes.Usage),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // The builders name the offending keyword; the connection string itself may hold a password, so it is not echoed.
            throw new CliException($"--connection is not a valid {provider} connection string: {e.Message}", ExitCodes.Usage, e);
        }
    }

    /// <summary>Opens a context as the system actor; nothing is connected until it is used.</summary>
    public ShirubeDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<ShirubeDbContext>();
        try
        {
            options.UseShirubeDatabase(Provider, ConnectionString);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Could not create the folder of the {Description}: {e.Message}", ExitCodes.Failed, e);
        }
        return new ShirubeDbContext(options.Options, SystemActor.Instance);
    }

    /// <summary>Runs <paramref name="work"/> on a fresh context; a failure of the database becomes a <see cref="CliException"/> naming it.</summary>
    public async Task<T> UseAsync<T>(Func<ShirubeDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            try
            {
                return await work(db).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new CliException($"The {Description} failed: {e.Message}", ExitCodes.Failed, e);
            }
            catch (DbUpdateException e)
            {
                throw new CliException($"The {Description} refused the change: {e.GetBaseException().Message}", ExitCodes.Failed, e);
            }
        }
    }

    private static LocalDatabase ForSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource))
            throw new ArgumentException("it names no Data Source (the database file).");
        if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new ArgumentException("an in-memory database would be gone when the command ends; name a file.");
        var path = Path.GetFullPath(builder.DataSource);
        return new LocalDatabase(DatabaseProvider.Sqlite, connectionString, $"SQLite database {path}") { SqliteFile = path };
    }

    private static LocalDatabase ForPostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Host))
            throw new ArgumentException("it names no Host.");
        var database = string.IsNullOrEmpty(builder.Database) ? "(default)" : builder.Database;
        return new LocalDatabase(DatabaseProvider.Postgres, connectionString,
            $"PostgreSQL database {database} on {builder.Host}:{builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}

/// <summary>The options that choose a local database: --provider and --connection.</summary>
internal sealed class LocalDatabaseOptions
{
    public Option<DatabaseProvider> Provider { get; } = new("--provider")
    {
        Description = "The database engine of the local database.",
        HelpName = "Sqlite|Postgres",
        DefaultValueFactory = _ => DatabaseProvider.Sqlite,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            foreach (var provider in Enum.GetValues<DatabaseProvider>())
            {
                if (string.Equals(provider.ToString(), text, StringComparison.OrdinalIgnoreCase))
                    return provider;
            }
            result.AddError($"--provider '{text}' is not supported; use Sqlite or Postgres.");
            return default;
        },
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = $"The connection string of the local database. Default for Sqlite: \"{ShirubeDataSetup.DefaultSqliteConnection}\"; required for Postgres.",
        HelpName = "connection string",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <summary>True when either option was given on the command line.</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetResult(Provider) is { Implicit: false } || parse.GetResult(Connection) is { Implicit: false };

    /// <summary>The database the options name; throws a <see cref="CliException"/> when they are not valid.</summary>
    public LocalDatabase Resolve(ParseResult parse) =>
        LocalDatabase.From(parse.GetValue(Provider), parse.GetValue(Connection));
}
