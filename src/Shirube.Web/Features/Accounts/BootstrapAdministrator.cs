using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Shirube.Data.Accounts;
using Shirube.Domain.Accounts;
using Shirube.Web.Features.Platform;

namespace Shirube.Web.Features.Accounts;

/// <summary>
/// On first start, with no account yet: the roles, and an administrator — from Bootstrap:AdminUser and
/// Bootstrap:AdminPassword when both are set, otherwise "admin" with a one-time password printed on the
/// console that must be changed at first login.
/// </summary>
internal static class BootstrapAdministrator
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false), $"create role {role}");
        }

        var users = services.GetRequiredService<UserManager<ShirubeUser>>();
        if (users.Users.Any())
            return;

        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Shirube.Bootstrap");
        var name = configuration["Bootstrap:AdminUser"];
        var password = configuration["Bootstrap:AdminPassword"];
        var configured = !string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(password);
        if (!configured)
        {
            name = "admin";
            password = GeneratePassword();
        }
        var admin = new ShirubeUser { UserName = name, DisplayName = "Administrator", MustChangePassword = !configured };
        Check(await users.CreateAsync(admin, password!).ConfigureAwait(false), $"create the administrator '{name}'");
        Check(await users.AddToRoleAsync(admin, Roles.Administrator).ConfigureAwait(false), "make the administrator an Administrator");
        if (configured)
        {
            StartupLog.AdministratorFromSettings(logger, name!);
        }
        else
        {
            // Printed once on the console, never logged to files: the operator needs it to sign in.
            Console.WriteLine();
            Console.WriteLine("==================================================================");
            Console.WriteLine($" Shirube: first start. Sign in as '{name}' with the one-time password");
            Console.WriteLine($"     {password}");
            Console.WriteLine(" You will be asked to choose a new password.");
            Console.WriteLine("==================================================================");
            Console.WriteLine();
            StartupLog.AdministratorWithOneTimePassword(logger, name!);
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        string password;
        do
        {
            password = RandomNumberGenerator.GetString(alphabet, 20);
        }
        while (!(password.Any(char.IsAsciiLetterUpper) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiDigit)));
        return password;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
