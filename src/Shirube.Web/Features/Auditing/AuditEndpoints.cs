using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Auditing;
using Shirube.Web.Features.Accounts;

namespace Shirube.Web.Features.Auditing;

internal sealed record AuditEntryDto(long Id, DateTime At, string UserName, string Action, string EntityType, string EntityId, string? Before, string? After);
internal sealed record AuditPage(int Total, int Page, int PageSize, AuditEntryDto[] Entries);

/// <summary>A filter over the audit log, shared by the API and the page.</summary>
internal sealed record AuditFilter(string? EntityType = null, string? User = null, AuditAction? Action = null, DateTime? From = null, DateTime? To = null, string? EntityId = null)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query)
    {
        if (!string.IsNullOrWhiteSpace(EntityType))
            query = query.Where(a => a.EntityType == EntityType);
        if (!string.IsNullOrWhiteSpace(EntityId))
            query = query.Where(a => a.EntityId == EntityId);
        if (!string.IsNullOrWhiteSpace(User))
            query = query.Where(a => a.UserName == User);
        if (Action is { } action)
            query = query.Where(a => a.Action == action);
        if (From is { } from)
            query = query.Where(a => a.At >= from);
        if (To is { } to)
            query = query.Where(a => a.At < to);
        return query;
    }

    public static async Task<AuditPage> PageAsync(ShirubeDbContext db, AuditFilter filter, int page, int pageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var query = filter.Apply(db.AuditEntries.AsNoTracking());
        var total = await query.CountAsync();
        var entries = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new AuditPage(total, page, pageSize,
            [.. entries.Select(a => new AuditEntryDto(a.Id, a.At, a.UserName, a.Action.ToString(), a.EntityType, a.EntityId, a.Before, a.After))]);
    }
}

/// <summary>The audit log is read-only for everyone: administrators and auditors may browse it.</summary>
internal static class AuditEndpoints
{
    public static WebApplication MapAuditEndpoints(this WebApplication app)
    {
        app.MapGet("/api/audit", (ShirubeDbContext db, string? entityType, string? entityId, string? user, AuditAction? action, DateTime? from, DateTime? to, int? page, int? pageSize) =>
                AuditFilter.PageAsync(db, new AuditFilter(entityType, user, action, from?.ToUniversalTime(), to?.ToUniversalTime(), entityId), page ?? 1, pageSize ?? 50))
            .RequireAuthorization(AccountsSetup.AuditReaderPolicy)
            .WithTags("Audit")
            .WithSummary("Browse the audit log, newest first, filtered by entity, user, action and time.");
        return app;
    }
}
