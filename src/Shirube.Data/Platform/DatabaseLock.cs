using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shirube.Data.Platform;

/// <summary>
/// A named lock over the whole database, so that work which must run once at a time (a vulnerability data sync) runs
/// in one app instance when several share a database. PostgreSQL: a session advisory lock on a connection of its own,
/// released when the holder disposes it or its connection ends (a killed instance frees it). SQLite: an exclusive lock
/// file beside the database file (instances on one machine), or a process-wide lock for an in-memory database.
/// </summary>
public static class DatabaseLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);

    /// <summary>Takes the lock <paramref name="name"/> if nobody holds it; null when another holder has it.</summary>
    public static async Task<IAsyncDisposable?> TryAcquireAsync(DatabaseProvider provider, string connectionString, string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return provider switch
        {
            DatabaseProvider.Postgres => await PostgresAsync(connectionString, name, ct),
            DatabaseProvider.Sqlite => Sqlite(connectionString, name),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>The 64-bit advisory-lock key of a name: the first eight bytes of its SHA-256.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("shirube:" + name)), 0);

    private static async Task<IAsyncDisposable?> PostgresAsync(string connectionString, string name, CancellationToken ct)
    {
        // No pooling: the lock lives as long as this one session, and a pooled session would outlive the holder.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", KeyOf(name));
            if (await command.ExecuteScalarAsync(ct) is true)
                return new PostgresLock(connection, KeyOf(name));
        }
        await connection.DisposeAsync();
        return null;
    }

    private static IAsyncDisposable? Sqlite(string connectionString, string name)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(source.DataSource) || source.DataSource == ":memory:" || source.Mode == SqliteOpenMode.Memory)
        {
            var gate = InProcess.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
            return gate.Wait(0) ? new Released(gate) : null;
        }
        var path = Path.GetFullPath(source.DataSource) + "." + string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')) + ".lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class PostgresLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class Released(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
