using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Assessments;
using Shirube.Domain.Baselines;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Assessments;

/// <summary>The bytes of an evidence file, kept apart so that listing files never loads them.</summary>
public sealed class EvidenceBlob
{
    /// <summary>The evidence file's id.</summary>
    public Guid Id { get; set; }
    /// <summary>The content.</summary>
    public byte[] Content { get; set; } = [];
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.HasKey(a => a.Id);
        builder.HasOne<Baseline>().WithMany().HasForeignKey(a => a.BaselineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductVersion>().WithMany().HasForeignKey(a => a.ProductVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.BusinessUnitId);
        builder.HasIndex(a => a.ProductId);
        builder.Property(a => a.StartedBy).HasMaxLength(256).IsRequired();
        builder.HasMany(a => a.Entries).WithOne().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AssessmentEntryConfiguration : IEntityTypeConfiguration<AssessmentEntry>
{
    public void Configure(EntityTypeBuilder<AssessmentEntry> builder)
    {
        builder.ToTable("AssessmentEntries");
        builder.HasKey(e => new { e.AssessmentId, e.Key });
        builder.Property(e => e.Key).HasMaxLength(120);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Justification).HasMaxLength(2000);
        builder.Property(e => e.Evidence).HasMaxLength(4000);
        builder.PrimitiveCollection(e => e.Links).HasField("_links");
        builder.Property(e => e.Assessor).HasMaxLength(256).IsRequired();
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<Assessment>().WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.AssessmentId, f.Key });
        builder.Property(f => f.Key).HasMaxLength(120).IsRequired();
        builder.Property(f => f.FileName).HasMaxLength(200).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.UploadedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> builder)
    {
        builder.ToTable("EvidenceBlobs");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasOne<EvidenceFile>().WithOne().HasForeignKey<EvidenceBlob>(b => b.Id).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Content).IsRequired();
    }
}
