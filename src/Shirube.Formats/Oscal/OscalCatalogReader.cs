using System.Globalization;
using System.Text;
using System.Text.Json;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal.Dto;

namespace Shirube.Formats.Oscal;

/// <summary>
/// Imports an OSCAL catalog (JSON) as a guideline: groups at any depth become requirement groups, controls at any
/// depth become requirements (an enhancement's <see cref="Requirement.Parent"/> is its parent control), with their
/// parameters and their parts as <see cref="TextPart"/> trees. Errors name the file and the place.
/// </summary>
/// <remarks>
/// OSCAL has one language, so names and titles are the same in English and Japanese. Imported catalogs are
/// untagged (no IoT parts or phases) unless they carry Shirube's own properties
/// (<see cref="OscalCatalogWriter.ShirubeNamespace"/>), as an export of <see cref="OscalCatalogWriter"/> does; such an
/// export also gets its original requirement and group ids back from the <c>label</c> properties.
/// </remarks>
public static class OscalCatalogReader
{
    /// <summary>Documents larger than this (in UTF-8) are refused before parsing.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Reads a catalog; the guideline id is a slug of the metadata title.</summary>
    /// <param name="json">The OSCAL document.</param>
    /// <param name="file">Its name, for error messages.</param>
    /// <exception cref="OscalFormatException">The document is not an OSCAL catalog Shirube can read.</exception>
    public static Guideline Read(string json, string file) => Read(json, file, null);

    /// <summary>Reads a catalog under the given guideline id (or a slug of the metadata title when null).</summary>
    /// <param name="json">The OSCAL document.</param>
    /// <param name="file">Its name, for error messages.</param>
    /// <param name="guidelineId">The id the guideline gets in Shirube's catalog, or null.</param>
    /// <exception cref="OscalFormatException">The document is not an OSCAL catalog Shirube can read.</exception>
    /// <exception cref="ArgumentException"><paramref name="guidelineId"/> is empty or blank.</exception>
    public static Guideline Read(string json, string file, string? guidelineId)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        // UTF-8 takes at least one byte per UTF-16 unit: the length alone refuses most oversized documents.
        if (json.Length > MaxBytes || Encoding.UTF8.GetByteCount(json) > MaxBytes)
            throw new OscalFormatException(file, "/", $"the document is larger than {MaxBytes} bytes ({MaxBytes / (1024 * 1024)} MiB).");

        using var document = Parse(json, file);
        var root = document.RootElement;
        Check(root, "", file);
        if (root.ValueKind != JsonValueKind.Object)
            throw new OscalFormatException(file, "/", $"the document is a JSON {Kind(root.ValueKind)}, not an object with a \"catalog\".");
        if (!root.TryGetProperty("catalog", out var catalogElement))
        {
            var found = root.EnumerateObject().Select(p => p.Name).FirstOrDefault();
            throw new OscalFormatException(file, "/", found is null
                ? "there is no \"catalog\" at the root."
                : $"there is no \"catalog\" at the root (found \"{found}\"; only OSCAL catalogs can be imported).");
        }
        if (catalogElement.ValueKind != JsonValueKind.Object)
            throw new OscalFormatException(file, "/catalog", $"\"catalog\" is a JSON {Kind(catalogElement.ValueKind)}, not an object.");

