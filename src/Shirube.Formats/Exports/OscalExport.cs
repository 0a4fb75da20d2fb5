using System.Globalization;
using Shirube.Domain.Guidelines;
using Shirube.Formats.Oscal;
using Shirube.Formats.Oscal.Dto;

namespace Shirube.Formats.Exports;

/// <summary>
/// What the OSCAL profile and assessment-results exports share: the control id of each baseline line (the same
/// ids <see cref="OscalCatalogWriter"/> gives the requirements), the catalog of our own requirements, deterministic
/// UUIDs, and OSCAL's string rules.
/// </summary>
internal static class OscalExport
{
    public const string ShirubeNs = OscalCatalogWriter.ShirubeNamespace;

    /// <summary>A name-based (v5) UUID in Shirube's namespace: the same name gives the same UUID in every export.</summary>
    public static string Uuid(string name) => NameBasedUuid.Create(NameBasedUuid.ShirubeNamespace, name).ToString("D");

    /// <summary>OSCAL's date-time with time zone, in UTC, as the catalog writer writes it.</summary>
    public static string Timestamp(DateTimeOffset value)
    {
        if (value.UtcDateTime.Year is < 1900 or > 2999)
            throw new ArgumentOutOfRangeException(nameof(value), value, "OSCAL timestamps must fall in the years 1900 to 2999.");
        return value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A UTC <see cref="DateTime"/> (as the database keeps them) as an OSCAL timestamp.</summary>
    public static string Timestamp(DateTime utc) =>
        Timestamp(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>A property in Shirube's namespace, or null when the value is empty.</summary>
    public static PropertyDto? Ours(string name, string? value) =>
        Clean(value) is { } v ? new PropertyDto(name, ShirubeNs, v, null) : null;

    /// <summary>OSCAL strings (property values, versions) are one line without outer whitespace; null when nothing is left.</summary>
    public static string? Clean(string? value) =>
        value is null ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } v ? v : null;

    /// <summary>The items, or null when there are none (the schema forbids empty arrays).</summary>
    public static List<T>? List<T>(IEnumerable<T?> items)
        where T : class
    {
        var list = items.OfType<T>().ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>The version as OSCAL metadata carries it: "3", or "draft" for an unpublished baseline.</summary>
    public static string Version(BaselineDocument doc) =>
        doc.Version > 0 ? doc.Version.ToString(CultureInfo.InvariantCulture) : "draft";

    /// <summary>The id of the catalog of the baseline's own requirements.</summary>
    public static string OwnCatalogId(BaselineDocument doc) =>
        $"own-{doc.Id:D}-v{doc.Version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The baseline's own requirements (every line without a guideline) as a guideline of their own.</summary>
    public static Guideline? OwnGuideline(BaselineDocument doc, DateTimeOffset now)
    {
        var own = doc.Lines.Where(l => l.GuidelineId is null).ToList();
        if (own.Count == 0)
            return null;
        return new Guideline
        {
            Id = OwnCatalogId(doc),
            Name = new LocalizedText($"Own requirements of {doc.Name}", $"{doc.Name} の独自要求事項"),
            ShortName = "Own",
            Issuer = doc.Organisation,
            Region = GuidelineRegion.Global,
            Year = (doc.PublishedAt?.Year ?? now.UtcDateTime.Year),
            Version = Version(doc),
            Kind = GuidelineKind.General,
            Scope = new LocalizedText(
                $"The requirements {doc.Organisation} adds to the baseline {doc.Name}.",
                $"{doc.Organisation} がベースライン {doc.Name} に加えた要求事項。"),
            Summary = new LocalizedText("Requirements written for this baseline.", "このベースラインのために作成した要求事項。"),
            Source = new GuidelineSource(string.Empty, $"Internal: {doc.Organisation}", "Written in Shirube for this baseline.", null),
            ExpectedCount = own.Count,
            Requirements = [.. own.Select(l => new Requirement
            {
                Id = l.RequirementId,
                Title = l.Title,
                Summary = l.Summary ?? l.Title,
                Parts = l.Parts,
                Phases = [],
                Level = BaselineText.LevelCode(l.Level),
            })],
        };
    }

    /// <summary>
    /// The OSCAL control id of every line, by line key: for a catalog requirement the id its guideline's catalog
    /// export gives it (<see cref="OscalCatalogWriter.ControlIds"/>), for our own the id in the own catalog.
    /// </summary>
    /// <exception cref="ArgumentException">A line's guideline is not in the catalog, or its requirement not in the guideline.</exception>
    public static Dictionary<string, string> ControlIds(BaselineDocument doc, Catalog catalog, DateTimeOffset now)
    {
        var byGuideline = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var own = OwnGuideline(doc, now) is { } g ? OscalCatalogWriter.ControlIds(g) : null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in doc.Lines)
        {
            IReadOnlyDictionary<string, string> ids;
            if (line.GuidelineId is null)
            {
                ids = own!;
            }
            else if (!byGuideline.TryGetValue(line.GuidelineId, out ids!))
            {
                var guideline = catalog.Find(line.GuidelineId)
                    ?? throw new ArgumentException($"The guideline '{line.GuidelineId}' of the line '{line.Key}' is not in the catalog.", nameof(catalog));
                byGuideline[line.GuidelineId] = ids = OscalCatalogWriter.ControlIds(guideline);
            }
            map[line.Key] = ids.TryGetValue(line.RequirementId, out var id)
                ? id
                : throw new ArgumentException($"The requirement '{line.RequirementId}' of the line '{line.Key}' is not in its guideline.", nameof(catalog));
        }
        return map;
    }
}
