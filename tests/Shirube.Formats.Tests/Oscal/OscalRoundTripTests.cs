using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;

namespace Shirube.Formats.Tests.Oscal;

/// <summary>Export, then import: what a user sees in Shirube comes back (in the exported language).</summary>
public class OscalRoundTripTests
{
    [Theory]
    [MemberData(nameof(OscalTestData.BundledGuidelines), MemberType = typeof(OscalTestData))]
    public void WriteThenRead_BundledGuideline_KeepsRequirementsTagsAndGroups(string guidelineId, string language)
    {
        var original = OscalTestData.BundledGuideline(guidelineId);

        var read = OscalCatalogReader.Read(OscalCatalogWriter.Write(original, language, OscalTestData.LastModified), $"{guidelineId}.{language}.json");

        AssertSameContent(original, read, language);
        Assert.Equal(original.Region, read.Region);
        Assert.Equal(original.Kind, read.Kind);
        Assert.Equal(original.Year, read.Year);
        Assert.Equal(original.Issuer, read.Issuer);
        Assert.Equal(original.Levels, read.Levels);
        Assert.Equal(original.Source.Url, read.Source.Url);
        Assert.Equal(original.Name.In(language), read.Name.En);
        Assert.Equal(GuidelineOrigin.Imported, read.Origin);
        Assert.Equal(read.Requirements.Count, read.ExpectedCount);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void WriteThenRead_GuidelineWithEveryFeature_KeepsParentsParametersTextAndNotes(string language)
    {
        var original = OscalTestData.EveryFeature();

        var read = OscalCatalogReader.Read(OscalCatalogWriter.Write(original, language, OscalTestData.LastModified), "sample.json", "sample-copy");

        Assert.Equal("sample-copy", read.Id);
        AssertSameContent(original, read, language);
        Assert.Equal("medical", read.Sector);
        Assert.False(read.Verified);
        var first = read.Find("5.1-1")!;
        Assert.Equal(["5.1-1_prm_1", "5.1-1_prm_2", "5.1-1_prm_3"], first.Parameters.Select(p => p.Id.TrimStart('_')));
        Assert.Equal(["12", "sixteen characters"], first.Parameters[0].Values);
        Assert.True(first.Parameters[1].ChooseMany);
        Assert.Equal(["unique", "user-defined"], first.Parameters[1].Choices);
        Assert.False(first.Parameters[2].ChooseMany);
        Assert.Equal(original.Find("5.1-1(a)")!.Text, read.Find("5.1-1(a)")!.Text, TextPartComparer.Instance);
        Assert.Equal(original.Find("5.1-1(a)")!.Summary.In(language), read.Find("5.1-1(a)")!.Summary.En);
        Assert.Equal(original.Find("要点1")!.Note!.In(language), read.Find("要点1")!.Note!.En);
    }

    [Fact]
    public void ReadWriteRead_Nist80053_KeepsControlsParametersAndText()
    {
        var json = File.ReadAllText(OscalTestData.Nist80053Path());
        var imported = OscalCatalogReader.Read(json, "NIST_SP-800-53_rev5_catalog.json");

        var again = OscalCatalogReader.Read(OscalCatalogWriter.Write(imported, "en", OscalTestData.LastModified), "800-53.export.json", imported.Id);

        Assert.Equal(imported.Requirements.Select(r => (r.Id, r.Parent, r.Group, r.Title.En, r.Summary.En)), again.Requirements.Select(r => (r.Id, r.Parent, r.Group, r.Title.En, r.Summary.En)));
        Assert.Equal(imported.Requirements.SelectMany(r => r.Parameters), again.Requirements.SelectMany(r => r.Parameters), ParameterComparer.Instance);
        Assert.Equal(imported.Requirements.SelectMany(r => r.Text), again.Requirements.SelectMany(r => r.Text), TextPartComparer.Instance);
        Assert.Equal(Flatten(imported.Groups), Flatten(again.Groups));
    }

    private static void AssertSameContent(Guideline original, Guideline read, string language)
    {
        // Sets, then each requirement by id: the export orders requirements by the group tree.
        Assert.Equal(original.Requirements.Select(r => r.Id).Order(StringComparer.Ordinal), read.Requirements.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var o in original.Requirements)
        {
            var r = read.Find(o.Id)!;
            Assert.Equal(o.Title.In(language), r.Title.En);
            Assert.Equal(o.Title.In(language), r.Title.Ja);
            Assert.Equal(o.Summary.In(language), r.Summary.En);
            Assert.Equal(o.Parts, r.Parts);
            Assert.Equal(o.Phases, r.Phases);
            Assert.Equal(o.Level, r.Level);
            Assert.Equal(o.Levels, r.Levels);
            Assert.Equal(o.Controls, r.Controls);
            Assert.Equal(o.Verified, r.Verified);
            Assert.Equal(o.Group, r.Group);
            Assert.Equal(o.Parent, r.Parent);
            Assert.Equal(o.Note?.In(language), r.Note?.En);
            Assert.Equal(o.Text, r.Text, TextPartComparer.Instance);
        }
        Assert.Equal(Flatten(original.Groups, language), Flatten(read.Groups, "en"));
    }

    private static List<(string Id, string Title, string? Parent)> Flatten(IReadOnlyList<RequirementGroup> groups, string language = "en")
    {
        var result = new List<(string, string, string?)>();
        void Walk(RequirementGroup g, string? parent)
        {
            result.Add((g.Id, g.Title.In(language), parent));
            foreach (var child in g.Children)
                Walk(child, g.Id);
        }
        foreach (var g in groups)
            Walk(g, null);
        return result;
    }

    private sealed class TextPartComparer : IEqualityComparer<TextPart>
    {
        public static readonly TextPartComparer Instance = new();

        public bool Equals(TextPart? x, TextPart? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Id == y.Id && x.Label == y.Label && x.Prose == y.Prose
            && x.Children.Count == y.Children.Count && x.Children.Zip(y.Children).All(p => Equals(p.First, p.Second));

        public int GetHashCode(TextPart obj) => HashCode.Combine(obj.Name, obj.Id);
    }

    private sealed class ParameterComparer : IEqualityComparer<RequirementParameter>
    {
        public static readonly ParameterComparer Instance = new();

        public bool Equals(RequirementParameter? x, RequirementParameter? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Label == y.Label && x.ChooseMany == y.ChooseMany
            && x.Values.SequenceEqual(y.Values) && x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(RequirementParameter obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
