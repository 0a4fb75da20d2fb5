using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Threats;

namespace Shirube.Data.Threats;

internal sealed class ThreatConfiguration : IEntityTypeConfiguration<Threat>
{
    public void Configure(EntityTypeBuilder<Threat> builder)
    {
        builder.ToTable("Threats");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Product>().WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.BusinessUnitId);
        builder.Property(t => t.Title).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.Part).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Stride).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Owner).HasMaxLength(256);
        builder.Property(t => t.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Justification).HasMaxLength(2000);
        builder.HasMany(t => t.Countermeasures).WithOne().HasForeignKey(c => c.ThreatId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Countermeasures).HasField("_countermeasures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CountermeasureConfiguration : IEntityTypeConfiguration<Countermeasure>
{
    public void Configure(EntityTypeBuilder<Countermeasure> builder)
    {
        builder.ToTable("Countermeasures");
        builder.HasKey(c => c.Id);
        // Ids are made in the domain: a countermeasure found through the threat navigation is new, not an update.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Text).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(c => c.RequirementKeys).HasField("_requirementKeys");
    }
}
