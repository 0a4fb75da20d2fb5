using System.Globalization;
using System.Text.Json;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal.Dto;

namespace Shirube.Formats.Oscal;

/// <summary>
/// Writes a guideline as an OSCAL catalog (JSON, <c>{"catalog": {...}}</c>) in one language. The output validates
/// against the OSCAL 1.0.6 catalog schema and uses nothing that OSCAL 1.1 removed or changed. It is deterministic:
/// the same guideline, language and timestamp give the same bytes, and the catalog UUID is name-based (v5).
/// </summary>
/// <remarks>
/// Groups become OSCAL groups and requirements controls (enhancements, i.e. requirements with a parent, nest in
/// their parent's control). Identifiers that are not OSCAL tokens (e.g. "5.1-1", "I(2)(a)") are turned into tokens
/// deterministically, and every group and control keeps its original identifier in a <c>label</c> property.
/// Shirube's tags (IoT parts, phases, levels, common controls) are properties in <see cref="ShirubeNamespace"/>;
/// the summary is the prose of a <c>statement</c> part.
/// </remarks>
public static class OscalCatalogWriter
{
    /// <summary>The namespace of the properties and parts Shirube adds.</summary>
    public const string ShirubeNamespace = "https://shirube.dev/ns/oscal";

    /// <summary>The OSCAL version written to <c>metadata.oscal-version</c>.</summary>
    public const string OscalVersion = "1.0.6";

    /// <summary>Writes <paramref name="guideline"/> in English ("en") or Japanese ("ja").</summary>
    /// <param name="guideline">The guideline.</param>
    /// <param name="language">"en" or "ja" (a tag such as "ja-JP" is also accepted).</param>
    /// <param name="lastModified">The value of <c>metadata.last-modified</c>, written in UTC.</param>
    /// <returns>The OSCAL catalog as indented JSON text, ending with a newline.</returns>
    /// <exception cref="ArgumentException">
    /// The language is neither English nor Japanese, the timestamp is outside the years OSCAL accepts (1900–2999),
    /// or the guideline has duplicate requirement ids or a cycle of parents.
    /// </exception>
    public static string Write(Guideline guideline, string language, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        ArgumentNullException.ThrowIfNull(language);
        var lang = language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja"
            : language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en"
            : throw new ArgumentException($"'{language}' is not a language of the catalog; use \"en\" or \"ja\".", nameof(language));
        if (lastModified.UtcDateTime.Year is < 1900 or > 2999)
            throw new ArgumentOutOfRangeException(nameof(lastModified), lastModified, "OSCAL timestamps must fall in the years 1900 to 2999.");
        var catalog = new Export(guideline, lang).Catalog(lastModified);
        return JsonSerializer.Serialize(new OscalDocumentDto(catalog), OscalJson.Options) + "\n";
    }

    /// <summary>The catalog UUID of a guideline's export: name-based (v5), from the guideline id and the language.</summary>
    /// <param name="guidelineId">The guideline id.</param>
    /// <param name="language">"en" or "ja".</param>
    public static Guid CatalogUuid(string guidelineId, string language) =>
        NameBasedUuid.Create(NameBasedUuid.ShirubeNamespace, $"catalog/{guidelineId}/{language}");

