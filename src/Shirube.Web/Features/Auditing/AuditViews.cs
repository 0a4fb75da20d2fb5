using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Accounts;
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
}

/// <summary>Reads of the audit log, which is read-only for everyone: administrators and auditors browse it.</summary>
internal sealed class AuditViews(IDbContextFactory<ShirubeDbContext> contexts, CurrentActor actor)
{
    private static readonly string[] Readers = [Roles.Administrator, Roles.Auditor];

    /// <summary>One page of the entries the filter lets through, newest first (at most 500 a page).</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(filter);
        actor.Require(Readers);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await contexts.CreateDbContextAsync();
        var query = filter.Apply(db.AuditEntries.AsNoTracking());
        var total = await query.CountAsync();
        var entries = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Before, a.After })
            .ToListAsync();
        return new AuditPage(total, page, pageSize,
            [.. entries.Select(a => new AuditEntryDto(a.Id, a.At, a.UserName, a.Action.ToString(), a.EntityType, a.EntityId, a.Before, a.After))]);
    }

    /// <summary>The entity types that appear in the log, for the filter.</summary>
    public async Task<List<string>> EntityTypesAsync()
    {
        actor.Require(Readers);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync();
    }
}
