using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;

namespace Shirube.Formats.Tests.Oscal;

public class OscalCatalogReaderTests
{
    // A small catalog in the shape of SP 800-53: a family group, a control with an enhancement, params and parts.
    private const string Valid = """
        {
          "catalog": {
            "uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724",
            "metadata": {
              "title": "Example Controls: A Test Catalog",
              "published": "2020-09-23T00:00:00Z",
              "last-modified": "2021-06-08T13:57:33-04:00",
              "version": "5.0.1",
              "oscal-version": "1.0.0",
              "links": [ { "href": "#c3397cc9-83c6-4459-adb2-836739dc1b94", "rel": "canonical" } ],
              "parties": [ { "uuid": "41a93829-b76b-43ec-b9e7-250553511549", "type": "organization", "name": "Joint Task Force" } ],
              "responsible-parties": [ { "role-id": "creator", "party-uuids": [ "41a93829-b76b-43ec-b9e7-250553511549" ] } ]
            },
            "groups": [
              {
                "id": "ac",
                "class": "family",
                "title": "Access Control",
                "controls": [
                  {
                    "id": "ac-1",
                    "class": "SP800-53",
                    "title": "Policy and Procedures",
                    "params": [
                      { "id": "ac-1_prm_1", "label": "organization-defined personnel or roles" },
                      { "id": "ac-1_prm_2", "select": { "how-many": "one-or-more", "choice": [ "Organization-level", "System-level" ] } }
                    ],
                    "props": [ { "name": "label", "value": "AC-1" }, { "name": "sort-id", "value": "ac-01" } ],
                    "parts": [
                      {
                        "id": "ac-1_smt",
                        "name": "statement",
                        "parts": [
                          { "id": "ac-1_smt.a", "name": "item", "props": [ { "name": "label", "value": "a." } ], "prose": "Develop a policy;" },
                          { "id": "ac-1_smt.b", "name": "item", "props": [ { "name": "label", "value": "b." } ], "prose": "Review it." }
                        ]
                      },
                      { "id": "ac-1_gdn", "name": "guidance", "prose": "Guidance text." }
                    ],
                    "controls": [
                      { "id": "ac-1.1", "title": "Automation", "props": [ { "name": "label", "value": "AC-1(1)" } ] }
                    ]
                  }
                ]
              },
              { "title": "A group without id", "controls": [ { "id": "x-1", "title": "Untitled family member" } ] }
            ],
            "back-matter": {
              "resources": [ { "uuid": "c3397cc9-83c6-4459-adb2-836739dc1b94", "rlinks": [ { "href": "https://example.org/sp.pdf" } ] } ]
            }
          }
        }
        """;

    [Fact]
    public void Read_ForeignCatalog_MapsGroupsControlsParamsAndParts()
    {
        var g = OscalCatalogReader.Read(Valid, "example.json");

        Assert.Equal(GuidelineOrigin.Imported, g.Origin);
        Assert.Equal("Example Controls: A Test Catalog", g.Name.En);
        Assert.Equal(g.Name.En, g.Name.Ja);
        Assert.Equal(["ac-1", "ac-1.1", "x-1"], g.Requirements.Select(r => r.Id));
        Assert.Equal(3, g.ExpectedCount);
        Assert.Equal([("ac", "Access Control"), ("group-2", "A group without id")], g.Groups.Select(x => (x.Id, x.Title.En)));
        var ac1 = g.Requirements[0];
        Assert.Equal("ac", ac1.Group);
        Assert.Null(ac1.Parent);
        Assert.Equal("ac-1", g.Requirements[1].Parent);
        Assert.Equal("ac", g.Requirements[1].Group);
        Assert.Equal("a. Develop a policy;\nb. Review it.", ac1.Summary.En);
        Assert.Equal("Automation", g.Requirements[1].Summary.En);
        Assert.Equal(["statement", "guidance"], ac1.Text.Select(t => t.Name));
        Assert.Equal([("ac-1_smt.a", "a.", "Develop a policy;"), ("ac-1_smt.b", "b.", "Review it.")], ac1.Text[0].Children.Select(c => (c.Id!, c.Label!, c.Prose!)));
        Assert.Equal(new RequirementParameter("ac-1_prm_1", "organization-defined personnel or roles", [], [], false), ac1.Parameters[0], ParameterEquality);
        Assert.True(ac1.Parameters[1].ChooseMany);
        Assert.Equal(["Organization-level", "System-level"], ac1.Parameters[1].Choices);
        Assert.All(g.Requirements, r => Assert.Empty(r.Parts));
        Assert.All(g.Requirements, r => Assert.Empty(r.Phases));
    }

