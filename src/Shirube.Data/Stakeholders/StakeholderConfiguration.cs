using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Stakeholders;

namespace Shirube.Data.Stakeholders;

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> builder)
    {
        builder.ToTable("Stakeholders");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.Kind);
        builder.Property(s => s.NameJa).HasMaxLength(200).IsRequired();
        builder.Property(s => s.NameEn).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(50);
        builder.Property(s => s.WebPage).HasMaxLength(500);
        builder.Property(s => s.PreferredLanguage).HasMaxLength(35);
        builder.Property(s => s.EncryptionKey).HasMaxLength(8000);
        builder.Property(s => s.Notes).HasMaxLength(4000);
        builder.PrimitiveCollection(s => s.PurlKeys).HasField("_purlKeys");
        builder.PrimitiveCollection(s => s.CpeVendors).HasField("_cpeVendors");
        builder.PrimitiveCollection(s => s.ProductIds).HasField("_productIds");
        builder.Ignore(s => s.ContactToBeConfirmed);
    }
}
