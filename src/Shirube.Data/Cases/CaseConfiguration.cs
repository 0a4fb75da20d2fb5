using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Cases;
using Shirube.Data.Workflow;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<VulnerabilityCase>
{
    public void Configure(EntityTypeBuilder<VulnerabilityCase> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(30).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(VulnerabilityCase.MaxTitle).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(VulnerabilityCase.MaxDescription).IsRequired();
        builder.Property(c => c.ReportedProduct).HasMaxLength(200);
        builder.Property(c => c.ReporterEmail).HasMaxLength(254);
        builder.Property(c => c.TrackingHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.TrackingHash).IsUnique();
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.BusinessUnitId);
        builder.PrimitiveCollection(c => c.AffectedVersions).HasField("_affectedVersions");
        builder.PrimitiveCollection(c => c.FixedVersions).HasField("_fixedVersions");
        builder.Property(c => c.Cwe).HasMaxLength(12);
        builder.Property(c => c.CveId).HasMaxLength(30);
        builder.HasIndex(c => c.CveId);
        builder.Property(c => c.RootCause).HasMaxLength(4000);
        builder.Property(c => c.CvssVector).HasMaxLength(300);
        builder.Property(c => c.RemediationPlan).HasMaxLength(8000);
        builder.Property(c => c.Credit).HasMaxLength(200);
        builder.Property(c => c.Resolution).HasMaxLength(1000);
        builder.HasTransitions(c => c.Transitions);
        builder.HasMany(c => c.Comments).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Comments).HasField("_comments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseTransitionConfiguration() : TransitionConfiguration<CaseState>("CaseTransitions", "CaseId");

internal sealed class CaseCommentConfiguration : IEntityTypeConfiguration<CaseComment>
{
    public void Configure(EntityTypeBuilder<CaseComment> builder)
    {
        builder.ToTable("CaseComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Author).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(8000).IsRequired();
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("CaseAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<VulnerabilityCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CaseId);
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
    }
}