    [Fact]
    public void Read_ForeignCatalog_TakesFactsFromMetadata()
    {
        var g = OscalCatalogReader.Read(Valid, "example.json");

        Assert.Equal("example-controls-a-test-catalog", g.Id);
        Assert.Equal("Example Controls", g.ShortName);
        Assert.Equal("5.0.1", g.Version);
        Assert.Equal(2020, g.Year);
        Assert.Equal("Joint Task Force", g.Issuer);
        Assert.Equal("https://example.org/sp.pdf", g.Source.Url);
        Assert.Equal(GuidelineRegion.Global, g.Region);
        Assert.Equal(GuidelineKind.Standard, g.Kind);
    }

    [Fact]
    public void Read_WithoutPublishedOrLinks_UsesLastModifiedAndImported()
    {
        var json = Valid.Replace("\"published\": \"2020-09-23T00:00:00Z\",", "", StringComparison.Ordinal)
            .Replace("\"links\": [ { \"href\": \"#c3397cc9-83c6-4459-adb2-836739dc1b94\", \"rel\": \"canonical\" } ],", "", StringComparison.Ordinal);

        var g = OscalCatalogReader.Read(json, "example.json");

        Assert.Equal(2021, g.Year);
        Assert.Equal("imported", g.Source.Url);
    }

    [Fact]
    public void Read_GivenGuidelineId_UsesIt()
    {
        Assert.Equal("nist-sp-800-53", OscalCatalogReader.Read(Valid, "example.json", "nist-sp-800-53").Id);
    }

    [Fact]
    public void Read_ForeignLabels_DoNotReplaceControlIds()
    {
        // Only Shirube's own exports (metadata props in its namespace) use the label as the id.
        var g = OscalCatalogReader.Read(Valid, "example.json");

        Assert.DoesNotContain(g.Requirements, r => r.Id == "AC-1");
    }

    [Theory]
    [InlineData("NIST Special Publication 800-53 Revision 5: Security and Privacy Controls for Federal Information Systems and Organizations", "nist-special-publication-800-53-revision-5-security-and-privacy")]
    [InlineData("  ETSI EN 303 645 — Cyber security  ", "etsi-en-303-645-cyber-security")]
    [InlineData("IoT セキュリティガイドライン ver1.0", "iot-ver1-0")]
    public void Slug_Title_GivesALowerCaseAsciiId(string title, string slug)
    {
        Assert.Equal(slug, OscalCatalogReader.Slug(title));
    }

    [Fact]
    public void Slug_TitleWithoutAsciiLettersOrDigits_IsStableAndMarkedImported()
    {
        var slug = OscalCatalogReader.Slug("つながる世界の開発指針");

        Assert.StartsWith("imported-", slug, StringComparison.Ordinal);
        Assert.Equal(slug, OscalCatalogReader.Slug("つながる世界の開発指針"));
        Assert.NotEqual(slug, OscalCatalogReader.Slug("別の指針"));
    }

    public sealed record BadCatalog(string Change, string Json, string Path, string Reason)
    {
        public override string ToString() => $"{Change}: reported at {Path}";
    }

