using System.Net;
using System.Net.Http.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Accounts;

public class ApiTokenTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CreateToken_RightPassword_Returns201AndTheTokenWorks(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/tokens",
            new { username = ShirubeApp.AdminUser, password = ShirubeApp.AdminPassword, name = "ci", expiresInDays = 7 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<ShirubeApp.TokenResponse>();
        Assert.StartsWith("shr_", created!.Token, StringComparison.Ordinal);
        Assert.InRange(created.ExpiresAt, DateTime.UtcNow.AddDays(6.9), DateTime.UtcNow.AddDays(7.1));

        using var client = app.ClientWithToken(created.Token);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(ShirubeApp.AdminUser, me!.UserName);
        Assert.Contains("Administrator", me.Roles);
        Assert.True(me.SeesAllUnits);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CreateToken_WrongPassword_Returns401Problem(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/tokens",
            new { username = ShirubeApp.AdminUser, password = "not-the-password", name = "ci", expiresInDays = 7 });

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Wrong username or password.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateToken_UnknownUser_Returns401LikeAWrongPassword()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { username = "nobody", password = "x", name = "ci" });
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Wrong username or password.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"password":"x","name":"n"}""", "username")]
    [InlineData("""{"username":"admin","name":"n"}""", "password")]
    [InlineData("""{"username":"admin","password":"x"}""", "name")]
    [InlineData("""{"username":"admin","password":"x","name":"n","expiresInDays":400}""", "expiresInDays")]
    public async Task CreateToken_MissingOrInvalidField_Returns400NamingTheField(string body, string field)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsync("/api/auth/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}'");
        Assert.Equal(field == "expiresInDays" ? "Accounts.TokenLifetime" : "Common.Required", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RevokingSomeoneElsesToken_Is404_ForAnyoneButAnAdministrator()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        await Api.CreateUserAsync(admin, "hana", "Hana-Passw0rd-123", ["PsirtAnalyst"], []);
        using var hana = app.ClientWithToken(await app.TokenAsync("hana", "Hana-Passw0rd-123"));
        var adminToken = Assert.Single((await admin.GetFromJsonAsync<TokenListItem[]>("/api/auth/tokens"))!);
        var hanaToken = Assert.Single((await hana.GetFromJsonAsync<TokenListItem[]>("/api/auth/tokens"))!);

        var problem = await Api.AssertProblemAsync(await hana.DeleteAsync($"/api/auth/tokens/{adminToken.Id}"), HttpStatusCode.NotFound);
        Assert.Equal("Accounts.TokenNotFound", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/auth/tokens/{hanaToken.Id}")).StatusCode);
        await Api.AssertProblemAsync(await hana.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RevokedToken_IsRefused(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var client = app.ClientWithToken(await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));
        var tokens = await client.GetFromJsonAsync<TokenListItem[]>("/api/auth/tokens");
        var token = Assert.Single(tokens!);
        Assert.True(token.Active);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/auth/tokens/{token.Id}")).StatusCode);

        await Api.AssertProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MalformedBearerToken_Returns401()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.ClientWithToken("shr_not-a-real-token");
        var response = await client.GetAsync("/api/products");
        await Api.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
            await anonymous.PostAsJsonAsync("/api/auth/tokens", new { username = ShirubeApp.AdminUser, password = "wrong", name = "x" });

        var response = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { username = ShirubeApp.AdminUser, password = ShirubeApp.AdminPassword, name = "x" });

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("locked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredToken_IsHashedNotPlain()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        var secret = await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword);
        await using var db = app.Database.NewContext();
        var stored = Assert.Single(db.ApiTokens.ToList());
        Assert.NotEqual(secret, stored.Hash);
        Assert.Equal(Shirube.Domain.Accounts.ApiTokenSecret.Hash(secret), stored.Hash);
    }

    public sealed record TokenListItem(Guid Id, string Name, string Hint, bool Active);
}
