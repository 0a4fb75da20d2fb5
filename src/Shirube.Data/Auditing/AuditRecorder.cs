using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shirube.Data.Accounts;
using Shirube.Domain.Auditing;

namespace Shirube.Data.Auditing;

/// <summary>Turns the pending changes of a context into audit entries, before they are saved.</summary>
internal static class AuditRecorder
{
    // Secrets and bookkeeping columns never go into the log.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        nameof(ShirubeUser.PasswordHash), nameof(ShirubeUser.SecurityStamp), nameof(ShirubeUser.ConcurrencyStamp),
        "Hash", nameof(IdentityUserToken<string>.Value),
    };

    // A change to only these is bookkeeping (a failed login, a refreshed stamp), not a change of data.
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        nameof(ShirubeUser.AccessFailedCount), nameof(ShirubeUser.SecurityStamp), nameof(ShirubeUser.ConcurrencyStamp),
    };

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private const int MaxLoggedText = 4000;

    public static void Record(ShirubeDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            // Feed rows (KEV, EPSS) are public data replaced in bulk: their FeedImport record is what the log keeps.
            // Likewise vulnerability records, and an SBOM's components and edges, which come and go with the SBOM row
            // (logged with its counts); a finding's history is itself a log, kept beside the finding's own entries.
            if (entry.Entity is Domain.Exploitation.KevEntry or Domain.Exploitation.EpssScore
                or Components.StoredVulnerability or Components.VulnerabilityPackage or Components.VulnerabilityAlias
                or Domain.Components.ProductComponent or Domain.Components.ComponentDependency or Domain.Components.FindingChange)
                continue;
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit log is append-only: an entry cannot be changed or deleted.");
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Updated,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is null)
                continue;
            // Identity's UpdateAsync marks every column modified: compare values to see what really changed.
            if (action == AuditAction.Updated && entry.Properties.Where(Changed).All(p => Bookkeeping.Contains(p.Metadata.Name)))
                continue;
            entries.Add(AuditEntry.Record(now, db.Actor.UserId, db.Actor.UserName, action.Value,
                entry.Metadata.ClrType.IsGenericType ? entry.Metadata.DisplayName() : entry.Metadata.ClrType.Name, KeyOf(entry),
                action == AuditAction.Created ? null : Snapshot(entry, original: true),
                action == AuditAction.Deleted ? null : Snapshot(entry, original: false), UnitOf(entry)));
        }
        db.AuditEntries.AddRange(entries);
    }

    /// <summary>Marks an entry that only those who see every unit may read.</summary>
    public static readonly Guid AllUnitsOnly = Guid.Empty;

    // Vulnerability cases and assessments are the sensitive data: their rows without a unit of their own (a new report,
    // a comment, an evidence file) are logged for those who see every unit only.
    private static readonly string[] SensitiveNamespaces = [typeof(Shirube.Domain.Cases.VulnerabilityCase).Namespace!, typeof(Shirube.Domain.Assessments.Assessment).Namespace!,
        typeof(Shirube.Domain.Threats.Threat).Namespace!, typeof(Shirube.Domain.Incidents.Incident).Namespace!,
        typeof(Shirube.Domain.Components.Finding).Namespace!];

    // The unit of the changed row, where it has one (products, baselines, assessments, cases); null for data of the
    // whole organisation (accounts, units, catalogs, company baselines).
    private static Guid? UnitOf(EntityEntry entry)
    {
        var sensitive = SensitiveNamespaces.Contains(entry.Metadata.ClrType.Namespace) || entry.Entity is Assessments.EvidenceBlob;
        if (entry.Metadata.FindProperty("BusinessUnitId") is null)
            return sensitive ? AllUnitsOnly : null;
        var unit = (entry.State == EntityState.Deleted ? entry.Property("BusinessUnitId").OriginalValue : entry.Property("BusinessUnitId").CurrentValue) as Guid?;
        return unit ?? (sensitive ? AllUnitsOnly : null);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? string.Empty
            : string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static bool Changed(PropertyEntry property) =>
        property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (Hidden.Contains(property.Metadata.Name))
            {
                // A secret is never logged; that it changed (a new password) is.
                if (entry.State == EntityState.Modified && Changed(property) && property.Metadata.Name != nameof(ShirubeUser.ConcurrencyStamp))
                    values[property.Metadata.Name] = original ? "(secret)" : "(secret, changed)";
                continue;
            }
            var value = original ? property.OriginalValue : property.CurrentValue;
            // Whole documents (an imported catalog, an evidence file) are recorded by size: the log says that they changed.
            values[property.Metadata.Name] = value switch
            {
                string { Length: > MaxLoggedText } text => $"({text.Length} characters)",
                byte[] bytes => $"({bytes.Length} bytes)",
                _ => value,
            };
        }
        return JsonSerializer.Serialize(values, JsonOptions);
    }
}
