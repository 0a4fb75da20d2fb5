using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines;

namespace Shirube.Formats.Tests.Guidelines;

public class BundledCatalogTests
{
    private static readonly Lazy<Catalog> Shipped = new(BundledCatalog.Load);

    [Fact]
    public void BundledCatalogs_AreValidAndComplete()
    {
        var catalog = Shipped.Value;
        Assert.NotEmpty(catalog.Guidelines);
        Assert.Empty(catalog.Validate());
        Assert.All(catalog.Guidelines, g => Assert.Equal(g.ExpectedCount, g.Requirements.Count));
    }

    [Fact]
    public void BundledCatalogs_MatchTheFolderOnDisk()
    {
        var folder = Path.Combine(RepositoryRoot(), "catalogs");
        var fromDisk = BundledCatalog.LoadFolder(folder);
        Assert.Equal(fromDisk.Guidelines.Select(g => (g.Id, g.Requirements.Count)), Shipped.Value.Guidelines.Select(g => (g.Id, g.Requirements.Count)));
    }

    [Fact]
    public void EveryRequirement_HasOwnWordsInBothLanguages_AndVerifiedOnesLinkToAControl()
    {
        foreach (var g in Shipped.Value.Guidelines)
        {
            foreach (var r in g.Requirements)
            {
                Assert.False(string.IsNullOrWhiteSpace(r.Title.Ja), $"{g.Id} {r.Id}: Japanese title");
                Assert.NotEqual(r.Title.En, r.Summary.En);
                Assert.True(r.Controls.Count > 0 || !r.Verified, $"{g.Id} {r.Id}: a verified requirement links to a common control");
            }
        }
    }

    /// <summary>Counts of the shared reference data (read through SHIRUBE_CORPORA, whose sibling is reference/).</summary>
    [Fact]
    public void Counts_EqualTheReferenceData()
    {
        var corpora = Environment.GetEnvironmentVariable("SHIRUBE_CORPORA");
        Assert.SkipWhen(string.IsNullOrEmpty(corpora), "SHIRUBE_CORPORA is not set: the reference counts are checked in CI.");
        var reference = Path.Combine(corpora!, "..", "reference", "guidelines");
        var checkedAny = false;
        foreach (var g in Shipped.Value.Guidelines.Where(g => g.Source.Reference is not null && RowsAreRequirements.Contains(g.Source.Reference)))
        {
            var file = Path.Combine(reference, g.Source.Reference!);
            Assert.True(File.Exists(file), $"{g.Id}: reference file {g.Source.Reference} not found");
            var rows = File.ReadLines(file).Skip(1).Count(l => !string.IsNullOrWhiteSpace(l));
            Assert.True(rows == g.ExpectedCount, $"{g.Id}: {g.ExpectedCount} expected, the reference {g.Source.Reference} has {rows} rows");
            checkedAny = true;
        }
        Assert.True(checkedAny);
    }

    // Reference files with one row per requirement (others describe structure: groups, families, sections).
    private static readonly HashSet<string> RowsAreRequirements = new(StringComparer.Ordinal)
    {
        "etsi-en-303-645-v2.1.1.tsv", "enisa-baseline-iot-2017.tsv", "eu-cra-2024-2847-annex-i.tsv", "iec-62443-4-1-2018-practices.tsv",
        "owasp-isvs-1.0.tsv", "owasp-iot-top10-2018.tsv", "owasp-iot-security-guidance-2014-categories.tsv", "uk-cop-consumer-iot-2018.tsv",
        "uk-psti-2023-regulations.tsv", "jc-star-star1-v1.1.tsv", "jp-iot-security-guideline-v1.0-2016.tsv",
        "ipa-tsunagaru-sekai-kaihatsu-shishin-17.tsv", "cis-controls-v6.1-iot-companion.tsv", "ota-iot-trust-framework-v2.5-principles.tsv",
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shirube.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Shirube.slnx not found above the test binaries.");
    }
}
