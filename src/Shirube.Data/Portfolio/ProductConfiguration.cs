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
    }
}
