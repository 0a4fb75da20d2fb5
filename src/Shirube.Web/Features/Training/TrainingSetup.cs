namespace Shirube.Web.Features.Training;

/// <summary>The training feature: its services and its API.</summary>
internal static class TrainingSetup
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddScoped<TrainingViews>();
        services.AddScoped<TrainingCommands>();
        return services;
    }

    public static WebApplication MapTrainingApi(this WebApplication app)
    {
        app.MapTrainingEndpoints();
        return app;
    }
}
