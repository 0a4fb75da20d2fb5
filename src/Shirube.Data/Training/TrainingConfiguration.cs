using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Training;

namespace Shirube.Data.Training;

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        builder.ToTable("TrainingCourses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TitleEn).HasMaxLength(TrainingCourse.MaxTitle).IsRequired();
        builder.Property(c => c.TitleJa).HasMaxLength(TrainingCourse.MaxTitle).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(TrainingCourse.MaxDescription);
        builder.Property(c => c.Audience).HasMaxLength(TrainingCourse.MaxAudience);
        builder.Property(c => c.FirstServiceId).HasMaxLength(10);
    }
}

internal sealed class TrainingAssignmentConfiguration : IEntityTypeConfiguration<TrainingAssignment>
{
    public void Configure(EntityTypeBuilder<TrainingAssignment> builder)
    {
        builder.ToTable("TrainingAssignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Target).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Role).HasMaxLength(50);
        builder.Property(a => a.AssignedBy).HasMaxLength(256).IsRequired();
        builder.HasMany(a => a.Assignees).WithOne().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Assignees).HasField("_assignees").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TrainingAssigneeConfiguration : IEntityTypeConfiguration<TrainingAssignee>
{
    public void Configure(EntityTypeBuilder<TrainingAssignee> builder)
    {
        builder.ToTable("TrainingAssignees");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        builder.HasIndex(a => new { a.AssignmentId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    public void Configure(EntityTypeBuilder<TrainingCompletion> builder)
    {
        builder.ToTable("TrainingCompletions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<TrainingCourse>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.UserName).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(TrainingCompletion.MaxNote);
        builder.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(c => new { c.CourseId, c.UserId });
    }
}
