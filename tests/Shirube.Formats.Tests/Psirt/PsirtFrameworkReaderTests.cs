using Shirube.Domain.Psirt;
using Shirube.Formats.Guidelines;
using Shirube.Formats.Psirt;

namespace Shirube.Formats.Tests.Psirt;

/// <summary>The shared reference files (SHIRUBE_CORPORA's sibling reference/guidelines), or a visibly skipped test.</summary>
internal static class ReferenceGuidelines
{
    public static string File(string name)
    {
        var corpora = Environment.GetEnvironmentVariable("SHIRUBE_CORPORA");
        Assert.SkipWhen(string.IsNullOrEmpty(corpora), "SHIRUBE_CORPORA is not set: the FIRST framework is checked against the shared reference in CI.");
        var path = Path.Combine(corpora!, "..", "reference", "guidelines", name);
        Assert.SkipUnless(System.IO.File.Exists(path), $"{path} is absent: the FIRST framework is checked against the shared reference in CI.");
        return path;
    }

    /// <summary>The rows of a TSV as column → value maps.</summary>
    public static List<Dictionary<string, string>> Rows(string name)
    {
        var lines = System.IO.File.ReadAllLines(File(name)).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Select(l => l.Split('\t')).Select(cells => header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v))];
    }
}

public class PsirtFrameworkReaderTests
{
    private static readonly PsirtFramework Framework = PsirtFrameworkReader.Load();

    [Fact]
    public void Load_Bundled_HasSixAreas28ServicesAnd84Functions()
    {
        Assert.Equal(["SA1", "SA2", "SA3", "SA4", "SA5", "SA6"], Framework.Areas.Select(a => a.Id));
        Assert.Equal([7, 5, 3, 4, 4, 5], Framework.Areas.Select(a => a.Services.Count));
        Assert.Equal(84, Framework.Services.Sum(s => s.Functions.Count));
        Assert.Empty(Framework.Service("6.5")!.Functions);
        Assert.Equal([MaturityLevel.Basic, MaturityLevel.Intermediate, MaturityLevel.Advanced], Framework.Levels.Select(l => l.Level));
    }

    [Fact]
    public void Load_Bundled_AreasAndServicesMatchTheReferenceIdsNamesAndVerificationMarks()
    {
        var rows = ReferenceGuidelines.Rows("first-psirt-services-framework-1.1.tsv");
        var areas = rows.Where(r => r["id"].StartsWith("SA", StringComparison.Ordinal)).ToList();
        var services = rows.Where(r => r["parent"].StartsWith("SA", StringComparison.Ordinal)).ToList();
        var levels = rows.Where(r => r["id"].StartsWith("ML", StringComparison.Ordinal)).ToList();

        Assert.Equal(areas.Select(r => (r["id"], r["title_official"])), Framework.Areas.Select(a => (a.Id, a.Name)));
        Assert.Equal(services.Select(r => (r["id"], r["parent"], r["title_official"])), Framework.Services.Select(s => (s.Id, s.AreaId, s.Name)));
        // Whatever the reference corrected or left unconfirmed keeps its VERIFY mark, and nothing else carries one.
        Assert.Equal(services.Where(r => !r["verification"].StartsWith("confirmed", StringComparison.Ordinal)).Select(r => r["id"]),
            Framework.Services.Where(s => s.Verify).Select(s => s.Id));
        Assert.Equal(["1.2", "1.6", "4.1", "5.4", "6.5"], Framework.Services.Where(s => s.Verify).Select(s => s.Id));
        Assert.Equal(levels.Select(r => (r["id"], r["title_official"], !r["verification"].StartsWith("confirmed", StringComparison.Ordinal))),
            Framework.Levels.Select(l => (l.Id, l.Name, l.Verify)));
        Assert.All(Framework.Levels, l => Assert.True(l.Verify, $"{l.Id} is unverified in the reference and must keep its VERIFY mark"));
    }

    [Fact]
    public void Load_Bundled_FunctionsMatchTheReferenceIdsAndNames()
    {
        var rows = ReferenceGuidelines.Rows("first-psirt-services-framework-1.1-functions.tsv");
        Assert.Equal(84, rows.Count);
        Assert.Equal(rows.Select(r => (r["function_id"], r["service_id"], r["function_name_official"])),
            Framework.Services.SelectMany(s => s.Functions).Select(f => (f.Id, f.ServiceId, f.Name)));
    }

    [Fact]
    public void Load_Bundled_TitlesAndSummariesAreOurOwnInBothLanguages()
    {
        foreach (var s in Framework.Services)
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Title.En) || string.IsNullOrWhiteSpace(s.Title.Ja) || string.IsNullOrWhiteSpace(s.Summary.Ja), s.Id);
            Assert.NotEqual(s.Name, s.Summary.En);
            Assert.True(s.Summary.En.EndsWith('.') && s.Summary.Ja.EndsWith('。'), $"{s.Id}: one sentence in each language");
        }
    }

    [Theory]
    [InlineData("id: \"1.1\"", "id: \"1.3\"", "/areas/0/services/0/id", "expected 1.1")]
    [InlineData("expectedServices: 28", "expectedServices: 27", "/expectedServices", "27 services declared, 28 found")]
    [InlineData("id: SA2", "id: SA9", "/areas/1/id", "expected SA2")]
    public void Read_BrokenStructure_NamesThePlace(string find, string replace, string path, string message)
    {
        var yaml = ReadBundledText();
        var index = yaml.IndexOf(find, StringComparison.Ordinal);
        var broken = yaml[..index] + replace + yaml[(index + find.Length)..];
        var error = Assert.Throws<CatalogFormatException>(() => PsirtFrameworkReader.Read(broken, "test.yaml"));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static string ReadBundledText()
    {
        using var stream = typeof(PsirtFrameworkReader).Assembly.GetManifestResourceStream(PsirtFrameworkReader.Resource)!;
        return new StreamReader(stream).ReadToEnd();
    }
}
