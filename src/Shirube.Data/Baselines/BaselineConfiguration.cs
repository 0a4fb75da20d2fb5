using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Baselines;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Baselines;

internal sealed class BaselineConfiguration : IEntityTypeConfiguration<Baseline>
{
    public void Configure(EntityTypeBuilder<Baseline> builder)
    {
        builder.ToTable("Baselines");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).HasMaxLength(200).IsRequired();
        builder.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.BusinessUnitId);
        builder.Property(b => b.Field).HasMaxLength(50);
        builder.HasOne<Baseline>().WithMany().HasForeignKey(b => b.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(b => b.IsCompany);
        builder.HasMany(b => b.Items).WithOne().HasForeignKey(i => i.BaselineId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(b => b.Decisions).WithOne().HasForeignKey(d => d.BaselineId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ControlDecisionConfiguration : IEntityTypeConfiguration<ControlDecision>
{
    public void Configure(EntityTypeBuilder<ControlDecision> builder)
    {
        builder.ToTable("BaselineControlDecisions");
        builder.HasKey(d => new { d.BaselineId, d.ControlId });
        builder.Property(d => d.ControlId).HasMaxLength(60);
        builder.Property(d => d.Reason).HasMaxLength(1000).IsRequired();
    }
}

internal sealed class BaselineItemConfiguration : IEntityTypeConfiguration<BaselineItem>
{
    public void Configure(EntityTypeBuilder<BaselineItem> builder)
    {
        builder.ToTable("BaselineItems");
        builder.HasKey(i => i.Id);
        // Ids are made in the domain: an item found through the baseline navigation is new, not an update.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Key).HasMaxLength(120).IsRequired();
        builder.HasIndex(i => new { i.BaselineId, i.Key }).IsUnique();
        builder.Property(i => i.GuidelineId).HasMaxLength(60);
        builder.Property(i => i.RequirementId).HasMaxLength(60);
        builder.Property(i => i.Level).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.ExclusionReason).HasMaxLength(1000);
        builder.Property(i => i.TitleEn).HasMaxLength(500);
        builder.Property(i => i.TitleJa).HasMaxLength(500);
    }
}
