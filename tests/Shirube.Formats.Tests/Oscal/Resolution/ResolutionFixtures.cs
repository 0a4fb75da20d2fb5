using System.Text;
using System.Text.Json.Nodes;
using Shirube.Formats.Oscal.Resolution;

namespace Shirube.Formats.Tests.Oscal.Resolution;

/// <summary>
/// Small catalogs and profiles written for these tests after the shapes of the profile resolution specification's XML
/// test cases (usnistgov/OSCAL profile-resolution-tests: abc-simple, abc-mixed-up, abc-crazy, loose-parameters, busy),
/// in OSCAL JSON, served from memory under <see cref="Base"/>.
/// </summary>
internal static class ResolutionFixtures
{
    public static readonly Uri Base = new("memory://fixtures/");

    public static readonly DateTimeOffset Now = new(2025, 4, 1, 9, 30, 0, TimeSpan.FromHours(9));

    public static Uri At(string relative) => new(Base, relative);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static string Control(string id, string inner = "") =>
        $$"""{ "id": "{{id}}", "title": "Control {{id}}", "props": [ { "name": "label", "value": "{{id.ToUpperInvariant()}}" } ], "parts": [ { "id": "{{id}}_smt", "name": "statement", "prose": "Statement of {{id}}." } ]{{inner}} }""";

