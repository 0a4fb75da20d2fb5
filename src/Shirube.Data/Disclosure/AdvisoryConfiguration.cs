using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Cases;
using Shirube.Domain.Disclosure.Advisories;

namespace Shirube.Data.Disclosure;

internal sealed class AdvisoryConfiguration : IEntityTypeConfiguration<Advisory>
{
    public void Configure(EntityTypeBuilder<Advisory> builder)
    {
        builder.ToTable("Advisories");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<VulnerabilityCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CaseId).IsUnique();
        builder.HasIndex(a => a.BusinessUnitId);
        builder.Property(a => a.TrackingId).HasMaxLength(60).IsRequired();
        builder.HasIndex(a => a.TrackingId).IsUnique();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Tlp).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.TitleJa).HasMaxLength(Advisory.MaxTitle).IsRequired();
        builder.Property(a => a.TitleEn).HasMaxLength(Advisory.MaxTitle).IsRequired();
        foreach (var text in new[] { nameof(Advisory.SummaryJa), nameof(Advisory.SummaryEn), nameof(Advisory.DetailsJa), nameof(Advisory.DetailsEn),
            nameof(Advisory.WorkaroundJa), nameof(Advisory.WorkaroundEn), nameof(Advisory.MitigationJa), nameof(Advisory.MitigationEn),
            nameof(Advisory.ImpactJa), nameof(Advisory.ImpactEn) })
            builder.Property<string?>(text).HasMaxLength(Advisory.MaxText);
        foreach (var text in new[] { nameof(Advisory.Acknowledgment), nameof(Advisory.CweName), nameof(Advisory.RevisionSummaryJa), nameof(Advisory.RevisionSummaryEn) })
            builder.Property<string?>(text).HasMaxLength(Advisory.MaxShort);
        builder.Property(a => a.Cvss31Vector).HasMaxLength(300);
        builder.Property(a => a.LastEditedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.SubmittedBy).HasMaxLength(256);
        builder.Property(a => a.ApprovedBy).HasMaxLength(256);
        builder.OwnsMany(a => a.Fixes, fixes =>
        {
            fixes.ToJson();
            fixes.Property(f => f.Url).HasConversion(u => u == null ? null : u.ToString(), s => s == null ? null : new Uri(s));
        });
        builder.Navigation(a => a.Fixes).HasField("_fixes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Revisions).HasField("_revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AdvisoryRevisionConfiguration : IEntityTypeConfiguration<AdvisoryRevision>
{
    public void Configure(EntityTypeBuilder<AdvisoryRevision> builder)
    {
        builder.ToTable("AdvisoryRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.AdvisoryId, r.Number }).IsUnique();
        builder.Property(r => r.SummaryJa).HasMaxLength(Advisory.MaxShort).IsRequired();
        builder.Property(r => r.SummaryEn).HasMaxLength(Advisory.MaxShort).IsRequired();
        builder.Property(r => r.Release).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.PublishedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.ApprovedBy).HasMaxLength(256).IsRequired();
        // The documents as published: kept whole, never rewritten.
        builder.Property(r => r.CsafJa).IsRequired();
        builder.Property(r => r.CsafEn).IsRequired();
    }
}
