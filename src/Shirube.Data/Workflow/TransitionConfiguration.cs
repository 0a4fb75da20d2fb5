using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Workflow;

namespace Shirube.Data.Workflow;

/// <summary>
/// The one mapping of <see cref="Transition{TState}"/>: a table per workflow (CaseTransitions, IncidentTransitions), the
/// owner's key in a column named after the owner (CaseId, IncidentId), states as their names.
/// </summary>
internal abstract class TransitionConfiguration<TState>(string table, string ownerColumn) : IEntityTypeConfiguration<Transition<TState>>
    where TState : struct, Enum
{
    public void Configure(EntityTypeBuilder<Transition<TState>> builder)
    {
        builder.ToTable(table);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OwnerId).HasColumnName(ownerColumn);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.By).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Reason).HasMaxLength(1000);
    }
}

/// <summary>The owner's side: its transitions, kept in the field <c>_transitions</c>, go with it when it is deleted.</summary>
internal static class TransitionMapping
{
    public static void HasTransitions<TOwner, TState>(this EntityTypeBuilder<TOwner> owner, Expression<Func<TOwner, IEnumerable<Transition<TState>>?>> transitions)
        where TOwner : class
        where TState : struct, Enum
    {
        owner.HasMany(transitions).WithOne().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
        owner.Navigation(transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
