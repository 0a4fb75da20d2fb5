namespace Shirube.Web.Features.Notices;

/// <summary>The notice centre's API.</summary>
internal static class NoticeEndpoints
{
    public static WebApplication MapNoticeEndpoints(this WebApplication app)
    {
        app.MapGet("/api/notices", async (NoticeViews notices) => TypedResults.Ok(await notices.ListAsync()))
            .RequireAuthorization().WithTags("Notices")
            .WithSummary("The caller's notices, from the data they may see: CRA reports due within 12 hours or overdue, incident notifications past their target, product versions near or past the end of security support.");
        return app;
    }
}
