using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Platform;

/// <summary>Behind a reverse proxy: forwarded client addresses are believed from configured proxies only; cookies are Secure outside Development.</summary>
public class HostingTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private static async Task<HttpStatusCode> ReportFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
        {
            Content = JsonContent.Create(new { title = "Telnet root login", description = "Port 23 accepts root / admin." }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static async Task<(ShirubeApp App, HttpClient Client)> BehindProxyAsync(Dictionary<string, string> settings)
    {
        settings["Shirube:Intake:ReportsPerHour"] = "1";
        var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, settings: settings);
        // Every request arrives from the proxy's address, as it would on the server behind it.
        var client = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ArrivesFrom(Proxy)))).CreateClient();
        return (app, client);
    }

    [Fact]
    public async Task IntakeRateLimit_BehindAConfiguredProxy_KeysOnTheForwardedClient()
    {
        var (app, client) = await BehindProxyAsync(new() { ["Shirube:Hosting:KnownProxies:0"] = Proxy.ToString() });
        await using var _ = app;
        using var __ = client;
        Assert.Equal(HttpStatusCode.Created, await ReportFromAsync(client, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ReportFromAsync(client, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.Created, await ReportFromAsync(client, "198.51.100.2"));
    }

    [Fact]
    public async Task IntakeRateLimit_FromAnUnconfiguredProxy_IgnoresTheForwardedHeader()
    {
        var (app, client) = await BehindProxyAsync([]);
        await using var _ = app;
        using var __ = client;
        Assert.Equal(HttpStatusCode.Created, await ReportFromAsync(client, "198.51.100.1"));
        // A client cannot claim to be someone else to get a fresh budget.
        Assert.Equal(HttpStatusCode.TooManyRequests, await ReportFromAsync(client, "198.51.100.2"));
    }

    [Theory]
    [InlineData("Testing", true)]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Cookies_AreSecure_OutsideDevelopment(string environment, bool secure)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        // On a developer's plain-HTTP machine the cookie must still work; elsewhere it never leaves HTTPS.
        using var client = app.WithWebHostBuilder(b => b.UseEnvironment(environment))
            .CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(secure ? "https://localhost" : "http://localhost") });
        var response = await client.GetAsync("/account/login");
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("shirube.af=", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class ArrivesFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
