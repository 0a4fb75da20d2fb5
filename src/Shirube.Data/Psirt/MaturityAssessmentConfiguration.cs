using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Psirt;

namespace Shirube.Data.Psirt;

internal sealed class MaturityAssessmentConfiguration : IEntityTypeConfiguration<MaturityAssessment>
{
    public void Configure(EntityTypeBuilder<MaturityAssessment> builder)
    {
        builder.ToTable("MaturityAssessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(MaturityAssessment.MaxTitle).IsRequired();
        builder.Property(a => a.AssessedBy).HasMaxLength(MaturityAssessment.MaxAssessor).IsRequired();
        builder.Property(a => a.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.CompletedBy).HasMaxLength(256);
        builder.HasOne<MaturityAssessment>().WithMany().HasForeignKey(a => a.PreviousId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsCompleted);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MaturityAnswerConfiguration : IEntityTypeConfiguration<MaturityAnswer>
{
    public void Configure(EntityTypeBuilder<MaturityAnswer> builder)
    {
        builder.ToTable("MaturityAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ServiceId).HasMaxLength(10).IsRequired();
        builder.HasIndex(a => new { a.AssessmentId, a.ServiceId }).IsUnique();
        builder.Property(a => a.Practice).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.OwnerDepartment).HasMaxLength(MaturityAnswer.MaxOwner);
        builder.Property(a => a.Evidence).HasMaxLength(MaturityAnswer.MaxEvidence);
        builder.Ignore(a => a.Points);
    }
}
