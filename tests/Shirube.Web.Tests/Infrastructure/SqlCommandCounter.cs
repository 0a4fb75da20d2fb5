using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shirube.Data;

namespace Shirube.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the app sends (queries, scalars, writes), for tests that a page or an endpoint takes a
/// fixed number of queries whatever the size of the data: count for a small and for a large portfolio, compare.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <summary>The commands <paramref name="action"/> sends.</summary>
    public async Task<int> CountAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Reset();
        await action();
        return Count;
    }

    /// <summary>The same app, with this counter on every context it makes.</summary>
    public WebApplicationFactory<Program> Attach(ShirubeApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<ShirubeDbContext>(o => o.AddInterceptors(this))));
    }

    private InterceptionResult<T> Add<T>(InterceptionResult<T> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) => Add(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Add(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Add(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Add(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Add(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Add(result));
}
