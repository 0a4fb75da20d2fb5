using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Data.Accounts;
using Shirube.Domain.Psirt;
using Shirube.Domain.Stakeholders;

namespace Shirube.Data.Psirt;

internal sealed class PsirtOrganisationConfiguration : IEntityTypeConfiguration<PsirtOrganisation>
{
    public void Configure(EntityTypeBuilder<PsirtOrganisation> builder)
    {
        builder.ToTable("PsirtOrganisation");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Setup).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Notes).HasMaxLength(4000);
    }
}

internal sealed class PsirtMemberConfiguration : IEntityTypeConfiguration<PsirtMember>
{
    public void Configure(EntityTypeBuilder<PsirtMember> builder)
    {
        builder.ToTable("PsirtMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Role).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Commitment).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ShirubeUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(m => m.Fte);
    }
}

internal sealed class RaciAssignmentConfiguration : IEntityTypeConfiguration<RaciAssignment>
{
    public void Configure(EntityTypeBuilder<RaciAssignment> builder)
    {
        builder.ToTable("RaciAssignments");
        builder.HasKey(r => new { r.ServiceId, r.DepartmentId });
        builder.Property(r => r.ServiceId).HasMaxLength(8);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(1);
        builder.HasOne<Stakeholder>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
