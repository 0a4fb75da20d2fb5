using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Baselines;

namespace Shirube.Data.Baselines;

internal sealed class BaselineSnapshotConfiguration : IEntityTypeConfiguration<BaselineSnapshot>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<BaselineSnapshot> builder)
    {
        builder.ToTable("BaselineSnapshots");
        builder.HasKey(s => new { s.BaselineId, s.Version });
        builder.Property(s => s.Version).ValueGeneratedNever();
        builder.HasOne<Baseline>().WithMany().HasForeignKey(s => s.BaselineId).OnDelete(DeleteBehavior.Cascade);
        // A published version is read whole and never queried inside: one JSON document per version.
        builder.Property(s => s.Lines).HasConversion(
            lines => JsonSerializer.Serialize(lines, Json),
            text => JsonSerializer.Deserialize<List<SnapshotLine>>(text, Json) ?? new List<SnapshotLine>(),
            new ValueComparer<IReadOnlyList<SnapshotLine>>(
                (a, b) => a!.SequenceEqual(b!),
                lines => lines.Aggregate(0, (h, l) => HashCode.Combine(h, l.GetHashCode())),
                lines => lines.ToList()));
    }
}
