using System.Text.Json.Nodes;
using Shirube.Formats.Oscal.Resolution;
using static Shirube.Formats.Tests.Oscal.Resolution.ResolutionFixtures;

namespace Shirube.Formats.Tests.Oscal.Resolution;

/// <summary>The modify phase (set-parameters, alters) and the final operations (back-matter, metadata).</summary>
public partial class ProfileResolverTests
{
    private const string Busy = "catalogs/busy.json";

    private static string[] PropValues(JsonObject obj) => [.. obj["props"]?.AsArray().Select(p => (string)p!["value"]!) ?? []];

    private static string[] PartIds(JsonObject obj) => [.. obj["parts"]?.AsArray().Select(p => (string)p!["id"]!) ?? []];

    [Fact]
    public void Resolve_SetParameters_ReplaceValuesLabelAndSelectAndAddConstraintsAndProps()
    {
        var resolved = Resolve(Profile(Import(Simple, All), modify: """
            { "set-parameters": [
                { "param-id": "a1_prm1", "label": "new label", "values": [ "at least every 3 years" ],
                  "constraints": [ { "description": "at least annually" } ], "props": [ { "name": "priority", "value": "high" } ] },
                { "param-id": "a1_prm1", "props": [ { "name": "source", "value": "second set-parameter" } ] },
                { "param-id": "a3_prm1", "select": { "how-many": "one-or-more", "choice": [ "x", "y" ] } } ] }
            """));

        var a1 = ParamOf(resolved, "a1_prm1");
        Assert.Equal("new label", (string)a1["label"]!);
        Assert.Equal(["at least every 3 years"], a1["values"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("at least annually", (string)a1["constraints"]![0]!["description"]!);
        // Applied in the profile's order: the second adds to what the first added.
        Assert.Equal(["high", "second set-parameter"], PropValues(a1));
        // Canonical order of a param's fields, whatever the order they were set in.
        Assert.Equal(["id", "props", "label", "constraints", "values"], a1.Select(p => p.Key));
        var a3 = ParamOf(resolved, "a3_prm1");
        Assert.Equal(["x", "y"], a3["select"]!["choice"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["three"], a3["values"]!.AsArray().Select(v => (string)v!));
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void Resolve_SetParameterOfALooseParam_SetsItAndKeepsIt()
    {
        // param-A.b belongs to group ga; flat drops the group, a2 (which inserts it) is not selected.
        var resolved = Resolve(Profile(Import(Crazy, """ "include-controls": [ { "with-ids": [ "a3" ] } ]"""),
            modify: """{ "set-parameters": [ { "param-id": "param-A.b", "values": [ "choice 2" ] } ] }"""));

        Assert.Equal("$param-A.b a3", Outline(resolved));
        Assert.Equal("choice 2", (string)ParamOf(resolved, "param-A.b")["values"]![0]!);
    }

    [Fact]
    public void Resolve_SetParameterWithoutTarget_WarnsAndGoesOn()
    {
        var resolved = Resolve(Profile(Import(Simple, """ "include-controls": [ { "with-ids": [ "a2" ] } ]"""),
            modify: """{ "set-parameters": [ { "param-id": "nowhere", "values": [ "x" ] } ] }"""));

        Assert.Equal("a2", Outline(resolved));
        Assert.Equal(["memory://fixtures/profile.json, at /profile/modify/set-parameters/0: there is no param \"nowhere\" to set."], resolved.Warnings);
    }

    [Fact]
    public void Resolve_Removes_MatchEveryCriterionWithOscalAsTheDefaultNamespace()
    {
        // After req-modify-alter-remove-match1 and -match2.
        var resolved = Resolve(Profile(Import(Busy, All), modify: """
            { "alters": [
                { "control-id": "a1", "removes": [
                    { "by-name": "label" },
                    { "by-name": "extra", "by-ns": "http://csrc.nist.gov/ns/oscal" },
                    { "by-id": "a1_smt.b" },
                    { "by-item-name": "part", "by-name": "guidance" } ] },
                { "control-id": "a2", "removes": [ { "by-item-name": "prop" }, { "by-id": "c3-stmt" } ] } ] }
            """));

        var a1 = ControlOf(resolved, "a1");
        // ex1 (no ns), ex2 (OSCAL ns) and ex4 (no ns, a class) are in the OSCAL namespace; ex3 is not.
        Assert.Equal(["ex3"], PropValues(a1));
        Assert.Equal(["a1_smt"], PartIds(a1));
        Assert.Equal(["a1_smt.a"], PartIds(a1["parts"]![0]!.AsObject()));
        // "extra" in the statement part went too: removal reaches into parts...
        Assert.Null(a1["parts"]![0]!["props"]);
        // ...but not into child controls, which alters of their own reach.
        Assert.Equal(["1st(1)"], PropValues(ControlOf(resolved, "a1.1")));
        Assert.Null(ControlOf(resolved, "a2")["props"]);
        Assert.Equal(["memory://fixtures/profile.json, at /profile/modify/alters/1/removes/1: nothing in control \"a2\" matches the remove."], resolved.Warnings);
    }

    [Fact]
    public void Resolve_RemoveByClass_RemovesOnlyThatClass()
    {
        var resolved = Resolve(Profile(Import(Busy, All), modify: """
            { "alters": [ { "control-id": "a1", "removes": [ { "by-name": "extra", "by-class": "special" } ] } ] }
            """));

        Assert.Equal(["1st", "ex1", "ex2", "ex3"], PropValues(ControlOf(resolved, "a1")));
    }

    [Fact]
    public void Resolve_Adds_PlaceContentAtTheControlAndAroundOrInsideTargets()
    {
        // After the specification's modify-adds example.
        var resolved = Resolve(Profile(Import(Busy, All), modify: """
            { "alters": [ { "control-id": "a1", "adds": [
                { "position": "starting", "by-id": "a1", "props": [ { "name": "CORE", "ns": "https://fedramp.gov/ns/oscal", "value": "core" } ] },
                { "position": "starting", "by-id": "a1_prm1", "props": [ { "name": "annotated", "value": "param-prop" } ] },
                { "position": "before", "by-id": "a1_prm1", "params": [ { "id": "new_prm", "label": "A1 Parameter New" } ] },
                { "position": "starting", "by-id": "a1_smt", "props": [ { "name": "method", "value": "EXAMINE" } ] },
                { "position": "after", "by-id": "a1_smt", "parts": [ { "id": "new-part", "name": "statement", "prose": "{{ insert: param, new_prm }}" } ] },
                { "position": "ending", "by-id": "a1_smt", "parts": [ { "id": "new-part2", "name": "item", "prose": "last" } ] },
                { "position": "ending", "title": "Control A1, retitled", "links": [ { "href": "#a2", "rel": "related" } ] },
                { "position": "ending", "by-id": "a1.1", "props": [ { "name": "status", "value": "added through the parent" } ] },
                { "by-id": "no-such-id", "props": [ { "name": "x", "value": "y" } ] } ] } ] }
            """));

        var a1 = ControlOf(resolved, "a1");
        Assert.Equal("Control A1, retitled", (string)a1["title"]!);
        Assert.Equal(["new_prm", "a1_prm1"], a1["params"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal(["param-prop"], PropValues(ParamOf(resolved, "a1_prm1")));
        Assert.Equal(["core", "1st", "ex1", "ex2", "ex3", "ex4"], PropValues(a1));
        Assert.Equal(["a1_smt", "new-part", "a1_gdn"], PartIds(a1));
        var statement = a1["parts"]![0]!.AsObject();
        Assert.Equal(["EXAMINE", "in-part"], PropValues(statement));
        Assert.Equal(["a1_smt.a", "a1_smt.b", "new-part2"], PartIds(statement));
        Assert.Equal("#a2", (string)a1["links"]![0]!["href"]!);
        Assert.Equal(["1st(1)", "added through the parent"], PropValues(ControlOf(resolved, "a1.1")));
        // Keys stay in OSCAL's order after additions.
        Assert.Equal(["id", "title", "params", "props", "links", "parts", "controls"], a1.Select(p => p.Key));
        Assert.Equal(["memory://fixtures/profile.json, at /profile/modify/alters/0/adds/8: control \"a1\" holds no object with id \"no-such-id\"; the add is ignored."],
            resolved.Warnings);
    }

    [Fact]
    public void Resolve_AlterOfAControlNotSelected_WarnsAndChangesNothing()
    {
        var resolved = Resolve(Profile(Import(Simple, """ "include-controls": [ { "with-ids": [ "a2" ] } ]"""),
            modify: """{ "alters": [ { "control-id": "b1", "removes": [ { "by-item-name": "prop" } ] } ] }"""));

        Assert.Equal("a2", Outline(resolved));
        Assert.Equal(["memory://fixtures/profile.json, at /profile/modify/alters/0: there is no control \"b1\" to alter."], resolved.Warnings);
    }

    [Fact]
    public void Resolve_AsIs_KeepsGroupParamsInTheirGroup()
    {
        // The specification: "Any group that holds an included control MUST appear in the output with all of its
        // non-control children intact". (NIST's expected req-structure-asis1 drops them; its resolver predates this.)
        var resolved = Resolve(Profile(Import(Crazy, """ "include-controls": [ { "with-ids": [ "a1" ] } ]"""), AsIs));

        var group = resolved.Catalog["catalog"]!["groups"]![0]!.AsObject();
        Assert.Equal("ga[a1]", Outline(resolved));
        Assert.Equal(["param-A.a", "param-A.b"], group["params"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal(["id", "title", "params", "controls"], group.Select(p => p.Key));
    }

    [Fact]
    public void Resolve_BackMatter_KeepsCitedAndKeepAlwaysResourcesWithTheProfilesVersionsLast()
    {
        var resolved = Resolve(Profile(Import(Crazy, All), AsIs, backMatter: """
            { "resources": [
                { "uuid": "4a3990e7-2020-4b8f-902c-d679ebea2b58", "title": "r1 as the profile has it" },
                { "uuid": "70830fd9-7899-40f8-acfe-70a5d1a56353", "title": "r3 without keep" },
                { "uuid": "ac5a1b4e-0f4c-4a36-9c64-1d2f1b0a6f3e", "title": "the profile's own, cited by nobody" } ] }
            """));

        var resources = resolved.Catalog["catalog"]!["back-matter"]!["resources"]!.AsArray().Select(r => (string)r!["title"]!);
        // r2 (cited in c2's prose), r3 (keep always, not replaced by a version without it), r1 (the profile's, added last).
        Assert.Equal(["r2", "r3", "r1 as the profile has it"], resources);
    }

    [Fact]
    public void Resolve_Metadata_IsTheProfilesWithTimeVersionSourceAndTool()
    {
        var resolved = Resolve(Profile(Import(Simple, """ "include-controls": [ { "with-ids": [ "a2" ] } ]""")));

        var catalog = resolved.Catalog["catalog"]!.AsObject();
        var metadata = catalog["metadata"]!.AsObject();
        Assert.Equal(["uuid", "metadata", "controls"], catalog.Select(p => p.Key));
        Assert.NotEqual("0a281290-eb91-423f-9430-576e8099cae4", (string)catalog["uuid"]!);
        Assert.Equal("Test Profile", (string)metadata["title"]!);
        Assert.Equal("2025-04-01T00:30:00Z", (string)metadata["last-modified"]!);
        Assert.Equal("1.0", (string)metadata["version"]!);
        // The latest of the profile's (1.0.4) and the catalog's (1.0.0).
        Assert.Equal("1.0.4", (string)metadata["oscal-version"]!);
        Assert.Equal("memory://fixtures/profile.json", (string)metadata["links"]![0]!["href"]!);
        Assert.Equal("source-profile", (string)metadata["links"]![0]!["rel"]!);
        Assert.Equal(("resolution-tool", "https://shirube.dev/ns/oscal"), ((string)metadata["props"]![0]!["name"]!, (string)metadata["props"]![0]!["ns"]!));
    }

    [Fact]
    public void Resolve_ProfileOfAProfile_ResolvesTheInnerOneFirst()
    {
        // After req-chained-deepA: the inner profile takes everything as-is and sets a param; the outer picks from it
        // and from a catalog.
        // Its imports are relative to itself.
        var inner = Profile(Import("../" + MixedUp, All), AsIs,
            modify: """{ "set-parameters": [ { "param-id": "a1_prm1", "values": [ "set by the inner profile" ] } ] }""", title: "Inner");
        var outer = Profile($$"""
            [ { "href": "profiles/inner.json", "include-controls": [ { "with-child-controls": "yes", "with-ids": [ "a1", "b1", "c1", "c3" ] } ] },
              { "href": "{{Simple}}", "include-controls": [ { "with-ids": [ "a3", "b3" ] } ] } ]
            """, AsIs);

        var resolved = Resolve(outer, ("profiles/inner.json", inner));

        Assert.Equal($"gb[b1 b3] ga[a1 a3] gc[{C3Tree} c1]", Outline(resolved));
        Assert.Equal("set by the inner profile", (string)ParamOf(resolved, "a1_prm1")["values"]![0]!);
        Assert.Equal("Control A1 (mixed up)", (string)ControlOf(resolved, "a1")["title"]!);
    }

    [Fact]
    public void Resolve_CustomGroupWithAnImportedGroupsId_TakesThatGroupsContent()
    {
        var resolved = Resolve(Profile(Import(Crazy, All), """
            { "custom": { "groups": [ { "id": "ga", "insert-controls": [ { "include-controls": [ { "with-ids": [ "a1" ] } ] } ] } ] } }
            """));

        var group = resolved.Catalog["catalog"]!["groups"]![0]!.AsObject();
        Assert.Equal("ga[a1]", Outline(resolved));
        Assert.Equal("Group A of C", (string)group["title"]!);
        Assert.Equal(["param-A.a", "param-A.b"], group["params"]!.AsArray().Select(p => (string)p!["id"]!));
    }

    [Fact]
    public void Resolve_LeavesTheProfileAndTheImportedDocumentsAsTheyWere()
    {
        var source = Source();
        var catalog = source.Load(At(Crazy));
        var before = catalog.DeepClone();
        var profile = JsonNode.Parse(Profile(Import(Crazy, """ "include-controls": [ { "with-ids": [ "a1", "c3.a" ] } ]"""), AsIs,
            modify: """{ "set-parameters": [ { "param-id": "param-A.a", "values": [ "x" ] } ], "alters": [ { "control-id": "a1", "removes": [ { "by-item-name": "part" } ] } ] }"""))!.AsObject();
        var profileBefore = profile.DeepClone();

        var resolved = ProfileResolver.Resolve(profile, At("profile.json"), source, Now);

        Assert.Equal("ga[a1] gc[cb[c3.a]]", Outline(resolved));
        Assert.True(JsonNode.DeepEquals(before, catalog));
        Assert.True(JsonNode.DeepEquals(profileBefore, profile));
    }
}
