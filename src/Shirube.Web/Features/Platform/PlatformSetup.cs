using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Shirube.Data;

namespace Shirube.Web.Features.Platform;

/// <summary>Database, ProblemDetails, OpenAPI, health and security headers.</summary>
internal static class PlatformSetup
{
    public static IServiceCollection AddShirubePlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddShirubeData(configuration);
        services.AddHosting(configuration);
        services.AddProblemDetails();
        services.AddSingleton<ErrorText>();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddScoped<PageErrors>();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<ShirubeDbContext>("database");
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    public static WebApplication UseShirubePlatform(this WebApplication app)
    {
        app.UseHosting();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // API errors without a body (401, 403, 404, 405...) become ProblemDetails; pages keep their own.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        return app;
    }

    public static WebApplication MapShirubePlatformEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Shirube API")).AllowAnonymous();
        return app;
    }

    /// <summary>Applies pending migrations and creates the bootstrap administrator, before the app listens.</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Accounts.CurrentActor>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ShirubeDbContext>();
        var applied = await DatabaseMigrator.MigrateAsync(db).ConfigureAwait(false);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Shirube.Database");
        StartupLog.DatabaseReady(logger, db.Database.ProviderName ?? "?", applied);
        await Accounts.BootstrapAdministrator.EnsureAsync(scope.ServiceProvider).ConfigureAwait(false);
        if (!await db.RiskClasses.AnyAsync().ConfigureAwait(false))
        {
            db.RiskClasses.AddRange(Shirube.Domain.Portfolio.RiskClass.Defaults());
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
        await scope.ServiceProvider.GetRequiredService<Risk.RiskMatrixCommands>().EnsureAsync().ConfigureAwait(false);
        if (!await db.Stakeholders.AnyAsync().ConfigureAwait(false))
        {
            db.Stakeholders.AddRange(Shirube.Domain.Stakeholders.Stakeholder.Defaults());
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
        _ = scope.ServiceProvider.GetRequiredService<Guidelines.CatalogProvider>().Current;
    }
}
