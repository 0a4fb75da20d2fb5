using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Identity;
using Shirube.Data.Accounts;

namespace Shirube.Web.Features.Localization;

/// <summary>Japanese and English: chosen from the cookie, else Accept-Language; switched and remembered per user.</summary>
internal static class LocalizationSetup
{
    public static readonly string[] Cultures = ["ja", "en"];
    public const string DefaultCulture = "en";

    public static IServiceCollection AddShirubeLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static WebApplication UseShirubeLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>Normalises a requested culture to "ja" or "en", or null when it is neither.</summary>
    public static string? Normalise(string? culture) =>
        Cultures.FirstOrDefault(c => culture is not null && culture.StartsWith(c, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the culture cookie that the next requests are rendered in.</summary>
    public static void WriteCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = response.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });

    public static WebApplication MapCultureEndpoints(this WebApplication app)
    {
        // A form post from the language switch in the app bar (antiforgery-checked).
        app.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, UserManager<ShirubeUser> users) =>
        {
            var chosen = Normalise(culture) ?? DefaultCulture;
            WriteCultureCookie(http.Response, chosen);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
            {
                user.PreferredCulture = chosen;
                await users.UpdateAsync(user);
            }
            return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
