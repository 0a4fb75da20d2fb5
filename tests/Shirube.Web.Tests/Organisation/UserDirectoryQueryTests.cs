using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Organisation;

/// <summary>The user directory reads roles and units for all accounts at once, not account by account.</summary>
public class UserDirectoryQueryTests
{
    private const string Password = "Directory-Passw0rd-1";

    private static async Task<int> CommandsForTheDirectoryAsync(HttpClient admin, SqlCommandCounter counter, int accounts)
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
        var counter = new SqlCommandCounter();
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        await using var counted = counter.Attach(app);
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
