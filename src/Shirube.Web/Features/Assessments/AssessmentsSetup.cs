namespace Shirube.Web.Features.Assessments;

/// <summary>The assessments and the portfolio view feature: its services and its API.</summary>
internal static class AssessmentsSetup
{
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddScoped<AssessmentViews>();
        services.AddScoped<AssessmentCommands>();
        services.AddSingleton<PortfolioCache>();
        services.AddScoped<PortfolioViews>();
        return services;
    }

    public static WebApplication MapAssessmentsApi(this WebApplication app)
    {
        app.MapAssessmentEndpoints();
        return app;
    }
}
