using Shirube.Data;
using Xunit;

namespace Shirube.Testing;

/// <summary>
/// One theory row per database provider. The PostgreSQL row is skipped, visibly, when SHIRUBE_TEST_POSTGRES
/// (a connection string to a server where the user may create databases) is not set.
/// </summary>
public static class DatabaseProviders
{
    public const string PostgresVariable = "SHIRUBE_TEST_POSTGRES";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static IEnumerable<TheoryDataRow<DatabaseProvider>> All()
    {
        yield return new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite);
        yield return new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres)
        {
            Skip = PostgresConnection is null ? $"PostgreSQL: set {PostgresVariable} to run this row (.ci/run does)." : null,
        };
    }
}
