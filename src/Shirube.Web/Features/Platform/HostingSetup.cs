using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Shirube.Web.Features.Platform;

/// <summary>
/// Running behind a reverse proxy: X-Forwarded-For/-Proto/-Host are believed only from the proxies and networks
/// configured in <c>Shirube:Hosting:KnownProxies</c> (addresses) and <c>Shirube:Hosting:KnownNetworks</c> (CIDR),
/// so the intake rate limit keys on the real client and nobody else can claim another address. Cookies are Secure
/// outside Development.
/// </summary>
internal static class HostingSetup
{
    public const string Section = "Shirube:Hosting";

    public static IServiceCollection AddHosting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Not even loopback is trusted by default: only what the operator names.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address."));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8)."));
            o.ForwardLimit = Math.Max(1, section.GetValue("ForwardLimit", 1));
        });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecureCookies>();
        services.AddSingleton<IPostConfigureOptions<AntiforgeryOptions>, SecureCookies>();
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the real client and scheme.</summary>
    public static WebApplication UseHosting(this WebApplication app)
    {
        // With no proxy named, the middleware would believe the headers from anyone: then it is not used at all.
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
        return app;
    }

    /// <summary>Sign-in and antiforgery cookies travel over HTTPS only, except on a developer's machine.</summary>
    private sealed class SecureCookies(IHostEnvironment environment) : IPostConfigureOptions<CookieAuthenticationOptions>, IPostConfigureOptions<AntiforgeryOptions>
    {
        private CookieSecurePolicy Policy => environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.Cookie.SecurePolicy = Policy;

        public void PostConfigure(string? name, AntiforgeryOptions options) => options.Cookie.SecurePolicy = Policy;
    }
}
