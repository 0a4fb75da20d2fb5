using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Vulnerabilities.Suppliers;

namespace Shirube.Data.Vulnerabilities;

internal sealed class SupplierProviderConfiguration : IEntityTypeConfiguration<SupplierProvider>
{
    public void Configure(EntityTypeBuilder<SupplierProvider> builder)
    {
        builder.ToTable("SupplierProviders");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(SupplierProvider.MaxName).IsRequired();
        builder.Property(p => p.MetadataUrl).HasConversion(u => u.ToString(), s => new Uri(s)).HasMaxLength(SupplierProvider.MaxUrl).IsRequired();
        builder.HasIndex(p => p.MetadataUrl).IsUnique();
        builder.Property(p => p.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.LastOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.LastError).HasMaxLength(4000);
        // The refusals of the last sync only, replaced by each sync: kept whole beside the provider.
        builder.OwnsMany(p => p.Refusals, refusals => refusals.ToJson());
        builder.Navigation(p => p.Refusals).HasField("_refusals").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
