using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shirube.Domain.Guidelines;

namespace Shirube.Formats.Oscal;

/// <summary>Serializer settings, namespaces and the names of the properties Shirube writes into OSCAL.</summary>
internal static class OscalJson
{
    /// <summary>Deepest nesting accepted when reading (a 20-level control tree is about 45 levels of JSON).</summary>
    public const int MaxDepth = 64;

    /// <summary>The OSCAL namespace; properties without <c>ns</c> are in it.</summary>
    public const string OscalNamespace = "http://csrc.nist.gov/ns/oscal";

    // Property names in Shirube's namespace. Metadata: guideline facts; controls: requirement tags.
    public const string GuidelineIdProp = "guideline-id";
    public const string ShortNameProp = "short-name";
    public const string IssuerProp = "issuer";
    public const string RegionProp = "region";
    public const string KindProp = "kind";
    public const string YearProp = "year";
    public const string SectorProp = "sector";
    public const string LevelProp = "level";
    public const string LevelsProp = "levels";
    public const string IotPartProp = "iot-part";
    public const string PhaseProp = "phase";
    public const string CommonControlProp = "common-control";
    public const string VerifiedProp = "verified";
    /// <summary>Marks the statement part that carries our summary (not source text).</summary>
    public const string DerivedFromProp = "derived-from";
    public const string DerivedFromSummary = "summary";
    /// <summary>Part name (in our namespace) for a requirement's note.</summary>
    public const string NotePart = "note";
    /// <summary>Part name (in our namespace) for a summary that is not the flattened statement.</summary>
    public const string SummaryPart = "summary";

    /// <summary>OSCAL's own property for a display label.</summary>
    public const string LabelProp = "label";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Exports are files, not HTML: keep Japanese and punctuation readable so that exports diff cleanly.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>A statement's words as one text: its prose, then each item as "label prose", one per line.</summary>
    public static string Flatten(TextPart statement)
    {
        var lines = new List<string>();
        void Walk(TextPart p)
        {
            var line = string.Join(' ', new[] { p.Label, p.Prose?.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
            if (line.Length > 0)
                lines.Add(line);
            foreach (var child in p.Children)
                Walk(child);
        }
        Walk(statement);
        return string.Join('\n', lines);
    }

    private static readonly (LifecyclePhase Phase, string Id)[] Phases =
        [.. Enum.GetValues<LifecyclePhase>().Select(p => (p, JsonNamingPolicy.KebabCaseLower.ConvertName(p.ToString())))];

    private static readonly (GuidelineKind Kind, string Id)[] Kinds =
        [.. Enum.GetValues<GuidelineKind>().Select(k => (k, JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString())))];

    /// <summary>The phase as the catalogs spell it, e.g. <c>operation</c>.</summary>
    public static string ToId(LifecyclePhase phase) => Phases.First(p => p.Phase == phase).Id;

    /// <summary>The kind as the catalogs spell it, e.g. <c>standard</c>.</summary>
    public static string ToId(GuidelineKind kind) => Kinds.First(k => k.Kind == kind).Id;

    public static bool TryParsePhase(string? text, out LifecyclePhase phase) => TryFind(Phases, text, out phase);

    public static bool TryParseKind(string? text, out GuidelineKind kind) => TryFind(Kinds, text, out kind);

    /// <summary>Region by name (<c>JP</c>, <c>Global</c>); numbers are not names.</summary>
    public static bool TryParseRegion(string? text, out GuidelineRegion region) =>
        TryFind([.. Enum.GetValues<GuidelineRegion>().Select(r => (r, r.ToString()))], text, out region);

    private static bool TryFind<T>((T Value, string Id)[] table, string? text, out T value)
        where T : struct
    {
        foreach (var (v, id) in table)
        {
            if (string.Equals(id, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
