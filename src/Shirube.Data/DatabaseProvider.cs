using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shirube.Data;

/// <summary>The database engines Shirube runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite, the default.</summary>
    Sqlite,
    /// <summary>PostgreSQL, for scale.</summary>
    Postgres,
}

/// <summary>Chooses the provider and its migrations assembly from configuration.</summary>
public static class ShirubeDataSetup
{
    /// <summary>The default SQLite connection string: a file under ./data.</summary>
    public const string DefaultSqliteConnection = "Data Source=./data/shirube.db";

    /// <summary>Reads <c>Database:Provider</c> (Sqlite or Postgres); throws naming the setting on anything else.</summary>
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text))
            return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Setting Database:Provider is '{text}'; expected Sqlite or Postgres.");
    }

    /// <summary>Configures EF Core for the provider, with its own migrations assembly.</summary>
    public static DbContextOptionsBuilder UseShirubeDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(PrepareSqlite(connectionString), o => o.MigrationsAssembly("Shirube.Data.Migrations.Sqlite")),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Shirube.Data.Migrations.Postgres")),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

    /// <summary>Registers the context; the caller registers an <see cref="ICurrentActor"/> or gets the system actor.</summary>
    public static IServiceCollection AddShirubeData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connection = configuration.GetConnectionString("Shirube");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite ? DefaultSqliteConnection
                : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Shirube is not set.");
        }
        services.TryAddScoped<ICurrentActor>(_ => SystemActor.Instance);
        // The factory serves Blazor components (a context per operation); the scoped context serves requests.
        services.AddDbContextFactory<ShirubeDbContext>(o => o.UseShirubeDatabase(provider, connection), ServiceLifetime.Scoped);
        return services;
    }

    // SQLite does not create folders: make the one the database file lives in.
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }
        return connectionString;
    }
}
