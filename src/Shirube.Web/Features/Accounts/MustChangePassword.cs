using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Accounts;

/// <summary>A user with a one-time password can do nothing but change it.</summary>
internal static class MustChangePassword
{
    public const string ChangePasswordPath = "/account/change-password";

    private static readonly string[] Open = ["/account", "/_blazor", "/_framework", "/_content", "/culture", "/health"];

    public static WebApplication UseMustChangePassword(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            // Static files (anything with an extension) stay reachable: the change-password page needs its styles.
            if (context.User.HasClaim(ShirubeClaims.MustChangePassword, "true") && !Path.HasExtension(path.Value) && !Open.Any(p => path.StartsWithSegments(p)))
            {
                if (path.StartsWithSegments("/api"))
                {
                    await Problems.Forbidden("Change the one-time password first.").ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }
                context.Response.Redirect(ChangePasswordPath);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
        return app;
    }
}