    /// <summary>
    /// The OSCAL control id each requirement of <paramref name="guideline"/> gets in <see cref="Write"/>'s output, by
    /// requirement id (the same in every language). Profiles and assessment results refer to controls through this.
    /// </summary>
    /// <param name="guideline">The guideline.</param>
    /// <returns>Requirement id → control id, for every requirement.</returns>
    /// <exception cref="ArgumentException">The guideline has duplicate requirement ids.</exception>
    public static IReadOnlyDictionary<string, string> ControlIds(Guideline guideline)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        return AllocateControlIds(guideline, new OscalTokens());
    }

    // Controls take their tokens first, in requirement order, so that a control's id does not depend on the groups,
    // parts or parameters of the document; those give way on a clash.
    private static Dictionary<string, string> AllocateControlIds(Guideline guideline, OscalTokens tokens)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in guideline.Requirements)
        {
            if (!seen.Add(r.Id))
                throw new ArgumentException($"{guideline.Id}: the requirement id '{r.Id}' appears twice.", nameof(guideline));
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in guideline.Requirements)
            map[r.Id] = tokens.Allocate(r.Id, "control");
        return map;
    }

    private sealed class Export
    {
        private readonly Guideline _g;
        private readonly string _lang;
        private readonly OscalTokens _tokens = new();
        private readonly Dictionary<string, string> _controlTokens;
        private readonly Dictionary<string, List<Requirement>> _children = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Requirement>> _rootsByGroup = new(StringComparer.Ordinal);
        private readonly List<Requirement> _ungrouped = [];

        public Export(Guideline guideline, string language)
        {
            _g = guideline;
            _lang = language;
            _controlTokens = AllocateControlIds(guideline, _tokens);
            var ids = _controlTokens.Keys.ToHashSet(StringComparer.Ordinal);
            var groupIds = guideline.Groups.SelectMany(x => x.SelfAndDescendants()).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var r in guideline.Requirements)
            {
                if (r.Parent is { } parent && parent != r.Id && ids.Contains(parent))
                    Add(_children, parent, r);
                else if (r.Group is { } group && groupIds.Contains(group))
                    Add(_rootsByGroup, group, r);
                else
                    _ungrouped.Add(r);
            }
            var reachable = _ungrouped.Concat(_rootsByGroup.Values.SelectMany(x => x)).SelectMany(Tree).Count();
            if (reachable != guideline.Requirements.Count)
                throw new ArgumentException($"{guideline.Id}: the parents of some requirements form a cycle.", nameof(guideline));
        }

        public CatalogDto Catalog(DateTimeOffset lastModified) => new(
            Uuid: CatalogUuid(_g.Id, _lang).ToString("D"),
            Metadata: Metadata(lastModified),
            Params: null,
            Controls: List(_ungrouped.Select(Control)),
            Groups: List(_g.Groups.Select(Group)),
            BackMatter: null);

        private MetadataDto Metadata(DateTimeOffset lastModified)
        {
            var props = new List<PropertyDto?>
            {
                Ours(OscalJson.GuidelineIdProp, _g.Id),
                Ours(OscalJson.ShortNameProp, _g.ShortName),
                Ours(OscalJson.IssuerProp, _g.Issuer),
                Ours(OscalJson.RegionProp, _g.Region.ToString()),
                Ours(OscalJson.KindProp, OscalJson.ToId(_g.Kind)),
                Ours(OscalJson.YearProp, _g.Year.ToString(CultureInfo.InvariantCulture)),
                Ours(OscalJson.SectorProp, _g.Sector),
            };
            props.AddRange(_g.Levels.Select(l => Ours(OscalJson.LevelsProp, l)));
            if (!_g.Verified)
                props.Add(Ours(OscalJson.VerifiedProp, "false"));
            var url = _g.Source.Url?.Trim();
            var links = url is not null && Uri.IsWellFormedUriString(url, UriKind.Absolute)
                ? new List<LinkDto> { new(url, "reference", null) }
                : null;
            var remarks = _lang == "ja"
                ? $"ライセンス: {_g.Source.Licence}\n\n再利用: {_g.Source.Reuse}"
                : $"Licence: {_g.Source.Licence}\n\nReuse: {_g.Source.Reuse}";
            return new MetadataDto(
                Title: _g.Name.In(_lang),
                Published: null,
                LastModified: lastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
                Version: Clean(_g.Version) ?? _g.Year.ToString(CultureInfo.InvariantCulture),
                OscalVersion: OscalVersion,
                Props: List(props.OfType<PropertyDto>()),
                Links: links,
                Parties: null,
                ResponsibleParties: null,
                Remarks: remarks);
        }

        private GroupDto Group(RequirementGroup group)
        {
            // A group id that appears twice takes its requirements at its first place only.
            var controls = _rootsByGroup.Remove(group.Id, out var roots) ? roots : [];
            return new GroupDto(
                Id: _tokens.Allocate(group.Id, "group"),
                Class: null,
                Title: group.Title.In(_lang),
                Params: null,
                Props: List([Label(group.Id)]),
                Parts: null,
                Groups: List(group.Children.Select(Group)),
                Controls: List(controls.Select(Control)));
        }

        private ControlDto Control(Requirement r)
        {
            var token = _controlTokens[r.Id];
            var props = new List<PropertyDto?> { Label(r.Id), Ours(OscalJson.LevelProp, r.Level) };
            props.AddRange(r.Levels.Select(l => Ours(OscalJson.LevelsProp, l)));
            props.AddRange(r.Parts.Select(p => Ours(OscalJson.IotPartProp, p.ToId())));
            props.AddRange(r.Phases.Select(p => Ours(OscalJson.PhaseProp, OscalJson.ToId(p))));
            props.AddRange(r.Controls.Select(c => Ours(OscalJson.CommonControlProp, c)));
            if (!r.Verified)
                props.Add(Ours(OscalJson.VerifiedProp, "false"));

            var parts = new List<PartDto>();
            // The summary is our text; the source's statement, when we have it (imports), comes from Text.
            if (!r.Text.Any(t => t.Name == "statement"))
            {
                parts.Add(new PartDto(
                    Id: _tokens.Allocate(token + "_smt", "statement"), Name: "statement", Ns: null, Class: null, Title: null,
                    Props: [new PropertyDto(OscalJson.DerivedFromProp, ShirubeNamespace, OscalJson.DerivedFromSummary, null)],
                    Prose: r.Summary.In(_lang), Parts: null));
            }
            else if (r.Text.First(t => t.Name == "statement") is var statement && OscalJson.Flatten(statement) != r.Summary.In(_lang))
            {
                // A summary that differs from the source's statement travels in a part of our own.
                parts.Add(new PartDto(null, OscalJson.SummaryPart, ShirubeNamespace, null, null, null, r.Summary.In(_lang), null));
            }
            parts.AddRange(r.Text.Select(Part));
            if (r.Note is { } note)
                parts.Add(new PartDto(null, OscalJson.NotePart, ShirubeNamespace, null, null, null, note.In(_lang), null));

            return new ControlDto(
                Id: token,
                Class: null,
                Title: r.Title.In(_lang),
                Params: List(r.Parameters.Select(Parameter)),
                Props: List(props.OfType<PropertyDto>()),
                Parts: List(parts),
                Controls: List(_children.GetValueOrDefault(r.Id, []).Select(Control)));
        }

        private PartDto Part(TextPart part) => new(
            Id: part.Id is null ? null : _tokens.Allocate(part.Id, "part"),
            Name: OscalTokens.ToToken(part.Name, "part"),
            Ns: null,
            Class: null,
            Title: null,
            Props: List([Label(part.Label)]),
            Prose: part.Prose,
            Parts: List(part.Children.Select(Part)));

        private ParameterDto Parameter(RequirementParameter p) => new(
            Id: _tokens.Allocate(p.Id, "param"),
            Props: null,
            Label: p.Label,
            Values: List(p.Values.Select(Clean).OfType<string>()),
            Select: p.Choices.Count > 0 || p.ChooseMany
                ? new SelectionDto(p.ChooseMany ? "one-or-more" : null, List(p.Choices))
                : null);

        private static IEnumerable<Requirement> Tree(Requirement r, Dictionary<string, List<Requirement>> children) =>
            children.GetValueOrDefault(r.Id, []).SelectMany(c => Tree(c, children)).Prepend(r);

        private IEnumerable<Requirement> Tree(Requirement r) => Tree(r, _children);

        private static void Add(Dictionary<string, List<Requirement>> map, string key, Requirement r)
        {
            if (!map.TryGetValue(key, out var list))
                map[key] = list = [];
            list.Add(r);
        }

        private static PropertyDto? Label(string? value) =>
            Clean(value) is { } v ? new PropertyDto(OscalJson.LabelProp, null, v, null) : null;

        private static PropertyDto? Ours(string name, string? value) =>
            Clean(value) is { } v ? new PropertyDto(name, ShirubeNamespace, v, null) : null;

        // OSCAL strings (property values, parameter values) are one line without outer whitespace.
        private static string? Clean(string? value) =>
            value is null ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } v ? v : null;

        // The schema forbids empty arrays: leave them out.
        private static List<T>? List<T>(IEnumerable<T?> items)
            where T : class
        {
            var list = items.OfType<T>().ToList();
            return list.Count == 0 ? null : list;
        }
    }
}
