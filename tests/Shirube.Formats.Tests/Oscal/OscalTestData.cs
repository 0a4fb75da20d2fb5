using System.Text.Json.Nodes;
using Json.Schema;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Guidelines;

namespace Shirube.Formats.Tests.Oscal;

/// <summary>
/// The shared corpora (SHIRUBE_CORPORA) and the OSCAL 1.0.6 catalog schema as JsonSchema.Net 7.4.0 can evaluate it.
/// </summary>
/// <remarks>
/// The schema names its definitions with draft-07 plain-name ids (<c>"$id": "#field_oscal-metadata_version"</c>)
/// and refers to them by name. JsonSchema.Net 7.4.0 does not resolve these: where the <c>$id</c> sits beside a
/// <c>$ref</c> (11 definitions) draft-07 says to ignore it, so evaluation throws RefResolutionException
/// ("Could not resolve anchor 'json-schema-directive'"), and a recursive definition reached through its anchor
/// (control → controls → control) overflows the stack. So before loading we rewrite every <c>"$ref": "#name"</c>
/// into the equivalent JSON pointer <c>"#/definitions/…"</c> and drop the plain-name ids. Nothing else changes: the
/// patterns (<c>\p{L}</c>, <c>\p{N}</c> in tokens, the date-time and UUID patterns) compile and behave the same in
/// .NET, and formats are checked too (RequireFormatValidation).
/// </remarks>
internal static class OscalTestData
{
    private const string NotSet = "SHIRUBE_CORPORA is not set: the OSCAL schema and content are read from the shared corpora (CI sets it).";

    private static readonly Lazy<JsonSchema> Schema = new(() => LoadSchema(SchemaPath()));
    private static readonly Lock EvaluationLock = new();

    public static readonly DateTimeOffset LastModified = new(2025, 4, 1, 9, 30, 0, TimeSpan.FromHours(9));

    /// <summary>The corpora folder, or a skipped test when it is not configured.</summary>
    public static string Corpora()
    {
        var corpora = Environment.GetEnvironmentVariable("SHIRUBE_CORPORA");
        Assert.SkipWhen(string.IsNullOrEmpty(corpora), NotSet);
        return corpora!;
    }

    public static string SchemaPath() => Path.Combine(Corpora(), "oscal-schemas", "v1.0.6", "json", "schema", "oscal_catalog_schema.json");

    public static string Nist80053Path() =>
        Path.Combine(Corpora(), "oscal-content", "rev5-2021-06-08", "nist.gov", "SP800-53", "rev5", "json", "NIST_SP-800-53_rev5_catalog.json");

    /// <summary>Schema errors of a document (empty when valid): "instance location: message".</summary>
    public static IReadOnlyList<string> SchemaErrors(string json) => SchemaErrors(Schema.Value, json, 10);

