namespace Shirube.Domain.Baselines;

/// <summary>A published version of a baseline, kept as it was so that versions can be compared.</summary>
public sealed class BaselineSnapshot
{
    private BaselineSnapshot() => Lines = [];

    /// <summary>The baseline.</summary>
    public Guid BaselineId { get; private set; }
    /// <summary>The version number.</summary>
    public int Version { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime PublishedAt { get; private set; }
    /// <summary>Every line as it was.</summary>
    public IReadOnlyList<SnapshotLine> Lines { get; private set; }

    /// <summary>Takes the snapshot of a baseline just published.</summary>
    public static BaselineSnapshot Of(Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.PublishedVersion == 0 || baseline.PublishedAt is null)
            throw new InvalidOperationException("Only a published baseline has a snapshot.");
        return new BaselineSnapshot
        {
            BaselineId = baseline.Id,
            Version = baseline.PublishedVersion,
            PublishedAt = baseline.PublishedAt.Value,
            Lines = [.. baseline.Items.Select(SnapshotLine.Of)],
        };
    }
}
