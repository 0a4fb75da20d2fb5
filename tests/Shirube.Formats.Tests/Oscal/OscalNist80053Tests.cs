using System.Text.Json;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;

namespace Shirube.Formats.Tests.Oscal;

/// <summary>NIST SP 800-53 rev5 (OSCAL 1.0.0, usnistgov/oscal-content 2021-06-08) imported whole.</summary>
public class OscalNist80053Tests
{
    private const string File = "NIST_SP-800-53_rev5_catalog.json";

    private static readonly Lazy<(string Json, Guideline Guideline)> Imported = new(() =>
    {
        var json = System.IO.File.ReadAllText(OscalTestData.Nist80053Path());
        return (json, OscalCatalogReader.Read(json, File));
    });

    private static Guideline Nist()
    {
        OscalTestData.Corpora();
        return Imported.Value.Guideline;
    }

    /// <summary>Controls, enhancements and params counted by walking the raw JSON, independently of the reader.</summary>
    private static (int Controls, int Enhancements, int Params, List<(string Id, string Title)> Families) RawCounts()
    {
        OscalTestData.Corpora();
        using var document = JsonDocument.Parse(Imported.Value.Json);
        int controls = 0, enhancements = 0, parameters = 0;
        void Control(JsonElement c, int depth)
        {
            controls++;
            if (depth > 0)
                enhancements++;
            if (c.TryGetProperty("params", out var ps))
                parameters += ps.GetArrayLength();
            if (c.TryGetProperty("controls", out var children))
            {
                foreach (var child in children.EnumerateArray())
                    Control(child, depth + 1);
            }
        }
        void Container(JsonElement e)
        {
            if (e.TryGetProperty("controls", out var cs))
            {
                foreach (var c in cs.EnumerateArray())
                    Control(c, 0);
            }
            if (e.TryGetProperty("groups", out var gs))
            {
                foreach (var g in gs.EnumerateArray())
                    Container(g);
            }
        }
        var catalog = document.RootElement.GetProperty("catalog");
        Container(catalog);
        var families = catalog.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("id").GetString()!, g.GetProperty("title").GetString()!)).ToList();
        return (controls, enhancements, parameters, families);
    }

    [Fact]
    public void Read_Nist80053_ImportsEveryControlEnhancementAndParam()
    {
        var g = Nist();
        var raw = RawCounts();

        Assert.Equal(raw.Controls, g.Requirements.Count);
        Assert.Equal(raw.Enhancements, g.Requirements.Count(r => r.Parent is not null));
        Assert.Equal(raw.Params, g.Requirements.Sum(r => r.Parameters.Count));
        Assert.Equal(g.Requirements.Count, g.ExpectedCount);
        // The counts of this release, for the record.
        Assert.Equal((1189, 867, 1258), (raw.Controls, raw.Enhancements, raw.Params));
    }

    [Fact]
    public void Read_Nist80053_GroupsAreTheTwentyFamilies()
    {
        var g = Nist();
        var raw = RawCounts();

        Assert.Equal(20, raw.Families.Count);
        Assert.Equal(raw.Families, g.Groups.Select(x => (x.Id, x.Title.En)));
        Assert.All(g.Groups, x => Assert.Empty(x.Children));
        Assert.Equal(["ac", "at", "au", "ca", "cm", "cp", "ia", "ir", "ma", "mp", "pe", "pl", "pm", "ps", "pt", "ra", "sa", "sc", "si", "sr"], g.Groups.Select(x => x.Id));
    }

    [Fact]
    public void Read_Nist80053_Ac2EnhancementsHaveParentAc2()
    {
        var g = Nist();

        var ac21 = g.Find("ac-2.1");

        Assert.NotNull(ac21);
        Assert.Equal("ac-2", ac21.Parent);
        Assert.Equal("ac", ac21.Group);
        Assert.Equal("Automated System Account Management", ac21.Title.En);
        Assert.Contains("ac-2.13", g.Requirements.Where(r => r.Parent == "ac-2").Select(r => r.Id));
        // Enhancements follow their parent.
        Assert.Equal(g.Requirements.ToList().FindIndex(r => r.Id == "ac-2") + 1, g.Requirements.ToList().FindIndex(r => r.Id == "ac-2.1"));
    }

    [Fact]
    public void Read_Nist80053_SelectionParamsKeepTheirChoices()
    {
        var g = Nist();

        var prm = g.Find("ac-1")!.Parameters.Single(p => p.Id == "ac-1_prm_2");

        Assert.True(prm.ChooseMany);
        Assert.Equal(["Organization-level", "Mission/business process-level", "System-level"], prm.Choices);
        Assert.Equal("organization-defined personnel or roles", g.Find("ac-1")!.Parameters[0].Label);
        Assert.Equal(126, g.Requirements.SelectMany(r => r.Parameters).Count(p => p.Choices.Count > 0));
    }

    [Fact]
    public void Read_Nist80053_Ac1StatementHasLabelledItems()
    {
        var ac1 = Nist().Find("ac-1")!;

        var statement = ac1.Text.Single(t => t.Name == "statement");

        Assert.Equal("ac-1_smt", statement.Id);
        Assert.Equal([("ac-1_smt.a", "a."), ("ac-1_smt.b", "b."), ("ac-1_smt.c", "c.")], statement.Children.Select(c => (c.Id!, c.Label!)));
        Assert.Equal(["1.", "2."], statement.Children[0].Children.Select(c => c.Label));
        Assert.Equal(["(a)", "(b)"], statement.Children[0].Children[0].Children.Select(c => c.Label));
        Assert.Equal("guidance", ac1.Text[1].Name);
        Assert.StartsWith("a. Develop, document, and disseminate to {{ insert: param, ac-1_prm_1 }}:\n1. {{ insert: param, ac-1_prm_2 }}", ac1.Summary.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Nist80053_MetadataGivesVersionYearIssuerAndSource()
    {
        var g = Nist();

        Assert.Equal("nist-special-publication-800-53-revision-5-security-and-privacy", g.Id);
        Assert.Equal("5.0.1", g.Version);
        Assert.Equal(2021, g.Year);
        Assert.Equal("Joint Task Force, Interagency Working Group", g.Issuer);
        Assert.Equal("https://doi.org/10.6028/NIST.SP.800-53r5", g.Source.Url);
        Assert.Equal((GuidelineRegion.Global, GuidelineKind.Standard, GuidelineOrigin.Imported), (g.Region, g.Kind, g.Origin));
    }

    [Fact]
    public void Read_Nist80053_IsUntaggedAndHoldsTogetherInTheCatalog()
    {
        var g = Nist();

        Assert.All(g.Requirements, r => Assert.Empty(r.Parts));
        Assert.All(g.Requirements, r => Assert.Empty(r.Phases));
        Assert.Empty(new Catalog([g], []).Validate());
    }

    [Fact]
    public void Write_ImportedNist80053_ValidatesAgainstOscal106CatalogSchema()
    {
        var json = OscalCatalogWriter.Write(Nist(), "en", OscalTestData.LastModified);

        var errors = OscalTestData.SchemaErrors(json);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
        // Summaries of imported controls are their statements: no extra summary parts.
        Assert.DoesNotContain("\"name\": \"summary\"", json, StringComparison.Ordinal);
    }
}
