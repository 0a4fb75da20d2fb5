using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Accounts;

public class BootstrapTests
{
    [Fact]
    public async Task FirstStart_WithoutSettings_CreatesAdminThatMustChangeThePassword()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, bootstrapFromSettings: false);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShirubeUser>>();

        var admin = await users.FindByNameAsync("admin");

        Assert.NotNull(admin);
        Assert.True(admin.MustChangePassword);
        Assert.True(await users.IsInRoleAsync(admin, "Administrator"));
    }

    [Fact]
    public async Task FirstStart_WithSettings_AdminIsUsableAtOnce()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShirubeUser>>();
        var admin = await users.FindByNameAsync(ShirubeApp.AdminUser);
        Assert.False(admin!.MustChangePassword);
        Assert.True(await users.CheckPasswordAsync(admin, ShirubeApp.AdminPassword));
    }

    [Fact]
    public async Task OneTimePassword_CannotCreateTokens_UntilChanged()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, bootstrapFromSettings: false);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShirubeUser>>();
            var admin = await users.FindByNameAsync("admin");
            // Stand in for the printed password: set a known one, keeping the must-change flag.
            await users.RemovePasswordAsync(admin!);
            await users.AddPasswordAsync(admin!, "Known-0ne-Time-pass");
        }
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { username = "admin", password = "Known-0ne-Time-pass", name = "x" });
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Accounts.MustChangePasswordFirst", problem.GetProperty("code").GetString());
        Assert.Contains("one-time password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
