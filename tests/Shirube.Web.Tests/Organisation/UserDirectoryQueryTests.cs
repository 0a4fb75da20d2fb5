using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Organisation;

/// <summary>The user directory reads roles and units for all accounts at once, not account by account.</summary>
public class UserDirectoryQueryTests
{
    private const string Password = "Directory-Passw0rd-1";

    /// <summary>Counts the SQL commands the app sends, of every kind.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        private void Add() => Interlocked.Increment(ref _count);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Add();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Add();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add();
            return ValueTask.FromResult(result);
        }
    }

    private static async Task<int> CommandsForTheDirectoryAsync(HttpClient admin, CommandCounter counter, int accounts)
    {
        counter.Reset();
        var users = await admin.GetFromJsonAsync<UserResponse[]>("/api/users");
        var commands = counter.Count;
        Assert.Equal(accounts, users!.Length);
        return commands;
    }

    [Fact]
    public async Task Users_TakeTheSameNumberOfSqlCommands_ForTwoAndForTwelveAccounts()
    {
        var counter = new CommandCounter();
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<ShirubeDbContext>(o => o.AddInterceptors(counter))));
        using var admin = counted.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        await Api.CreateUserAsync(admin, "user01", Password, ["PsirtAnalyst", "Auditor"], [home.Id]);
        await CommandsForTheDirectoryAsync(admin, counter, 2); // the first request warms up what is read once
        Assert.True(counter.Count > 0, "the interceptor sees the app's commands");

        var forTwo = await CommandsForTheDirectoryAsync(admin, counter, 2);
        for (var i = 2; i <= 11; i++)
            await Api.CreateUserAsync(admin, $"user{i:00}", Password, i % 2 == 0 ? ["ProductOwner"] : ["PsirtManager", "Auditor"], i % 3 == 0 ? [home.Id, infra.Id] : [infra.Id]);
        var forTwelve = await CommandsForTheDirectoryAsync(admin, counter, 12);

        Assert.Equal(forTwo, forTwelve);
        var listed = await admin.GetFromJsonAsync<UserResponse[]>("/api/users");
        var user03 = listed!.Single(u => u.UserName == "user03");
        Assert.Equal(["Auditor", "PsirtManager"], user03.Roles);
        Assert.Equal([home.Id, infra.Id], user03.BusinessUnitIds.Order());
        Assert.Equal(["Administrator"], listed!.Single(u => u.UserName == ShirubeApp.AdminUser).Roles);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/users")).StatusCode);
    }
}
