using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Risk;

namespace Shirube.Data.Risk;

internal sealed class RiskMatrixConfiguration : IEntityTypeConfiguration<RiskMatrix>
{
    public void Configure(EntityTypeBuilder<RiskMatrix> builder)
    {
        builder.ToTable("RiskMatrices");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasMany(m => m.Steps).WithOne().HasForeignKey(s => s.MatrixId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Cells).WithOne().HasForeignKey(c => c.MatrixId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Cells).HasField("_cells").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RiskScaleStepConfiguration : IEntityTypeConfiguration<RiskScaleStep>
{
    public void Configure(EntityTypeBuilder<RiskScaleStep> builder)
    {
        builder.ToTable("RiskScaleSteps");
        builder.HasKey(s => new { s.MatrixId, s.Axis, s.Value });
        builder.Property(s => s.Axis).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.NameEn).HasMaxLength(60).IsRequired();
        builder.Property(s => s.NameJa).HasMaxLength(60).IsRequired();
        builder.Property(s => s.DescriptionEn).HasMaxLength(500).IsRequired();
        builder.Property(s => s.DescriptionJa).HasMaxLength(500).IsRequired();
    }
}

internal sealed class RiskMatrixCellConfiguration : IEntityTypeConfiguration<RiskMatrixCell>
{
    public void Configure(EntityTypeBuilder<RiskMatrixCell> builder)
    {
        builder.ToTable("RiskMatrixCells");
        builder.HasKey(c => new { c.MatrixId, c.Likelihood, c.Impact });
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
    }
}
