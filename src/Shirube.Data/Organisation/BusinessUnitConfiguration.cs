using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Data.Accounts;
using Shirube.Domain.Organisation;

namespace Shirube.Data.Organisation;

internal sealed class BusinessUnitConfiguration : IEntityTypeConfiguration<BusinessUnit>
{
    public void Configure(EntityTypeBuilder<BusinessUnit> builder)
    {
        builder.ToTable("BusinessUnits");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.NameEn).HasMaxLength(200).IsRequired();
        builder.Property(u => u.NameJa).HasMaxLength(200).IsRequired();
    }
}

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> builder)
    {
        builder.ToTable("UnitMemberships");
        builder.HasKey(m => new { m.UserId, m.BusinessUnitId });
        builder.HasOne<ShirubeUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BusinessUnit>().WithMany().HasForeignKey(m => m.BusinessUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