    private static string C3Tree => Control("c3", $", \"controls\": [ {Control("c3.a", $", \"controls\": [ {Control("c3.a-1")} ]")} ]");

    private static string Catalog(string title, string body, string backMatter = "") => $$"""
        { "catalog": { "uuid": "6498eb6e-8653-4470-8b97-54054d3ba886",
          "metadata": { "title": "{{title}}", "last-modified": "2020-05-30T14:51:38.311-04:00", "version": "1.0", "oscal-version": "1.0.0" },
          {{body}}{{backMatter}} } }
        """;

    /// <summary>Groups ga (a1 with a param, a2, a3 with a param), gb (b1–b3), gc (c1, c2, c3 › c3.a › c3.a-1).</summary>
    public static string AbcSimple => Catalog("Alphabet Catalog", $$$"""
        "groups": [
          { "id": "ga", "title": "Group A of C", "controls": [
            { "id": "a1", "title": "Control A1", "params": [ { "id": "a1_prm1", "label": "A1 Parameter 1" } ],
              "parts": [ { "id": "a1_smt", "name": "statement", "prose": "A1 {{ insert: param, a1_prm1 }}." } ] },
            {{{Control("a2")}}},
            { "id": "a3", "title": "Control A3", "params": [ { "id": "a3_prm1", "label": "A3 Parameter 1", "values": [ "three" ] } ],
              "parts": [ { "id": "a3_smt", "name": "statement", "prose": "A3 {{ insert: param, a3_prm1 }}." } ] } ] },
          { "id": "gb", "title": "Group B of C", "controls": [ {{{Control("b1")}}}, {{{Control("b2")}}}, {{{Control("b3")}}} ] },
          { "id": "gc", "title": "Group C of C", "controls": [ {{{Control("c1")}}}, {{{Control("c2")}}}, {{{C3Tree}}} ] } ]
        """);

    /// <summary>The same controls in another order: gb (b2, b1, b3), ga (a3, a2, a1), gc (c3 tree, c1, c2).</summary>
    public static string AbcMixedUp => Catalog("Mixed up Alphabet Catalog", $$$"""
        "groups": [
          { "id": "gb", "title": "Group B of C", "controls": [ {{{Control("b2")}}}, {{{Control("b1")}}}, {{{Control("b3")}}} ] },
          { "id": "ga", "title": "Group A of C", "controls": [
            { "id": "a3", "title": "Control A3 (mixed up)", "params": [ { "id": "a3_prm1", "label": "A3 Parameter 1" } ] },
            {{{Control("a2")}}},
            { "id": "a1", "title": "Control A1 (mixed up)", "params": [ { "id": "a1_prm1", "label": "A1 Parameter 1" } ] } ] },
          { "id": "gc", "title": "Group C of C", "controls": [ {{{C3Tree}}}, {{{Control("c1")}}}, {{{Control("c2")}}} ] } ]
        """);

    /// <summary>
    /// Nested groups and group params: ga (params A.a, A.b; a1 inserts A.a, a2 inserts A.b, a3), gb (b1, b2 links
    /// resource r1), gc › ca (c1, c2 links r2), gc › cb (c3 tree); back-matter r1, r2, r3 (keep always), r4.
    /// </summary>
    public static string AbcCrazy => Catalog("ABC Catalog", $$$"""
        "groups": [
          { "id": "ga", "title": "Group A of C",
            "params": [ { "id": "param-A.a", "label": "A.a parameter", "values": [ "A.a value" ] },
                        { "id": "param-A.b", "select": { "choice": [ "choice 1", "choice 2" ] } } ],
            "controls": [
              { "id": "a1", "title": "Control A1", "parts": [ { "id": "a1_smt", "name": "statement", "prose": "A.a is {{ insert: param, param-A.a }}." } ] },
              { "id": "a2", "title": "Control A2", "parts": [ { "id": "a2_smt", "name": "statement", "prose": "A.b is {{ insert: param, param-A.b }}." } ] },
              {{{Control("a3")}}} ] },
          { "id": "gb", "title": "Group B of C", "controls": [
              {{{Control("b1")}}},
              { "id": "b2", "title": "Control B2", "links": [ { "href": "#4a3990e7-2020-4b8f-902c-d679ebea2b58", "rel": "reference" } ] },
              {{{Control("b3")}}} ] },
          { "id": "gc", "title": "Group C of C", "groups": [
              { "id": "ca", "title": "Group CA", "controls": [
                  {{{Control("c1")}}},
                  { "id": "c2", "title": "Control C2", "parts": [ { "id": "c2_smt", "name": "statement", "prose": "See [the citation](#ef4c1cf0-a3cc-4354-bdd5-690466f61d4f)." } ] } ] },
              { "id": "cb", "title": "Group CB", "controls": [ {{{C3Tree}}} ] } ] } ]
        """, """
        , "back-matter": { "resources": [
            { "uuid": "4a3990e7-2020-4b8f-902c-d679ebea2b58", "title": "r1" },
            { "uuid": "ef4c1cf0-a3cc-4354-bdd5-690466f61d4f", "title": "r2" },
            { "uuid": "70830fd9-7899-40f8-acfe-70a5d1a56353", "title": "r3", "props": [ { "name": "keep", "value": "always" } ] },
            { "uuid": "0b1dd1a6-5e6a-4b6c-9f38-2f1f7f4b9a10", "title": "r4" } ] }
        """);

    /// <summary>A catalog-level param floatA; group grp: c3 tree (c3.a-1 inserts c2p), c1 (inserts floatA), c2 (param c2p).</summary>
    public static string LooseParameters => Catalog("Loose Parameters", """
        "params": [ { "id": "floatA", "label": "floating param" }, { "id": "unused", "label": "nobody inserts me" } ],
        "groups": [ { "id": "grp", "title": "Group of Controls", "controls": [
          { "id": "c3", "title": "Control C3", "controls": [ { "id": "c3.a", "title": "Control C3-A", "controls": [
            { "id": "c3.a-1", "title": "Control C3-A-1", "parts": [ { "id": "c3.a-1_smt", "name": "statement", "prose": "Refers to {{ insert: param, c2p }}." } ] } ] } ] },
          { "id": "c1", "title": "Control C1", "parts": [ { "id": "c1_smt", "name": "statement", "prose": "Uses {{ insert: param, floatA }}." } ] },
          { "id": "c2", "title": "Control C2", "params": [ { "id": "c2p", "label": "param floating in C2" } ] } ] } ]
        """);

    /// <summary>Controls a1–a3 with props that differ in name, ns and class, and statements with items.</summary>
    public static string Busy => Catalog("Busy Catalog", """
        "controls": [
          { "id": "a1", "title": "Control A1",
            "params": [ { "id": "a1_prm1", "label": "A1 Parameter 1" } ],
            "props": [ { "name": "label", "value": "1st" }, { "name": "extra", "value": "ex1" },
                       { "name": "extra", "value": "ex2", "ns": "http://csrc.nist.gov/ns/oscal" },
                       { "name": "extra", "value": "ex3", "ns": "http://somens.url" },
                       { "name": "extra", "value": "ex4", "class": "special" } ],
            "parts": [ { "id": "a1_smt", "name": "statement", "prose": "A1 {{ insert: param, a1_prm1 }}.",
                         "props": [ { "name": "extra", "value": "in-part" } ],
                         "parts": [ { "id": "a1_smt.a", "name": "item", "prose": "first" }, { "id": "a1_smt.b", "name": "item", "prose": "second" } ] },
                       { "id": "a1_gdn", "name": "guidance", "prose": "Guidance." } ],
            "controls": [ { "id": "a1.1", "title": "Enhancement A1(1)", "props": [ { "name": "label", "value": "1st(1)" } ] } ] },
          { "id": "a2", "title": "Control A2", "props": [ { "name": "label", "value": "2nd" } ] } ]
        """);

    /// <summary>An in-memory source with the catalogs under <c>catalogs/</c> and any extra documents given.</summary>
    public static InMemoryDocumentSource Source(params (string Path, string Json)[] extra)
    {
        var source = new InMemoryDocumentSource()
            .Add(At("catalogs/abc-simple.json"), Parse(AbcSimple))
            .Add(At("catalogs/abc-mixed-up.json"), Parse(AbcMixedUp))
            .Add(At("catalogs/abc-crazy.json"), Parse(AbcCrazy))
            .Add(At("catalogs/loose-parameters.json"), Parse(LooseParameters))
            .Add(At("catalogs/busy.json"), Parse(Busy));
        foreach (var (path, json) in extra)
            source.Add(At(path), Parse(json));
        return source;
    }

    /// <summary>A profile with the given imports (a JSON array) and optional merge, modify and back-matter objects.</summary>
    public static string Profile(string imports, string? merge = null, string? modify = null, string? backMatter = null, string title = "Test Profile") =>
        $$"""
        { "profile": { "uuid": "0a281290-eb91-423f-9430-576e8099cae4",
          "metadata": { "title": "{{title}}", "last-modified": "2022-02-14T17:44:59.245623-05:00", "version": "1.0", "oscal-version": "1.0.4" },
          "imports": {{imports}}
          {{(merge is null ? "" : $", \"merge\": {merge}")}}
          {{(modify is null ? "" : $", \"modify\": {modify}")}}
          {{(backMatter is null ? "" : $", \"back-matter\": {backMatter}")}} } }
        """;

    /// <summary>Resolves a profile held at <c>profile.json</c> against <see cref="Source"/> (plus extra documents).</summary>
    public static ResolvedProfile Resolve(string profile, params (string Path, string Json)[] extra) =>
        ProfileResolver.Resolve(Parse(profile), At("profile.json"), Source(extra), Now);

    /// <summary>
    /// The resolved catalog's shape in one line: loose params as <c>$id</c>, groups as <c>id[...]</c> (title when
    /// there is no id), controls as ids with their child controls in parentheses, e.g.
    /// <c>$floatA grp[c3(c3.a(c3.a-1)) c1]</c>.
    /// </summary>
    public static string Outline(ResolvedProfile resolved)
    {
        var catalog = resolved.Catalog["catalog"]!.AsObject();
        var words = new List<string>();
        if (catalog["params"] is JsonArray ps)
            words.AddRange(ps.Select(p => "$" + (string)p!["id"]!));
        words.Add(Container(catalog));
        return string.Join(' ', words.Where(w => w.Length > 0));
    }

    private static string Container(JsonObject container)
    {
        var words = new List<string>();
        // Document order: a group's groups and controls in the order they stand.
        foreach (var (key, value) in container)
        {
            if (key == "controls")
                words.AddRange(value!.AsArray().Select(c => ControlOutline(c!.AsObject())));
            else if (key == "groups")
                words.AddRange(value!.AsArray().Select(g => $"{(string?)g!["id"] ?? (string)g["title"]!}[{Container(g.AsObject())}]"));
        }
        return string.Join(' ', words);
    }

    private static string ControlOutline(JsonObject control)
    {
        var id = (string)control["id"]!;
        return control["controls"] is JsonArray children
            ? $"{id}({string.Join(' ', children.Select(c => ControlOutline(c!.AsObject())))})"
            : id;
    }

    /// <summary>The control with the id, anywhere in the resolved catalog.</summary>
    public static JsonObject ControlOf(ResolvedProfile resolved, string id) =>
        Walk(resolved.Catalog).Single(o => o["title"] is not null && (string?)o["id"] == id && o.Parent is JsonArray a && a.Parent is JsonObject owner
            && owner["controls"] == a);

    /// <summary>The param with the id, anywhere in the resolved catalog.</summary>
    public static JsonObject ParamOf(ResolvedProfile resolved, string id) =>
        Walk(resolved.Catalog).Single(o => (string?)o["id"] == id && o.Parent is JsonArray a && a.Parent is JsonObject owner && owner["params"] == a);

    public static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            yield return o;
            foreach (var (_, value) in o)
            {
                foreach (var inner in Walk(value))
                    yield return inner;
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                foreach (var inner in Walk(item))
                    yield return inner;
            }
        }
    }

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
