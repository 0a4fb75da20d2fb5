using System.Collections;

namespace Shirube.Domain.Vulnerabilities.Matching;

/// <summary>
/// The matches of one call, kept in blocks of 1,024: a product version can have tens of thousands of matches, and a
/// single growing array would be copied at every doubling and end on the large-object heap, which is collected only
/// with the oldest generation (measured: a sixth of a portfolio re-evaluation went to growing such arrays).
/// </summary>
internal sealed class MatchList : IReadOnlyList<ComponentMatch>
{
    private const int Shift = 10;
    private const int BlockSize = 1 << Shift;
    private readonly List<ComponentMatch[]> _blocks = [];

    public int Count { get; private set; }

    public ComponentMatch this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            return _blocks[index >> Shift][index & (BlockSize - 1)];
        }
    }

    public void Add(ComponentMatch match)
    {
        var slot = Count & (BlockSize - 1);
        if (slot == 0)
            _blocks.Add(new ComponentMatch[BlockSize]);
        _blocks[^1][slot] = match;
        Count++;
    }

    public void AddRange(MatchList other)
    {
        foreach (var match in other)
            Add(match);
    }

    public IEnumerator<ComponentMatch> GetEnumerator()
    {
        for (var b = 0; b < _blocks.Count; b++)
        {
            var block = _blocks[b];
            var end = Math.Min(BlockSize, Count - (b << Shift));
            for (var i = 0; i < end; i++)
                yield return block[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
