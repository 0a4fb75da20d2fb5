using Shirube.Data.Platform;
using Shirube.Testing;

namespace Shirube.Data.Tests.Platform;

/// <summary>One sync at a time, however many app instances share the database.</summary>
public class DatabaseLockTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task A_second_holder_is_refused_while_the_first_holds_the_lock_and_served_once_it_is_released(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        var first = await DatabaseLock.TryAcquireAsync(provider, database.ConnectionString, "vulnerability-sync", ct);
        Assert.NotNull(first);
        Assert.Null(await DatabaseLock.TryAcquireAsync(provider, database.ConnectionString, "vulnerability-sync", ct));
        // Another name is another lock.
        var other = await DatabaseLock.TryAcquireAsync(provider, database.ConnectionString, "something-else", ct);
        Assert.NotNull(other);
        await other.DisposeAsync();

        await first.DisposeAsync();
        var again = await DatabaseLock.TryAcquireAsync(provider, database.ConnectionString, "vulnerability-sync", ct);
        Assert.NotNull(again);
        await again.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Of_eight_instances_racing_for_the_lock_exactly_one_gets_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DatabaseLock.TryAcquireAsync(provider, database.ConnectionString, "vulnerability-sync", ct), ct)));

        Assert.Single(attempts, a => a is not null);
        foreach (var held in attempts.OfType<IAsyncDisposable>())
            await held.DisposeAsync();
    }
}
