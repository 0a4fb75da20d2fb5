namespace Shirube.Domain.Auditing;

/// <summary>What happened to a record.</summary>
public enum AuditAction
{
    /// <summary>The record was created.</summary>
    Created,
    /// <summary>The record was changed.</summary>
    Updated,
    /// <summary>The record was deleted.</summary>
    Deleted,
}

/// <summary>One change of domain data: who, when, what, before and after. Never changed once written.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        EntityType = string.Empty;
        EntityId = string.Empty;
        UserName = string.Empty;
    }

    /// <summary>Sequence number.</summary>
    public long Id { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime At { get; private set; }
    /// <summary>The acting user's id, or null for the system.</summary>
    public string? UserId { get; private set; }
    /// <summary>The acting user's name, or "system".</summary>
    public string UserName { get; private set; }
    /// <summary>Created, updated or deleted.</summary>
    public AuditAction Action { get; private set; }
    /// <summary>The kind of record, e.g. "Product".</summary>
    public string EntityType { get; private set; }
    /// <summary>The record's key.</summary>
    public string EntityId { get; private set; }
    /// <summary>The values before (JSON), null on create.</summary>
    public string? Before { get; private set; }
    /// <summary>The values after (JSON), null on delete.</summary>
    public string? After { get; private set; }

    /// <summary>
    /// The business unit the changed data belongs to, when it has one: only those who see that unit (or every unit)
    /// read the entry, so that the log never shows another unit's unpublished vulnerabilities.
    /// </summary>
    public Guid? BusinessUnitId { get; private set; }

    /// <summary>Records a change.</summary>
    public static AuditEntry Record(DateTime at, string? userId, string userName, AuditAction action,
        string entityType, string entityId, string? before, string? after, Guid? businessUnitId = null) => new()
        {
            BusinessUnitId = businessUnitId,
            At = at,
            UserId = userId,
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before,
            After = after,
        };
}
