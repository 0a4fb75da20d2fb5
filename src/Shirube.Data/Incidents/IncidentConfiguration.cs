using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Data.Workflow;
using Shirube.Domain.Cases;
using Shirube.Domain.Incidents;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Number).HasMaxLength(30).IsRequired();
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.Title).HasMaxLength(Incident.MaxTitle).IsRequired();
        builder.Property(i => i.Summary).HasMaxLength(Incident.MaxSummary).IsRequired();
        builder.Property(i => i.UserAction).HasMaxLength(Incident.MaxUserAction);
        builder.Property(i => i.OpenedBy).HasMaxLength(256).IsRequired();
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<VulnerabilityCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.BusinessUnitId);
        builder.PrimitiveCollection(i => i.AffectedVersions).HasField("_affectedVersions");
        builder.HasTransitions(i => i.Transitions);
        builder.HasMany(i => i.Timeline).WithOne().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(i => i.Notifications).WithOne().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Notifications).HasField("_notifications").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(i => i.Statements).WithOne().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Statements).HasField("_statements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IncidentTransitionConfiguration() : TransitionConfiguration<IncidentState>("IncidentTransitions", "IncidentId");

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("IncidentTimeline");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Text).HasMaxLength(4000).IsRequired();
        builder.Property(t => t.By).HasMaxLength(256).IsRequired();
    }
}

internal sealed class IncidentNotificationConfiguration : IEntityTypeConfiguration<IncidentNotification>
{
    public void Configure(EntityTypeBuilder<IncidentNotification> builder)
    {
        builder.ToTable("IncidentNotifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Group).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Recipient).HasMaxLength(200).IsRequired();
        builder.Property(n => n.By).HasMaxLength(256).IsRequired();
        builder.Property(n => n.Note).HasMaxLength(2000);
    }
}

internal sealed class IncidentStatementConfiguration : IEntityTypeConfiguration<IncidentStatement>
{
    public void Configure(EntityTypeBuilder<IncidentStatement> builder)
    {
        builder.ToTable("IncidentStatements");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Language).HasMaxLength(2).IsRequired();
        builder.HasIndex(s => new { s.IncidentId, s.Language }).IsUnique();
        builder.Property(s => s.Text).HasMaxLength(Incident.MaxStatement).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.EditedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.ApprovedBy).HasMaxLength(256);
    }
}

internal sealed class NotificationRuleConfiguration : IEntityTypeConfiguration<NotificationRule>
{
    public void Configure(EntityTypeBuilder<NotificationRule> builder)
    {
        builder.ToTable("NotificationRules");
        builder.HasKey(r => new { r.Severity, r.Group });
        builder.Property(r => r.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Group).HasConversion<string>().HasMaxLength(20);
        // A new installation starts with the default matrix; PSIRT managers change it on /incidents/matrix.
        builder.HasData(NotificationMatrix.Default());
    }
}
