using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain.Components;
using Shirube.Domain.Vulnerabilities;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Web.Features.Components;

/// <summary>Finds the vulnerabilities of a product version's components.</summary>
internal interface IComponentMatcher
{
    /// <summary>The matches of components that ship together; <paramref name="db"/> serves to load the records on first use.</summary>
    Task<IReadOnlyList<ComponentMatch>> MatchAsync(ShirubeDbContext db, IReadOnlyList<SbomComponent> components, CancellationToken ct = default);

    /// <summary>Takes a new or changed record into the index (a feed import calls it after storing the record).</summary>
    void Upsert(VulnerabilityRecord record);
}

/// <summary>
/// The application's one <see cref="VulnerabilityIndex"/>, built from the stored records on first use and kept up to
/// date by <see cref="Upsert"/>: matching a version never reads every record again.
/// </summary>
internal sealed class IndexMatcher : IComponentMatcher, IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private VulnerabilityIndex? _index;

    public async Task<IReadOnlyList<ComponentMatch>> MatchAsync(ShirubeDbContext db, IReadOnlyList<SbomComponent> components, CancellationToken ct = default)
    {
        var index = _index ?? await LoadAsync(db, ct);
        return index.Match(components);
    }

    public void Upsert(VulnerabilityRecord record) => _index?.Upsert(record);

    private async Task<VulnerabilityIndex> LoadAsync(ShirubeDbContext db, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            return _index ??= VulnerabilityIndex.Build(await VulnerabilityStore.LoadAllAsync(db, ct));
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}

/// <summary>Reads an uploaded SBOM (the Formats reader; a test gives its own).</summary>
internal delegate Sbom SbomParser(Stream content, string fileName);
