namespace Shirube.Web.Features.Training;

/// <summary>Training (FIRST service area 6): courses, assignments to roles or users, completion records, the overdue list.</summary>
internal static class TrainingEndpoints
{
    public static WebApplication MapTrainingEndpoints(this WebApplication app)
    {
        var training = app.MapGroup("/api/training").WithTags("Training").RequireAuthorization();
        training.MapGet("/courses", async (TrainingViews views) => TypedResults.Ok(await views.CoursesAsync()))
            .WithSummary("Every course.");
        training.MapPost("/courses", async (CourseRequest request, TrainingCommands commands) =>
        {
            var course = await commands.CreateCourseAsync(request);
            return TypedResults.Created($"/api/training/courses/{course.Id}", course);
        }).RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers))
          .WithSummary("Create a course: titles in English and Japanese, description, audience, duration in minutes, validity in months for recurring training, the FIRST service it serves (e.g. 6.1).");
        training.MapPut("/courses/{id:guid}", async (Guid id, CourseRequest request, TrainingCommands commands) => TypedResults.Ok(await commands.UpdateCourseAsync(id, request)))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers)).WithSummary("Change a course.");

        training.MapGet("/assignments", async (TrainingViews views) => TypedResults.Ok(await views.AssignmentsAsync()))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers)).WithSummary("Every assignment with its assignees.");
        training.MapPost("/assignments", async (AssignmentRequest request, TrainingCommands commands) =>
        {
            var assignment = await commands.AssignAsync(request);
            return TypedResults.Created($"/api/training/assignments/{assignment.Id}", assignment);
        }).RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers))
          .WithSummary("Assign a course to every holder of a role (Administrator, PsirtManager, PsirtAnalyst, ProductOwner, Auditor) or to one user, due on a date.");
        training.MapPost("/assignments/{id:guid}/refresh", async (Guid id, TrainingCommands commands) => TypedResults.Ok(await commands.RefreshAsync(id)))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Managers))
            .WithSummary("Add the users who received the role since the assignment was made (nobody is removed).");

        training.MapGet("/status", async (TrainingViews views) => TypedResults.Ok(await views.StatusAsync()))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers)).WithSummary("Every assignee's standing: Open, Done, Overdue or Expired.");
        training.MapGet("/overdue", async (TrainingViews views) => TypedResults.Ok(await views.StatusAsync(needsAction: true)))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers))
            .WithSummary("Assignments past their due date and not completed, and completions whose validity has run out.");
        training.MapGet("/mine", async (TrainingViews views) => TypedResults.Ok(await views.MineAsync()))
            .WithSummary("The caller's own assigned training and where they stand.");

        training.MapGet("/completions", async (TrainingViews views) => TypedResults.Ok(await views.CompletionsAsync()))
            .RequireAuthorization(p => p.RequireRole(TrainingRoster.Readers)).WithSummary("Every completion record.");
        training.MapPost("/completions", async (CompletionRequest request, TrainingCommands commands) =>
        {
            var completion = await commands.RecordAsync(request);
            return TypedResults.Created($"/api/training/completions/{completion.Id}", completion);
        }).WithSummary("Record a completion: your own (no userId), or, for managers, anyone's.");
        return app;
    }
}