    /// <summary>Errors of a document against any OSCAL schema (empty when valid), the <paramref name="take"/> deepest.</summary>
    public static IReadOnlyList<string> SchemaErrors(JsonSchema schema, string json, int take)
    {
        var node = JsonNode.Parse(json);
        EvaluationResults result;
        lock (EvaluationLock)
            result = schema.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
            return [];
        // anyOf branches report errors even when another branch passes; the deepest places are the informative ones.
        return [.. result.Details.Where(d => d.HasErrors)
            .OrderByDescending(d => d.InstanceLocation.Count)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Select(e => $"{e.Key}: {e.Value}"))}")
            .Distinct()
            .Take(take)];
    }

    /// <summary>Loads an OSCAL JSON schema with its plain-name ids rewritten to JSON pointers.</summary>
    public static JsonSchema LoadSchema(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, definition) in root["definitions"]!.AsObject())
        {
            if (definition is JsonObject d && d["$id"]?.GetValue<string>() is { } id && id.StartsWith('#'))
            {
                anchors[id] = "#/definitions/" + name;
                d.Remove("$id");
            }
        }
        RewriteReferences(root, anchors);
        return JsonSchema.FromText(root.ToJsonString());
    }

    private static void RewriteReferences(JsonNode? node, Dictionary<string, string> anchors)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"]?.GetValue<string>() is { } reference && anchors.TryGetValue(reference, out var pointer))
                    o["$ref"] = pointer;
                foreach (var (_, value) in o.ToList())
                    RewriteReferences(value, anchors);
                break;
            case JsonArray a:
                foreach (var item in a)
                    RewriteReferences(item, anchors);
                break;
        }
    }

    public static readonly Lazy<Catalog> Bundled = new(BundledCatalog.Load);

    /// <summary>Every bundled guideline in both languages.</summary>
    public static TheoryData<string, string> BundledGuidelines()
    {
        var data = new TheoryData<string, string>();
        foreach (var g in Bundled.Value.Guidelines)
        {
            data.Add(g.Id, "en");
            data.Add(g.Id, "ja");
        }
        return data;
    }

    public static Guideline BundledGuideline(string id) => Bundled.Value.Find(id) ?? throw new InvalidOperationException($"No bundled guideline {id}.");

    private static LocalizedText T(string en, string ja) => new(en, ja);

    /// <summary>
    /// A guideline that uses everything the writer maps: nested groups, ids that are not OSCAL tokens, a group and a
    /// requirement with the same id, enhancements two deep, parameters, source text, notes and tags.
    /// </summary>
    public static Guideline EveryFeature() => new()
    {
        Id = "sample-guide",
        Name = T("Sample guide", "サンプルガイド"),
        ShortName = "Sample",
        Issuer = "Nobody  in\tparticular",
        Region = GuidelineRegion.JP,
        Year = 2024,
        Version = "1.0 (2024-04)",
        Kind = GuidelineKind.Sector,
        Sector = "medical",
        Scope = T("Scope", "範囲"),
        Summary = T("Summary", "概要"),
        Source = new GuidelineSource("https://example.org/guide", "CC0-1.0", "Identifiers only.", null),
        Levels = ["M", "R", "M C"],
        ExpectedCount = 7,
        Verified = false,
        Groups =
        [
            new RequirementGroup("5", T("Chapter five", "第5章"), [new RequirementGroup("5.1", T("Section 5.1", "5.1 節"), []), new RequirementGroup("V.C", T("Clash", "衝突"), [])]),
            new RequirementGroup("要点", T("Points", "要点"), []),
        ],
        Requirements =
        [
            new Requirement
            {
                Id = "5.1-1", Group = "5.1", Title = T("No default passwords", "初期パスワードを使わない"),
                Summary = T("Passwords are unique per device.", "パスワードは機器ごとに固有とする。"),
                Parts = [IotPart.Device, IotPart.NetworkLocal], Phases = [LifecyclePhase.Design, LifecyclePhase.Build], Level = "M",
                Controls = ["no-default-passwords", "authentication"],
                Parameters =
                [
                    new RequirementParameter("5.1-1_prm_1", "organization-defined length", ["12", "  sixteen\ncharacters "], [], false),
                    new RequirementParameter("5.1-1_prm_2", null, [], ["unique", "user-defined"], true),
                    new RequirementParameter("5.1-1_prm_3", "one of", [], ["a", "b"], false),
                ],
            },
            new Requirement
            {
                Id = "5.1-1(a)", Group = "5.1", Parent = "5.1-1", Title = T("Enhancement", "強化"), Summary = T("First enhancement.", "強化その一。"),
                Parts = [IotPart.Device], Phases = [LifecyclePhase.Design], Level = "R M", Controls = ["authentication"],
                Text =
                [
                    new TextPart("statement", "s5.1-1a_smt", null, "Do the following:",
                    [
                        new TextPart("item", "s5.1-1a_smt.a", "a.", "first thing;", []),
                        new TextPart("item", "s5.1-1a_smt.b", "b.", "second thing.", [new TextPart("item", "s5.1-1a_smt.b.1", "1.", "detail", [])]),
                    ]),
                    new TextPart("guidance", "s5.1-1a_gdn", null, "Some guidance.", []),
                ],
            },
            new Requirement
            {
                Id = "5.1-1(a)(i)", Group = "5.1", Parent = "5.1-1(a)", Title = T("Deeper", "さらに"), Summary = T("Second level.", "二段目。"),
                Parts = [IotPart.Management], Phases = [LifecyclePhase.Operation], Controls = ["authentication"],
            },
            new Requirement
            {
                Id = "要点1", Group = "要点", Title = T("Point one", "要点一"), Summary = T("Japanese id.", "日本語の識別子。"),
                Parts = [IotPart.PlatformCloud, IotPart.PlatformApiData], Phases = [LifecyclePhase.Policy], Levels = ["L1", "L2"],
                Controls = ["asset-inventory"], Verified = false, Note = T("Checked against a secondary source.", "二次資料で確認。"),
            },
            new Requirement
            {
                Id = "I(2)(a)", Title = T("Ungrouped", "グループなし"), Summary = T("Not in a group.", "グループに属さない。"),
                Parts = [IotPart.Gateway], Phases = [LifecyclePhase.Disposal], Controls = ["secure-disposal"],
            },
            new Requirement
            {
                Id = "V.C", Group = "V.C", Title = T("Same id as its group", "グループと同じ識別子"), Summary = T("Clash.", "衝突。"),
                Parts = [IotPart.NetworkWide], Phases = [LifecyclePhase.Analysis], Controls = ["risk-assessment"],
            },
            new Requirement
            {
                Id = "CSC 1", Group = "5", Title = T("Space in id", "識別子に空白"), Summary = T("  Leading and trailing space kept. ", " 前後の空白 "),
                Parts = [IotPart.Device], Phases = [LifecyclePhase.Build], Controls = ["asset-inventory"],
            },
        ],
    };
}