        CatalogDto catalog;
        try
        {
            catalog = catalogElement.Deserialize<CatalogDto>(OscalJson.Options)
                ?? throw new OscalFormatException(file, "/catalog", "\"catalog\" is empty.");
        }
        catch (JsonException e)
        {
            var pointer = "/catalog" + Pointer(e.Path);
            var kind = Resolve(root, pointer) is { } element ? Kind(element.ValueKind) : null;
            throw new OscalFormatException(file, pointer, kind is null
                ? "this value does not fit the OSCAL catalog model."
                : $"a JSON {kind} does not fit the OSCAL catalog model here.", e);
        }
        return new Import(file).Guideline(catalog, guidelineId);
    }

    /// <summary>A guideline id made from a title: lower-case ASCII letters and digits joined by hyphens, at most 64 characters.</summary>
    /// <param name="title">The title.</param>
    /// <returns>The slug; for a title without ASCII letters or digits, "imported-" and a hash of the title.</returns>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var builder = new StringBuilder();
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 64)
        {
            // Cut at a word boundary.
            var cut = slug[64] == '-' ? 64 : slug.LastIndexOf('-', 63);
            slug = (cut > 0 ? slug[..cut] : slug[..64]).Trim('-');
        }
        return slug.Length > 0
            ? slug
            : "imported-" + NameBasedUuid.Create(NameBasedUuid.ShirubeNamespace, "title/" + title).ToString("N")[..8];
    }

    // Refuses what JSON allows but the model does not, naming the place: a key twice in one object (which one
    // would count?) and null list items (which keeps the mapping free of null checks).
    private static void Check(JsonElement element, string path, string file)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var where = $"{path}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                if (!names.Add(property.Name))
                    throw new OscalFormatException(file, where, $"the key '{property.Name}' appears twice.");
                Check(property.Value, where, file);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                var where = $"{path}/{i++.ToString(CultureInfo.InvariantCulture)}";
                if (item.ValueKind == JsonValueKind.Null)
                    throw new OscalFormatException(file, where, "a list item is null.");
                Check(item, where, file);
            }
        }
    }

    private static JsonDocument Parse(string json, string file)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = OscalJson.MaxDepth });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $"line {(line + 1).ToString(CultureInfo.InvariantCulture)}, column {((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}"
                : "/";
            throw new OscalFormatException(file, where, $"not valid JSON: {e.Message}", e);
        }
    }

    // System.Text.Json reports "$.groups[0].controls[3]['a b']"; we name places with JSON pointers.
    private static string Pointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "";
        var builder = new StringBuilder();
        var i = path[0] == '$' ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                builder.Append('/').Append(Escape(path[(i + 1)..end]));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                builder.Append('/').Append(Escape(path[(i + 2)..end]));
                i = Math.Min(end + 2, path.Length);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                builder.Append('/').Append(path[(i + 1)..end]);
                i = Math.Min(end + 1, path.Length);
            }
            else
            {
                i++;
            }
        }
        return builder.ToString();

        static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
                current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
                current = current[index];
            else
                return null;
        }
        return current;
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "value",
        _ => "value",
    };

    private sealed class Import(string file)
    {
        private readonly List<Requirement> _requirements = [];
        private readonly HashSet<string> _requirementIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _groupIds = new(StringComparer.Ordinal);
        private bool _ours;

        public Guideline Guideline(CatalogDto catalog, string? guidelineId)
        {
            var metadata = catalog.Metadata ?? throw Error("/catalog", "the catalog has no metadata.");
            var title = Clean(metadata.Title) ?? throw Error("/catalog/metadata", "the metadata has no title.");
            var props = metadata.Props ?? [];
            _ours = props.Any(p => p.Ns == OscalCatalogWriter.ShirubeNamespace);
            string? Ours(string name) => Clean(props.FirstOrDefault(p => p.Ns == OscalCatalogWriter.ShirubeNamespace && p.Name == name)?.Value);
            int PropIndex(string name) => props.ToList().FindIndex(p => p.Ns == OscalCatalogWriter.ShirubeNamespace && p.Name == name);

            var id = guidelineId is null ? Slug(title)
                : !string.IsNullOrWhiteSpace(guidelineId) ? guidelineId.Trim()
                : throw new ArgumentException("The guideline id must not be blank.", nameof(guidelineId));

            var region = GuidelineRegion.Global;
            if (Ours(OscalJson.RegionProp) is { } regionText && !OscalJson.TryParseRegion(regionText, out region))
                throw Error($"/catalog/metadata/props/{PropIndex(OscalJson.RegionProp)}", $"'{regionText}' is not a region.");
            var kind = GuidelineKind.Standard;
            if (Ours(OscalJson.KindProp) is { } kindText && !OscalJson.TryParseKind(kindText, out kind))
                throw Error($"/catalog/metadata/props/{PropIndex(OscalJson.KindProp)}", $"'{kindText}' is not a kind of guideline.");

            ReadControls(catalog.Controls, "/catalog", group: null, parent: null);
            var groups = ReadGroups(catalog.Groups, "/catalog", "");

            var remarks = metadata.Remarks?.Trim();
            return new Guideline
            {
                Id = id,
                Name = new LocalizedText(title, title),
                ShortName = Ours(OscalJson.ShortNameProp) ?? ShortName(title),
                Issuer = Ours(OscalJson.IssuerProp) ?? Issuer(metadata) ?? "unknown",
                Region = region,
                Year = Year(metadata, Ours(OscalJson.YearProp), PropIndex(OscalJson.YearProp)),
                Version = Clean(metadata.Version),
                Kind = kind,
                Sector = Ours(OscalJson.SectorProp),
                Scope = new LocalizedText($"Imported from the OSCAL catalog {file}.", $"OSCAL カタログ {file} から取り込み。"),
                Summary = new LocalizedText(title, title),
                Source = new GuidelineSource(
                    SourceUrl(metadata, catalog.BackMatter) ?? "imported",
                    "as stated by the source",
                    $"Imported from the OSCAL catalog {file}; identifiers, titles and text are the source's.",
                    null),
                Levels = [.. props.Where(p => p.Ns == OscalCatalogWriter.ShirubeNamespace && p.Name == OscalJson.LevelsProp).Select(p => Clean(p.Value)).OfType<string>()],
                ExpectedCount = _requirements.Count,
                Verified = Ours(OscalJson.VerifiedProp) != "false",
                Note = string.IsNullOrEmpty(remarks) ? null : new LocalizedText(remarks, remarks),
                Groups = groups,
                Requirements = [.. _requirements],
                Origin = GuidelineOrigin.Imported,
            };
        }

        // Controls first, then subgroups: the order of the JSON model and of catalogs such as SP 800-53.
        private List<RequirementGroup> ReadGroups(IReadOnlyList<GroupDto>? groups, string path, string position)
        {
            var result = new List<RequirementGroup>();
            for (var i = 0; i < (groups?.Count ?? 0); i++)
            {
                var g = groups![i];
                var where = $"{path}/groups/{i.ToString(CultureInfo.InvariantCulture)}";
                var number = (position.Length == 0 ? "" : position + ".") + (i + 1).ToString(CultureInfo.InvariantCulture);
                var id = (_ours ? Label(g.Props) : null) ?? Clean(g.Id) ?? $"group-{number}";
                if (!_groupIds.Add(id))
                    throw Error(where + "/id", $"the group id '{id}' appears twice.");
                var title = g.Title ?? id;
                ReadControls(g.Controls, where, id, parent: null);
                result.Add(new RequirementGroup(id, new LocalizedText(title, title), ReadGroups(g.Groups, where, number)));
            }
            return result;
        }

        private void ReadControls(IReadOnlyList<ControlDto>? controls, string path, string? group, string? parent)
        {
            for (var i = 0; i < (controls?.Count ?? 0); i++)
            {
                var c = controls![i];
                var where = $"{path}/controls/{i.ToString(CultureInfo.InvariantCulture)}";
                var controlId = Clean(c.Id) ?? throw Error(where, "the control has no id.");
                var id = (_ours ? Label(c.Props) : null) ?? controlId;
                if (!_requirementIds.Add(id))
                    throw Error(where + "/id", $"the control id '{id}' appears twice.");
                _requirements.Add(Requirement(c, id, where, group, parent));
                ReadControls(c.Controls, where, group, id);
            }
        }

        private Requirement Requirement(ControlDto c, string id, string where, string? group, string? parent)
        {
            var title = c.Title ?? id;
            var props = c.Props ?? [];
            var parts = c.Parts ?? [];
            var ours = props.Select((p, i) => (Prop: p, Index: i)).Where(x => x.Prop.Ns == OscalCatalogWriter.ShirubeNamespace).ToList();
            IEnumerable<(string Value, string Where)> Values(string name) => ours
                .Where(x => x.Prop.Name == name && Clean(x.Prop.Value) is not null)
                .Select(x => (Clean(x.Prop.Value)!, $"{where}/props/{x.Index.ToString(CultureInfo.InvariantCulture)}"));

            var iotParts = Values(OscalJson.IotPartProp).Select(v => IotParts.TryParse(v.Value, out var p) ? p
                : throw Error(v.Where, $"'{v.Value}' is not an IoT part; expected one of: {string.Join(", ", IotParts.All.Select(x => x.ToId()))}.")).ToList();
            var phases = Values(OscalJson.PhaseProp).Select(v => OscalJson.TryParsePhase(v.Value, out var p) ? p
                : throw Error(v.Where, $"'{v.Value}' is not a lifecycle phase.")).ToList();

            var text = new List<TextPart>();
            string? summary = null, ownSummary = null;
            LocalizedText? note = null;
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var partWhere = $"{where}/parts/{i.ToString(CultureInfo.InvariantCulture)}";
                if (part.Ns == OscalCatalogWriter.ShirubeNamespace && part.Name == OscalJson.NotePart)
                {
                    note = part.Prose is { } n ? new LocalizedText(n, n) : null;
                    continue;
                }
                if (part.Ns == OscalCatalogWriter.ShirubeNamespace && part.Name == OscalJson.SummaryPart)
                {
                    ownSummary = part.Prose;
                    continue;
                }
                var derived = (part.Props ?? []).Any(p => p.Ns == OscalCatalogWriter.ShirubeNamespace && p.Name == OscalJson.DerivedFromProp);
                if (derived && part.Name == "statement")
                {
                    summary ??= part.Prose ?? "";
                    continue;
                }
                var textPart = Part(part, partWhere);
                if (part.Name == "statement" && part.Ns is null or OscalJson.OscalNamespace)
                    summary ??= OscalJson.Flatten(textPart);
                text.Add(textPart);
            }
            summary = ownSummary ?? (string.IsNullOrWhiteSpace(summary) ? title : summary);

            return new Requirement
            {
                Id = id,
                Group = group,
                Title = new LocalizedText(title, title),
                Summary = new LocalizedText(summary, summary),
                Parts = iotParts,
                Phases = phases,
                Level = Values(OscalJson.LevelProp).Select(v => v.Value).FirstOrDefault(),
                Levels = [.. Values(OscalJson.LevelsProp).Select(v => v.Value)],
                Controls = [.. Values(OscalJson.CommonControlProp).Select(v => v.Value)],
                Verified = Values(OscalJson.VerifiedProp).All(v => v.Value != "false"),
                Note = note,
                Parent = parent,
                Parameters = [.. (c.Params ?? []).Select((p, i) => Parameter(p, $"{where}/params/{i.ToString(CultureInfo.InvariantCulture)}"))],
                Text = text,
            };
        }

        private RequirementParameter Parameter(ParameterDto p, string where)
        {
            var id = Clean(p.Id) ?? throw Error(where, "the parameter has no id.");
            return new RequirementParameter(
                id,
                p.Label,
                [.. p.Values ?? []],
                [.. p.Select?.Choice ?? []],
                string.Equals(p.Select?.HowMany, "one-or-more", StringComparison.Ordinal));
        }

        private TextPart Part(PartDto part, string where)
        {
            var name = Clean(part.Name) ?? throw Error(where, "the part has no name.");
            var children = new List<TextPart>();
            for (var i = 0; i < (part.Parts?.Count ?? 0); i++)
            {
                var child = part.Parts![i];
                var childWhere = $"{where}/parts/{i.ToString(CultureInfo.InvariantCulture)}";
                children.Add(Part(child, childWhere));
            }
            return new TextPart(name, Clean(part.Id), Label(part.Props), part.Prose, children);
        }

        private static string? Label(IReadOnlyList<PropertyDto>? props) => Clean(props?
            .FirstOrDefault(p => p.Name == OscalJson.LabelProp && p.Ns is null or OscalJson.OscalNamespace)?.Value);

        private int Year(MetadataDto metadata, string? ours, int oursIndex)
        {
            if (ours is not null)
            {
                return int.TryParse(ours, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 9999
                    ? y
                    : throw Error($"/catalog/metadata/props/{oursIndex.ToString(CultureInfo.InvariantCulture)}", $"'{ours}' is not a year.");
            }
            // The publication date names the version catalogued; the last change is the fallback.
            foreach (var (value, name) in new[] { (metadata.Published, "published"), (metadata.LastModified, "last-modified") })
            {
                if (value is null)
                    continue;
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    ? date.Year
                    : throw Error($"/catalog/metadata/{name}", $"'{value}' is not a date and time.");
            }
            throw Error("/catalog/metadata", "the metadata has neither published nor last-modified.");
        }

        private static string? Issuer(MetadataDto metadata)
        {
            var parties = metadata.Parties ?? [];
            var creator = metadata.ResponsibleParties?.FirstOrDefault(r => r.RoleId == "creator")?.PartyUuids is [var first, ..] ? first : null;
            return Clean(parties.FirstOrDefault(p => creator is not null && p.Uuid == creator)?.Name)
                ?? Clean(parties.FirstOrDefault(p => p.Type == "organization")?.Name);
        }

        // A link to the document itself: canonical first, then reference, then any; "#uuid" points into back-matter.
        private static string? SourceUrl(MetadataDto metadata, BackMatterDto? backMatter)
        {
            var links = (metadata.Links ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Href))
                .OrderBy(l => l.Rel switch { "canonical" => 0, "reference" => 1, "alternate" => 2, _ => 3 });
            foreach (var link in links)
            {
                var href = link.Href!.Trim();
                if (href.StartsWith('#'))
                {
                    href = backMatter?.Resources?.FirstOrDefault(r => r.Uuid == href[1..])?.Rlinks?
                        .Select(r => r.Href?.Trim()).FirstOrDefault(h => !string.IsNullOrEmpty(h)) ?? "";
                }
                if (Uri.IsWellFormedUriString(href, UriKind.Absolute))
                    return href;
            }
            return null;
        }

        private static string ShortName(string title)
        {
            var colon = title.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? title[..colon].Trim() : title;
        }

        private static string? Clean(string? value) =>
            value is null ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } v ? v : null;

        private OscalFormatException Error(string path, string reason) => new(file, path, reason);
    }
}
