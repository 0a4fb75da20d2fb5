using Microsoft.Extensions.Caching.Memory;

namespace Shirube.Web.Features.Assessments;

/// <summary>
/// What the portfolio view derives from immutable data, shared by every actor: the scoring plan of a published
/// baseline version (with the catalog it was described against) and the heat map figures of a completed assessment.
/// Visibility is applied by the queries that pick the keys, never here; nothing per actor is stored. Bounded in size.
/// </summary>
internal sealed class PortfolioCache : IDisposable
{
    /// <summary>How many entries the cache holds at most (each entry counts one).</summary>
    public const int Capacity = 20_000;

    private static readonly TimeSpan Sliding = TimeSpan.FromHours(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The value stored under <paramref name="key"/>, if any.</summary>
    public bool TryGet<T>(object key, out T value) where T : class
    {
        if (_cache.TryGetValue(key, out var found) && found is T typed)
        {
            value = typed;
            return true;
        }
        value = null!;
        return false;
    }

    /// <summary>Stores an immutable value under <paramref name="key"/>.</summary>
    public void Set(object key, object value)
    {
        using var entry = _cache.CreateEntry(key);
        entry.Value = value;
        entry.Size = 1;
        entry.SlidingExpiration = Sliding;
    }

    public void Dispose() => _cache.Dispose();
}
