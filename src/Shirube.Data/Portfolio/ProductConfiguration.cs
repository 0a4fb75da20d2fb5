using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Portfolio;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Field).HasMaxLength(50).IsRequired();
        builder.PrimitiveCollection(p => p.Parts).HasField("_parts").ElementType().HasConversion<string>();
        builder.HasOne<BusinessUnit>().WithMany().HasForeignKey(p => p.BusinessUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.BusinessUnitId);
        builder.Ignore(p => p.PartGroups);
        builder.Ignore(p => p.RequiredLevel);
        builder.Property(p => p.RequiredLevelSet).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Sector).HasMaxLength(30);
        builder.PrimitiveCollection(p => p.Markets).HasField("_markets");
        builder.PrimitiveCollection(p => p.Owners).HasField("_owners");
        builder.PrimitiveCollection(p => p.Guidelines).HasField("_guidelines");
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProductVersionConfiguration : IEntityTypeConfiguration<ProductVersion>
{
    public void Configure(EntityTypeBuilder<ProductVersion> builder)
    {
        builder.ToTable("ProductVersions");
        builder.HasKey(v => v.Id);
        // Ids are made in the domain: a version found through the product navigation is new, not an update.
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Version).HasMaxLength(50).IsRequired();
        builder.HasIndex(v => new { v.ProductId, v.Version }).IsUnique();
    }
}

internal sealed class RiskClassConfiguration : IEntityTypeConfiguration<RiskClass>
{
    public void Configure(EntityTypeBuilder<RiskClass> builder)
    {
        builder.ToTable("RiskClasses");
        builder.HasKey(c => c.Level);
        builder.Property(c => c.Level).ValueGeneratedNever();
        builder.Property(c => c.NameEn).HasMaxLength(100).IsRequired();
        builder.Property(c => c.NameJa).HasMaxLength(100).IsRequired();
        builder.Property(c => c.DescriptionEn).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.DescriptionJa).HasMaxLength(1000).IsRequired();
    }
}
