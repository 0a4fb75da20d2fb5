using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shirube.Data;
using Shirube.Testing;

namespace Shirube.Web.Tests.Infrastructure;

/// <summary>The web app on a fresh database of one provider, with a configured bootstrap administrator.</summary>
public sealed class ShirubeApp : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Admin-Passw0rd-Test";

    private readonly TestDatabase _database;
    private readonly bool _bootstrapFromSettings;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider? _clock;
    private readonly Action<IServiceCollection>? _services;

    private ShirubeApp(TestDatabase database, bool bootstrapFromSettings, IReadOnlyDictionary<string, string>? settings, TimeProvider? clock,
        Action<IServiceCollection>? services)
    {
        _clock = clock;
        _services = services;
        _database = database;
        _bootstrapFromSettings = bootstrapFromSettings;
        _settings = settings ?? new Dictionary<string, string>();
        // Cookies are Secure outside Development, so the test client speaks as a browser on HTTPS would.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public TestDatabase Database => _database;

    /// <summary>Starts the app; <paramref name="services"/> replaces services for the test (a fake matcher, a fake SBOM reader).</summary>
    public static async Task<ShirubeApp> StartAsync(DatabaseProvider provider, bool bootstrapFromSettings = true, IReadOnlyDictionary<string, string>? settings = null,
        TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var app = new ShirubeApp(await TestDatabase.CreateAsync(provider, migrate: false), bootstrapFromSettings, settings, clock, services);
        _ = app.Server; // start now: migrations and bootstrap run here
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Shirube", _database.ConnectionString);
        builder.UseSetting("Bootstrap:AdminUser", _bootstrapFromSettings ? AdminUser : "");
        builder.UseSetting("Bootstrap:AdminPassword", _bootstrapFromSettings ? AdminPassword : "");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    /// <summary>A client that sends the given bearer token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Gets a token through the public endpoint, as a script would.</summary>
    public async Task<string> TokenAsync(string user, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/tokens", new { username = user, password, name = "test", expiresInDays = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
    }

    /// <summary>An admin client.</summary>
    public async Task<HttpClient> AdminAsync() => ClientWithToken(await TokenAsync(AdminUser, AdminPassword));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    public sealed record TokenResponse(string Token, Guid Id, string Name, DateTime ExpiresAt);
}