    public static TheoryData<BadCatalog> BadCatalogs() =>
    [
        new BadCatalog("not JSON", "<catalog/>", "line 1, column 1", "not valid JSON"),
        new BadCatalog("truncated JSON", Valid[..200], "line", "not valid JSON"),
        new BadCatalog("an array at the root", "[1, 2]", "/", "array"),
        new BadCatalog("a profile, not a catalog", """{ "profile": { "uuid": "x" } }""", "/", "\"catalog\""),
        new BadCatalog("an empty object", "{}", "/", "no \"catalog\""),
        new BadCatalog("a catalog that is a string", """{ "catalog": "x" }""", "/catalog", "not an object"),
        new BadCatalog("no metadata", """{ "catalog": { "uuid": "x" } }""", "/catalog", "no metadata"),
        new BadCatalog("no title", Valid.Replace("\"title\": \"Example Controls: A Test Catalog\",", "", StringComparison.Ordinal), "/catalog/metadata", "no title"),
        new BadCatalog("a control without id", Valid.Replace("{ \"id\": \"ac-1.1\", ", "{ ", StringComparison.Ordinal), "/catalog/groups/0/controls/0/controls/0", "no id"),
        new BadCatalog("a duplicate control id", Valid.Replace("\"id\": \"x-1\"", "\"id\": \"ac-1\"", StringComparison.Ordinal), "/catalog/groups/1/controls/0/id", "'ac-1' appears twice"),
        new BadCatalog("a number for a title", Valid.Replace("\"title\": \"Automation\"", "\"title\": 42", StringComparison.Ordinal), "/catalog/groups/0/controls/0/controls/0/title", "number"),
        new BadCatalog("a null in a list", Valid.Replace("{ \"id\": \"ac-1_gdn\", \"name\": \"guidance\", \"prose\": \"Guidance text.\" }", "null", StringComparison.Ordinal), "/catalog/groups/0/controls/0/parts/1", "null"),
        new BadCatalog("a part without name", Valid.Replace("\"id\": \"ac-1_gdn\", \"name\": \"guidance\",", "\"id\": \"ac-1_gdn\",", StringComparison.Ordinal), "/catalog/groups/0/controls/0/parts/1", "no name"),
        new BadCatalog("a param without id", Valid.Replace("{ \"id\": \"ac-1_prm_1\", ", "{ ", StringComparison.Ordinal), "/catalog/groups/0/controls/0/params/0", "no id"),
        new BadCatalog("a duplicate key", Valid.Replace("\"version\": \"5.0.1\",", "\"version\": \"5.0.1\", \"version\": \"5.0.2\",", StringComparison.Ordinal), "/catalog/metadata/version", "'version' appears twice"),
        new BadCatalog("an unknown IoT part in Shirube's namespace",
            Valid.Replace("\"props\": [ { \"name\": \"label\", \"value\": \"AC-1(1)\" } ]",
                "\"props\": [ { \"name\": \"iot-part\", \"ns\": \"https://shirube.dev/ns/oscal\", \"value\": \"toaster\" } ]", StringComparison.Ordinal),
            "/catalog/groups/0/controls/0/controls/0/props/0", "'toaster' is not an IoT part"),
        new BadCatalog("no date", Valid.Replace("\"published\": \"2020-09-23T00:00:00Z\",", "", StringComparison.Ordinal)
            .Replace("\"last-modified\": \"2021-06-08T13:57:33-04:00\",", "", StringComparison.Ordinal), "/catalog/metadata", "neither published nor last-modified"),
        new BadCatalog("nesting deeper than 64", new string('[', 100) + new string(']', 100), "line 1", "depth"),
    ];

    [Theory]
    [MemberData(nameof(BadCatalogs))]
    public void Read_BadDocument_ThrowsNamingFileAndPlace(BadCatalog bad)
    {
        var error = Assert.Throws<OscalFormatException>(() => OscalCatalogReader.Read(bad.Json, "upload.json"));

        Assert.Equal("upload.json", error.File);
        Assert.StartsWith(bad.Path, error.Path, StringComparison.Ordinal);
        Assert.Contains(bad.Reason, error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("upload.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocumentOver64MiB_IsRefusedBeforeParsing()
    {
        var huge = new string(' ', OscalCatalogReader.MaxBytes + 1);

        var error = Assert.Throws<OscalFormatException>(() => OscalCatalogReader.Read(huge, "huge.json"));

        Assert.Equal(64 * 1024 * 1024, OscalCatalogReader.MaxBytes);
        Assert.Equal("/", error.Path);
        Assert.Contains("larger than", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MultiByteTextOver64MiBInUtf8_IsRefused()
    {
        // 22 Mi characters of Japanese are 66 MiB in UTF-8, though the string is shorter than the limit.
        var huge = "\"" + new string('あ', 22 * 1024 * 1024) + "\"";

        var error = Assert.Throws<OscalFormatException>(() => OscalCatalogReader.Read(huge, "huge.json"));

        Assert.Contains("larger than", error.Reason, StringComparison.Ordinal);
    }

    private static readonly IEqualityComparer<RequirementParameter> ParameterEquality = EqualityComparer<RequirementParameter>.Create(
        (x, y) => x is not null && y is not null && x.Id == y.Id && x.Label == y.Label && x.Values.SequenceEqual(y.Values)
                  && x.Choices.SequenceEqual(y.Choices) && x.ChooseMany == y.ChooseMany,
        p => p.Id.GetHashCode(StringComparison.Ordinal));
}
