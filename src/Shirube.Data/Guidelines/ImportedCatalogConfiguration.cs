using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shirube.Data.Guidelines;

internal sealed class ImportedCatalogConfiguration : IEntityTypeConfiguration<ImportedCatalog>
{
    public void Configure(EntityTypeBuilder<ImportedCatalog> builder)
    {
        builder.ToTable("ImportedCatalogs");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(60);
        builder.Property(c => c.Title).HasMaxLength(400).IsRequired();
        builder.Property(c => c.Format).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Content).IsRequired();
        builder.Property(c => c.ImportedBy).HasMaxLength(256).IsRequired();
    }
}
