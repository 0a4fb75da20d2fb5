using Shirube.Domain.Auditing;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Auditing;

/// <summary>The audit log is read-only for everyone: administrators and auditors may browse it.</summary>
internal static class AuditEndpoints
{
    public static WebApplication MapAuditEndpoints(this WebApplication app)
    {
        app.MapGet("/api/audit", (AuditViews views, string? entityType, string? entityId, string? user, AuditAction? action, DateTime? from, DateTime? to, int? page, int? pageSize) =>
                views.PageAsync(new AuditFilter(entityType, user, action, from?.ToUniversalTime(), to?.ToUniversalTime(), entityId), page ?? 1, pageSize ?? 50))
            .RequireAuthorization(AccountsSetup.AuditReaderPolicy)
            .WithTags("Audit")
            .WithSummary("Browse the audit log, newest first, filtered by entity, user, action and time.");
        return app;
    }
}
