using System.Security.Cryptography;
using System.Text;
using Shirube.Domain.Vulnerabilities.Matching;

namespace Shirube.Domain.Tests.Vulnerabilities.Matching;

/// <summary>The benchmark's synthetic corpus: the same for a seed on every machine and in every process.</summary>
public sealed class SyntheticCorpusTests
{
    // The fingerprint of seed 12 at 300 records / 1,200 entries, with two product versions of 40 components. It was
    // computed once; a change of it means every published benchmark figure was measured on another corpus. (Before
    // this test the corpus was seeded through HashCode.Combine, which .NET randomises per process.)
    private const string Seed12 = "C2F1CB78F842DD39D164485A2FBEAF7D13FF69394B12B6F2C0BCD9C527B3E5B7";

    [Fact]
    public void The_corpus_of_a_seed_is_the_same_in_every_process()
    {
        var corpus = SyntheticCorpus.Generate(300, 1_200, seed: 12);
        var text = new StringBuilder();
        foreach (var record in corpus.Records)
        {
            text.Append(record.Id).Append('|');
            foreach (var affected in record.Affected)
            {
                text.Append(affected.Ecosystem).Append(' ').Append(affected.Name).Append(' ');
                foreach (var range in affected.Ranges)
                    text.AppendJoin(',', range.Events.Select(e => $"{e.Kind}:{e.Version}")).Append(';');
                text.AppendJoin(',', affected.Versions).Append('\n');
            }
        }
        foreach (var component in corpus.Components(40, seed: 1).Concat(corpus.Components(40, seed: 2)))
            text.Append(component.Purl).Append('\n');

        Assert.Equal(Seed12, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    [Fact]
    public void The_corpus_has_exactly_the_entries_asked_for_over_the_records_asked_for()
    {
        var corpus = SyntheticCorpus.Generate(300, 1_200, seed: 7);

        Assert.Equal((300, 1_200), (corpus.Records.Count, corpus.Records.Sum(r => r.Affected.Count)));
        Assert.Equal(1_200, corpus.AffectedEntries);
    }
}
