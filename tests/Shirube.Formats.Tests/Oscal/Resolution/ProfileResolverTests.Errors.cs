using System.Text.Json.Nodes;
using Shirube.Formats.Oscal;
using Shirube.Formats.Oscal.Resolution;
using static Shirube.Formats.Tests.Oscal.Resolution.ResolutionFixtures;

namespace Shirube.Formats.Tests.Oscal.Resolution;

/// <summary>Profiles that cannot be resolved: each error names the document, the place and the reason.</summary>
public partial class ProfileResolverTests
{
    private const string Root = "memory://fixtures/profile.json";

    /// <summary>A profile (with extra documents) that must fail in <paramref name="File"/> at <paramref name="Path"/>.</summary>
    public sealed record BadProfile(string Change, string Json, string File, string Path, string Reason, (string Path, string Json)[] Extra)
    {
        public BadProfile(string change, string json, string file, string path, string reason)
            : this(change, json, file, path, reason, []) { }

        public override string ToString() => $"{Change}: reported in {File} at {Path}";
    }

    public static TheoryData<BadProfile> BadProfiles() =>
    [
        new BadProfile("a catalog instead of a profile", AbcSimple, Root, "/", "this is an OSCAL catalog, not a profile"),
        new BadProfile("another document", """{ "component-definition": {} }""", Root, "/", "found \"component-definition\""),
        new BadProfile("no metadata", """{ "profile": { "uuid": "x", "imports": [ { "href": "catalogs/abc-simple.json", "include-all": {} } ] } }""",
            Root, "/profile", "\"metadata\" is missing"),
        new BadProfile("no imports", """{ "profile": { "uuid": "x", "metadata": { "title": "t" }, "imports": [] } }""", Root, "/profile", "imports nothing"),
        new BadProfile("an import without href", Profile("""[ { "include-all": {} } ]"""), Root, "/profile/imports/0", "\"href\" is missing"),
        new BadProfile("an import of a document that is not there (req-broken-import)", Profile(Import("catalogs/missing-catalog.json", All)),
            Root, "/profile/imports/0/href", "the import \"catalogs/missing-catalog.json\" cannot be read: no document is registered at memory://fixtures/catalogs/missing-catalog.json"),
        new BadProfile("an import of something else than a catalog or profile", Profile(Import("other.json", All)),
            "memory://fixtures/other.json", "/", "found \"system-security-plan\"", [("other.json", """{ "system-security-plan": {} }""")]),
        new BadProfile("a back-matter import without the resource", Profile(Import("#449ce77c-24d3-4740-b0bd-1b37239437f0", All)),
            Root, "/profile/imports/0/href", "no resource with uuid 449ce77c-24d3-4740-b0bd-1b37239437f0"),
        new BadProfile("a back-matter import whose rlink leads nowhere (req-missing-resource)",
            Profile(Import("#449ce77c-24d3-4740-b0bd-1b37239437f0", All), backMatter: """
                { "resources": [ { "uuid": "449ce77c-24d3-4740-b0bd-1b37239437f0", "rlinks": [ { "href": "catalogs/abc-mixed-up_catalog-missing.json" } ] } ] }
                """),
            Root, "/profile/imports/0/href", "rlink \"catalogs/abc-mixed-up_catalog-missing.json\": no document is registered"),
        new BadProfile("a back-matter import of a resource with nothing to import",
            Profile(Import("#449ce77c-24d3-4740-b0bd-1b37239437f0", All), backMatter: """{ "resources": [ { "uuid": "449ce77c-24d3-4740-b0bd-1b37239437f0", "title": "empty" } ] }"""),
            Root, "/profile/imports/0/href", "has neither an rlink nor base64 content"),
        new BadProfile("base64 content that is not base64",
            Profile(Import("#449ce77c-24d3-4740-b0bd-1b37239437f0", All), backMatter: """
                { "resources": [ { "uuid": "449ce77c-24d3-4740-b0bd-1b37239437f0", "base64": { "value": "*** not base64 ***" } } ] }
                """),
            Root, "/profile/imports/0/href", "its base64 content does not decode"),
        new BadProfile("base64 content that is not JSON",
            Profile(Import("#449ce77c-24d3-4740-b0bd-1b37239437f0", All), backMatter: $$"""
                { "resources": [ { "uuid": "449ce77c-24d3-4740-b0bd-1b37239437f0", "base64": { "value": "{{Base64("<catalog/>")}}" } } ] }
                """),
            Root + "#449ce77c-24d3-4740-b0bd-1b37239437f0", "line 1, column 1", "not valid JSON"),
        new BadProfile("a profile that imports itself", Profile(Import("profile.json", All)),
            Root, "/profile/imports/0/href", "circular import: memory://fixtures/profile.json → memory://fixtures/profile.json",
            [("profile.json", Profile(Import("profile.json", All)))]),
        new BadProfile("two profiles that import each other (req-circular_import)", Profile(Import("home.json", All)),
            "memory://fixtures/circular.json", "/profile/imports/0/href",
            "circular import: memory://fixtures/home.json → memory://fixtures/circular.json → memory://fixtures/home.json",
            [("home.json", Profile(Import("circular.json", """ "include-controls": [ { "with-ids": [ "a1" ] } ]"""))),
             ("circular.json", Profile(Import("home.json", """ "include-controls": [ { "with-ids": [ "a1" ] } ]""")))]),
        new BadProfile("profiles nested 17 deep", Profile(Import("p1.json", All)), "memory://fixtures/p15.json", "/profile/imports/0/href",
            "profiles import profiles more than 16 deep (memory://fixtures/profile.json → memory://fixtures/p1.json →",
            [.. Enumerable.Range(1, 16).Select(i => ($"p{i}.json", Profile(Import(i < 16 ? $"p{i + 1}.json" : Simple, All))))]),
        new BadProfile("two structuring directives", Profile(Import(Simple, All), """{ "as-is": true, "flat": {} }"""),
            Root, "/profile/merge", "more than one of \"flat\", \"as-is\" and \"custom\""),
        new BadProfile("an unknown combine method", Profile(Import(Simple, All), """{ "combine": { "method": "blend" } }"""),
            Root, "/profile/merge/combine/method", "unknown combine method \"blend\""),
        new BadProfile("a set-parameter without param-id", Profile(Import(Simple, All), modify: """{ "set-parameters": [ { "values": [ "x" ] } ] }"""),
            Root, "/profile/modify/set-parameters/0", "\"param-id\" is missing"),
        new BadProfile("an import of another major OSCAL version", Profile(Import("v2.json", All)), Root, "/profile/imports",
            "OSCAL 2.0.0, another major version than 1.0.4",
            [("v2.json", """{ "catalog": { "uuid": "x", "metadata": { "title": "v2", "oscal-version": "2.0.0" }, "controls": [ { "id": "x1", "title": "X1" } ] } }""")]),
    ];

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public void Resolve_BadProfile_ThrowsNamingDocumentAndPlace(BadProfile bad)
    {
        var error = Assert.Throws<OscalFormatException>(() => Resolve(bad.Json, bad.Extra));

        Assert.Equal((bad.File, bad.Path), (error.File, error.Path));
        Assert.Contains(bad.Reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{bad.File}, at {bad.Path}: ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A folder of files for <see cref="FileDocumentSource"/>, deleted on dispose.</summary>
    private sealed class TempFolder : IDisposable
    {
        public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("shirube-resolve-");

        public string Write(string relative, string json)
        {
            var path = Path.Combine(Folder.FullName, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
            return path;
        }

        public ResolvedProfile Resolve(string relative)
        {
            var source = new FileDocumentSource();
            var uri = FileDocumentSource.ToUri(Path.Combine(Folder.FullName, relative));
            return ProfileResolver.Resolve(source.Load(uri), uri, source, Now);
        }

        public void Dispose() => Folder.Delete(recursive: true);
    }

    [Fact]
    public void Resolve_FilesWithRelativeImports_ReadsThemFromDisk()
    {
        using var folder = new TempFolder();
        folder.Write("catalogs/abc-simple.json", AbcSimple);
        folder.Write("profiles/inner.json", Profile(Import("../catalogs/abc-simple.json", All), AsIs));
        folder.Write("profiles/outer.json", Profile(Import("inner.json", """ "include-controls": [ { "with-ids": [ "b2", "c3.a" ] } ]"""), AsIs));

        var resolved = folder.Resolve("profiles/outer.json");

        Assert.Equal("gb[b2] gc[c3.a]", Outline(resolved));
        Assert.Equal("outer.json", (string)resolved.Catalog["catalog"]!["metadata"]!["links"]![0]!["href"]!);
    }

    [Fact]
    public void Resolve_ImportByXmlName_ReadsTheJsonTwin()
    {
        using var folder = new TempFolder();
        folder.Write("catalog.json", AbcSimple);
        folder.Write("profile.json", Profile(Import("catalog.xml", """ "include-controls": [ { "with-ids": [ "a1" ] } ]""")));

        Assert.Equal("a1", Outline(folder.Resolve("profile.json")));
    }

    [Fact]
    public void Resolve_MissingFile_NamesTheImportingProfileAndTheHref()
    {
        using var folder = new TempFolder();
        folder.Write("profiles/profile.json", Profile(Import("../catalogs/missing-catalog.json", All)));

        var error = Assert.Throws<OscalFormatException>(() => folder.Resolve("profiles/profile.json"));

        Assert.Equal(("profile.json", "/profile/imports/0/href"), (error.File, error.Path));
        Assert.Contains("the import \"../catalogs/missing-catalog.json\" cannot be read: there is no file ", error.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void Resolve_RemoteImport_IsRefusedWithoutFetching()
    {
        using var folder = new TempFolder();
        folder.Write("profile.json", Profile(Import("https://raw.githubusercontent.com/usnistgov/oscal-content/main/catalog.json", All)));

        var error = Assert.Throws<OscalFormatException>(() => folder.Resolve("profile.json"));

        Assert.Equal(("profile.json", "/profile/imports/0/href"), (error.File, error.Path));
        Assert.Contains("remote imports are not fetched (https://raw.githubusercontent.com/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ImportThatIsNotJson_NamesBothDocuments()
    {
        using var folder = new TempFolder();
        folder.Write("catalogs/broken.json", """{ "catalog": { "uuid": """);
        folder.Write("profile.json", Profile(Import("catalogs/broken.json", All)));

        var error = Assert.Throws<OscalFormatException>(() => folder.Resolve("profile.json"));

        Assert.Equal(("profile.json", "/profile/imports/0/href"), (error.File, error.Path));
        Assert.Contains("the import \"catalogs/broken.json\" cannot be read: broken.json, at line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ImportLargerThan64MiB_IsRefusedBeforeReading()
    {
        using var folder = new TempFolder();
        var huge = Path.Combine(folder.Folder.FullName, "huge.json");
        using (var stream = File.Create(huge))
            stream.SetLength(OscalCatalogReader.MaxBytes + 1L);
        folder.Write("profile.json", Profile(Import("huge.json", All)));

        var error = Assert.Throws<OscalFormatException>(() => folder.Resolve("profile.json"));

        Assert.Contains("huge.json, at /: the document has 67,108,865 bytes; at most 67,108,864 (64 MiB) are read.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ImportNestedDeeperThanTheParserAllows_IsRefused()
    {
        var deep = """{ "catalog": { "uuid": "x", "metadata": { "title": "deep" }, "controls": [ """
            + string.Concat(Enumerable.Repeat("""{ "id": "c", "title": "c", "controls": [ """, 40))
            + string.Concat(Enumerable.Repeat("] }", 40)) + " ] } }";
        using var folder = new TempFolder();
        folder.Write("deep.json", deep);
        folder.Write("profile.json", Profile(Import("deep.json", All)));

        var error = Assert.Throws<OscalFormatException>(() => folder.Resolve("profile.json"));

        Assert.Contains("deep.json, at line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Resolve_WithCatalogImportedThroughTwoProfiles_ReadsEachDocumentOnce()
    {
        // A diamond: both inner profiles import the same catalog; documents are read once per resolution.
        var source = new CountingSource(Source(
            ("left.json", Profile(Import(Simple, """ "include-controls": [ { "with-ids": [ "a1" ] } ]"""))),
            ("right.json", Profile(Import(Simple, """ "include-controls": [ { "with-ids": [ "b1" ] } ]""")))));
        var profile = JsonNode.Parse(Profile("""[ { "href": "left.json", "include-all": {} }, { "href": "right.json", "include-all": {} } ]"""))!.AsObject();

        var resolved = ProfileResolver.Resolve(profile, At("profile.json"), source, Now);

        Assert.Equal("a1 b1", Outline(resolved));
        Assert.Equal(3, source.Loads);
    }

    private sealed class CountingSource(IOscalDocumentSource inner) : IOscalDocumentSource
    {
        public int Loads { get; private set; }

        public JsonObject Load(Uri href)
        {
            Loads++;
            return inner.Load(href);
        }
    }
}
