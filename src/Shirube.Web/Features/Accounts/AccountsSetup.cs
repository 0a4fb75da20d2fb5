using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Shirube.Data;
using Shirube.Data.Accounts;
using Shirube.Domain.Accounts;

namespace Shirube.Web.Features.Accounts;

/// <summary>Local accounts (ASP.NET Core Identity), cookie and bearer-token sign-in, roles and policies.</summary>
internal static class AccountsSetup
{
    public const string SmartScheme = "Shirube";
    public const string WriterPolicy = "Writer";
    public const string AuditReaderPolicy = "AuditReader";
    public const string AdministratorPolicy = "Administrator";
    public const string SeeAllUnitsPolicy = "SeeAllUnits";
    /// <summary>Administrators and PSIRT managers: they change the stakeholder registry and the PSIRT's organisation.</summary>
    public const string PsirtLeadPolicy = "PsirtLead";
    public const string PsirtPolicy = "Psirt";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();
        services.AddScoped<AccountCommands>();
        services.AddScoped<ApiTokenViews>();
        services.AddScoped<ApiTokenCommands>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<ShirubeUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ShirubeDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ShirubeClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        // Unit memberships and roles travel in the cookie; a change updates the security stamp, checked every minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "shirube.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "shirube.af";
            // SecurityHeadersMiddleware sends X-Frame-Options: DENY already.
            o.SuppressXFrameOptionsHeader = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(WriterPolicy, p => p.RequireRole(Roles.Writers))
            .AddPolicy(AuditReaderPolicy, p => p.RequireRole(Roles.Administrator, Roles.Auditor))
            .AddPolicy(AdministratorPolicy, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(SeeAllUnitsPolicy, p => p.RequireRole(Roles.SeeAllUnits))
            .AddPolicy(PsirtLeadPolicy, p => p.RequireRole(Roles.PsirtLeads))
            .AddPolicy(PsirtPolicy, p => p.RequireRole(Roles.Psirt));
        services.AddCascadingAuthenticationState();
        return services;
    }

    // The API answers 401/403 (ProblemDetails via status-code pages) instead of redirecting to the login page.
    private static Task ApiAwareRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication MapAccountsApi(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapApiTokenEndpoints();
        return app;
    }
}
