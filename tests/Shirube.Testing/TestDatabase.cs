using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shirube.Data;

namespace Shirube.Testing;

/// <summary>A fresh, migrated database for one test: a temp SQLite file, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the database; <paramref name="migrate"/> applies the migrations (the web app does that itself).</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"shirube-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null);
        }
        else
        {
            var server = DatabaseProviders.PostgresConnection ?? throw new InvalidOperationException($"{DatabaseProviders.PostgresVariable} is not set.");
            var name = $"shirube_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(provider, builder.ConnectionString, null, name);
        }
        if (migrate)
        {
            await using var db = database.NewContext();
            await DatabaseMigrator.MigrateAsync(db);
        }
        return database;
    }

    /// <summary>A context acting as <paramref name="actor"/> (the system when null).</summary>
    public ShirubeDbContext NewContext(ICurrentActor? actor = null, TimeProvider? clock = null)
    {
        var options = new DbContextOptionsBuilder<ShirubeDbContext>();
        options.UseShirubeDatabase(Provider, ConnectionString);
        return new ShirubeDbContext(options.Options, actor ?? SystemActor.Instance, clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_sqliteFile + suffix);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(DatabaseProviders.PostgresConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
